using System.Text;
using GraphQL;
using GraphQL.Types;

namespace Patchwork.Api.Tests;

/// <summary>
/// Every way down the schema from the root query, as GraphQL documents: one per path, each selecting every leaf
/// field along the way and, at its end, the leaves of the fields one level further. A field added later is on some
/// path without anyone listing it, so a rule checked over these documents covers it too.
/// </summary>
internal static class SchemaWalk
{
    /// <param name="rootArguments">The argument lists each root field is called with; a root field with required
    /// arguments and no entry here is left out.</param>
    /// <param name="maxRepeats">How often one type may appear on a path (twice reaches a member's team through its family).</param>
    public static IReadOnlyList<string> Documents(ISchema schema, IReadOnlyDictionary<string, string[]> rootArguments,
        int maxRepeats = 2, int maxDepth = 7)
    {
        schema.Initialize();
        var documents = new List<string>();
        foreach (var field in schema.Query.Fields.Where(f => f.ResolvedType!.GetNamedType() is IObjectGraphType))
        {
            var calls = rootArguments.TryGetValue(field.Name, out var given) ? given : NeedsArguments(field) ? [] : [""];
            foreach (var arguments in calls)
            {
                Walk([new Step(field, arguments)], maxRepeats, maxDepth, documents);
            }
        }
        return documents;
    }

    private sealed record Step(FieldType Field, string Arguments)
    {
        public IObjectGraphType Type => (IObjectGraphType)Field.ResolvedType!.GetNamedType();
    }

    private static void Walk(List<Step> path, int maxRepeats, int maxDepth, List<string> documents)
    {
        var further = path.Count < maxDepth
            ? Objects(path[^1].Type).Where(f => path.Count(s => s.Type.Name == f.ResolvedType!.GetNamedType().Name) < maxRepeats).ToList()
            : [];
        if (further.Count == 0)
        {
            documents.Add(Document(path));
            return;
        }
        foreach (var field in further)
        {
            Walk([.. path, new Step(field, "")], maxRepeats, maxDepth, documents);
        }
    }

    private static string Document(IReadOnlyList<Step> path)
    {
        var text = new StringBuilder("{ ");
        foreach (var step in path)
        {
            text.Append(step.Field.Name).Append(step.Arguments.Length > 0 ? $"({step.Arguments})" : "").Append(" { ")
                .AppendJoin(' ', Leaves(step.Type)).Append(' ');
        }
        foreach (var field in Objects(path[^1].Type))
        {
            text.Append(field.Name).Append(" { ").AppendJoin(' ', Leaves((IObjectGraphType)field.ResolvedType!.GetNamedType())).Append(" } ");
        }
        return text.Append(new string('}', path.Count + 1)).ToString();
    }

    private static IEnumerable<string> Leaves(IObjectGraphType type) =>
        type.Fields.Where(f => f.ResolvedType!.GetNamedType() is not IObjectGraphType && !NeedsArguments(f)).Select(f => f.Name);

    private static IEnumerable<FieldType> Objects(IObjectGraphType type) =>
        type.Fields.Where(f => f.ResolvedType!.GetNamedType() is IObjectGraphType && !NeedsArguments(f));

    private static bool NeedsArguments(FieldType field) =>
        field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null) == true;
}
