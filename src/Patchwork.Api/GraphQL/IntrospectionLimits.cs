using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace Patchwork.Api.GraphQL;

/// <summary>
/// Where the schema may be introspected, the standard introspection query that GraphiQL, Apollo Sandbox, Postman,
/// codegen and graphql-inspector send (graphql-js's <c>getIntrospectionQuery</c>, 15 levels deep) must pass, yet the
/// depth and complexity limits are sized for questions about families. So an operation that asks only about the schema
/// is let past those two limits. It stays bounded: by the document limits (<see cref="Http.DocumentShape"/>), the
/// timeout, and graphql-js's own rule for introspection, which refuses <c>fields</c>, <c>inputFields</c>,
/// <c>interfaces</c> and <c>possibleTypes</c> nested three deep (the standard query never nests them).
/// Where introspection is off this is not installed, and introspection is refused before it is weighed.
/// </summary>
public static class IntrospectionLimits
{
    /// <summary>The nesting of the schema's lists that graphql-js refuses (its MaxIntrospectionDepthRule).</summary>
    public const int RefusedListNesting = 3;

    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "fields", "inputFields", "interfaces", "possibleTypes" };

    /// <summary>Clears the depth or complexity error of an operation that only introspects, within graphql-js's bound.</summary>
    public static Task ExemptIntrospection(ComplexityValidationContext context)
    {
        var validation = context.ValidationContext;
        if (context.Error is not null && IsBoundedIntrospection(validation.Operation, validation.Document))
        {
            context.Error = null;
        }
        return Task.CompletedTask;
    }

    public static bool IsBoundedIntrospection(GraphQLOperationDefinition operation, GraphQLDocument document)
    {
        var walk = new Walk(document);
        return walk.OnlyMetaFields(operation.SelectionSet) && !walk.ListsNestTooDeep(operation.SelectionSet, 0);
    }

    private sealed class Walk(GraphQLDocument document)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());

        private readonly HashSet<string> _open = [];

        /// <summary>Whether every field at the root is a meta field (<c>__schema</c>, <c>__type</c>, <c>__typename</c>).</summary>
        public bool OnlyMetaFields(GraphQLSelectionSet? selections) =>
            (selections?.Selections ?? []).All(selection => selection switch
            {
                GraphQLField field => field.Name.StringValue.StartsWith("__", StringComparison.Ordinal),
                GraphQLInlineFragment inline => OnlyMetaFields(inline.SelectionSet),
                GraphQLFragmentSpread spread => Within(spread, fragment => OnlyMetaFields(fragment.SelectionSet), otherwise: false),
                _ => false,
            });

        public bool ListsNestTooDeep(GraphQLSelectionSet? selections, int depth) =>
            (selections?.Selections ?? []).Any(selection => selection switch
            {
                GraphQLField field when SchemaLists.Contains(field.Name.StringValue) =>
                    depth + 1 >= RefusedListNesting || ListsNestTooDeep(field.SelectionSet, depth + 1),
                GraphQLField field => ListsNestTooDeep(field.SelectionSet, depth),
                GraphQLInlineFragment inline => ListsNestTooDeep(inline.SelectionSet, depth),
                GraphQLFragmentSpread spread => Within(spread, fragment => ListsNestTooDeep(fragment.SelectionSet, depth), otherwise: true),
                _ => true,
            });

        /// <summary>Judges a spread fragment by its selections; an unknown or cyclic one (validation refuses both) counts against.</summary>
        private bool Within(GraphQLFragmentSpread spread, Func<GraphQLFragmentDefinition, bool> judge, bool otherwise)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (!_fragments.TryGetValue(name, out var fragment) || !_open.Add(name))
            {
                return otherwise;
            }
            try
            {
                return judge(fragment);
            }
            finally
            {
                _open.Remove(name);
            }
        }
    }
}
