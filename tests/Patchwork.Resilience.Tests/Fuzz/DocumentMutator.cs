using System.Text;
using System.Text.RegularExpressions;

namespace Patchwork.Resilience.Tests.Fuzz;

/// <summary>
/// Breaks GraphQL documents the way a fuzzer does: splits a valid document into tokens, then deletes, duplicates,
/// swaps, replaces and inserts tokens, drops in raw characters, cuts it short or repeats part of it.
/// The vocabulary is every name in the printed schema plus the language's own keywords and punctuation.
/// </summary>
public sealed partial class DocumentMutator(IReadOnlyList<string> schemaNames)
{
    private static readonly string[] Language =
    [
        "query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "schema", "extend", "type", "input",
        "enum", "scalar", "directive", "implements", "interface", "union", "repeatable", "__schema", "__type", "__typename",
        "@skip", "@include", "@deprecated", "@specifiedBy", "@oneOf", "$q", "$id", "$c", "$undefined", "if", "first",
        "{", "}", "(", ")", "[", "]", ":", "=", "!", "$", "@", "|", "&", "...", ",", "\"\"\"", "\"", "#", "0", "-1",
        "1.5e10", "9999999999999999999999", "-0", "0x10", "\"\\u0000\"", "\"\\uD800\"", "\"\\\"\"", "\"a\\", "\"\\q\"",
    ];

    private static readonly string[] Oddities =
    [
        "\u0000", "\u0001", "\u001b[31m", "\u00a0", "\u200b", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ud800", "\udfff",
        "\ud83d\ude00", "é", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\r", "\n", "\t", "\\", "%s%n", "'; DROP TABLE client; --", "{{7*7}}", "../../",
        "<script>", "Robert'); --", "\"\"\"block\"\"\"", "#comment\n",
    ];

    private readonly string[] _vocabulary = [.. Language, .. schemaNames];

    /// <summary>Applies one random mutation, or now and then two to four, so many mutants still get past the parser.</summary>
    public string Mutate(string document, Random random, out string applied)
    {
        var tokens = Tokenize(document);
        var steps = new List<string>();
        for (var count = random.Next(3) == 0 ? random.Next(2, 5) : 1; count > 0 && tokens.Count > 0; count--)
        {
            steps.Add(MutateOnce(tokens, random));
        }
        applied = string.Join(", ", steps);
        var separator = random.Next(8) == 0 ? "" : " ";
        return string.Join(separator, tokens);
    }

    /// <summary>A document made of random tokens from the vocabulary.</summary>
    public string RandomDocument(Random random, int length) =>
        string.Join(random.Next(4) == 0 ? "" : " ", Enumerable.Range(0, length).Select(_ => Pick(random)));

    public static string Oddity(Random random) => Oddities[random.Next(Oddities.Length)];

    public static List<string> Tokenize(string document) => [.. TokenPattern().Matches(document).Select(m => m.Value)];

    private string MutateOnce(List<string> tokens, Random random)
    {
        var at = random.Next(tokens.Count);
        switch (random.Next(11))
        {
            case 0:
                tokens.RemoveAt(at);
                return "delete";
            case 1:
                tokens.Insert(at, tokens[at]);
                return "duplicate";
            case 2:
                var other = random.Next(tokens.Count);
                (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                return "swap";
            case 3:
                tokens[at] = Pick(random);
                return "replace";
            case 4:
                tokens.Insert(at, Pick(random));
                return "insert";
            case 5:
                tokens.Insert(at, Oddity(random));
                return "insert raw";
            case 6:
                tokens.RemoveRange(at, tokens.Count - at);
                return "truncate";
            case 7:
                var length = Math.Min(random.Next(1, 8), tokens.Count - at);
                var span = tokens.GetRange(at, length);
                var times = random.Next(2, 60);
                for (var i = 0; i < times; i++)
                {
                    tokens.InsertRange(at, span);
                }
                return $"repeat {length} tokens {times}×";
            case 8:
                tokens[at] = "\"" + new string('x', random.Next(1_000, 30_000)) + "\"";
                return "huge string";
            case 9:
                tokens[at] = random.Next(4) switch
                {
                    0 => "2147483648",
                    1 => "-2147483649",
                    2 => "1e309",
                    _ => "0." + new string('9', 500),
                };
                return "huge number";
            default:
                var bracket = "{[(".Substring(random.Next(3), 1);
                tokens.Insert(at, bracket);
                return "unbalanced " + bracket;
        }
    }

    private string Pick(Random random) => _vocabulary[random.Next(_vocabulary.Length)];

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|\\.\\.\\.|[!$&()\\[\\]{}:=@|]|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[_A-Za-z][_0-9A-Za-z]*|\\S")]
    private static partial Regex TokenPattern();

    /// <summary>Every name in a printed schema: types, fields, arguments, enum values.</summary>
    public static IReadOnlyList<string> NamesIn(string schema) =>
        [.. NamePattern().Matches(RemoveDescriptions(schema)).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    private static string RemoveDescriptions(string schema) => DescriptionPattern().Replace(schema, " ");

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex DescriptionPattern();

    [GeneratedRegex("[_A-Za-z][_0-9A-Za-z]*")]
    private static partial Regex NamePattern();

    /// <summary>Text repeated until it is about this long.</summary>
    public static string Repeat(string text, int length)
    {
        var builder = new StringBuilder(length + text.Length);
        while (builder.Length < length)
        {
            builder.Append(text);
        }
        return builder.ToString();
    }
}
