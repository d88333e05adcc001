namespace Patchwork.Api.GraphQL;

/// <summary>Limits that keep one request from costing the server more than a practitioner's question should.</summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>How deeply selections may nest (a family's team's clients' family … stops here).</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>
    /// The largest estimated cost of one request: a field costs 1 (a search 20, a team 5), and a list multiplies
    /// what it holds.
    /// </summary>
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>How many aliased fields one document may use.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>How many operations one document may hold (only one runs per request).</summary>
    public int MaxOperations { get; set; } = 10;

    /// <summary>How many fragments one document may define.</summary>
    public int MaxFragments { get; set; } = 50;

    /// <summary>How many fields one document may select, counting each fragment wherever it is spread.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>How long one request may execute before it is abandoned with a TIMEOUT error.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the schema can be introspected; by default only in Development.</summary>
    public bool? Introspection { get; set; }
}
