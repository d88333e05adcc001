namespace Patchwork.Storage.Neo4j.Cypher;

/// <summary>
/// One store statement: the file it lives in (<c>cypher/{Name}.cypher</c>) and the parameters it takes. Declared
/// once in <see cref="Statements"/>; every call goes through <see cref="With"/>, which refuses a call that passes
/// other parameters than the declared ones, and a test holds each file to its declaration.
/// </summary>
public sealed record Statement(string Name, params string[] Parameters)
{
    public string ResourceName => $"cypher/{Name}.cypher";
}

/// <summary>A statement's text with the values of one call.</summary>
public sealed record StatementCall(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters);
