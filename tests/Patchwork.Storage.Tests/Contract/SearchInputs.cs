namespace Patchwork.Storage.Tests.Contract;

/// <summary>Search text an attacker might type: each must be taken as plain words by every store.</summary>
public static class SearchInputs
{
    public static TheoryData<string> HostileQueries => new()
    {
        "\"",
        "\"\"\"",
        "smith\"",
        "*",
        "smi*",
        "-",
        "'",
        "--'--",
        "smith OR jones",
        "NEAR(smith jones)",
        "smith NOT alice",
        "(((",
        ")smith(",
        "given_name:alice",
        "{given_name family_name}: smith",
        "^smith",
        "alice + smith",
        "'; DROP TABLE client; --",
        "\\",
        "\0",
        "\u0308",
        "👪 smith 🏠",
        "\ud83d",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("sm", 5_000)),
        string.Concat(Enumerable.Repeat("\"*()", 2_500)),
    };
}
