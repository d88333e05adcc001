using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Patchwork.Api.GraphQL.Http;

/// <summary>
/// Parses a request's document once, and refuses shapes built to cost far more than their size before any
/// validation runs: too many operations, fragments or aliases, a fragment cycle, or fragments that multiply the
/// fields to check (a thousand-byte document can otherwise expand to millions of fields).
/// </summary>
public static class DocumentShape
{
    public static GraphQLDocument Parse(string text, GraphQLLimits limits)
    {
        GraphQLDocument document;
        try
        {
            // GraphQL treats \r, \n and \r\n alike; the parser's error reporting stumbles on a lone \r.
            document = Parser.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'),
                new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = 64 });
        }
        catch (GraphQLParserException error)
        {
            throw PatchworkException.BadInput($"The document is not valid GraphQL: {error.Message}");
        }
        Check(document, limits);
        return document;
    }

    private static void Check(GraphQLDocument document, GraphQLLimits limits)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        Refuse(operations.Count > limits.MaxOperations, $"A document may hold at most {limits.MaxOperations} operations.");
        Refuse(fragments.Count > limits.MaxFragments, $"A document may define at most {limits.MaxFragments} fragments.");
        var counter = new FieldCounter(fragments, limits.MaxFields);
        var total = operations.Sum(o => (long)counter.Count(o.SelectionSet));
        Refuse(counter.FoundCycle, "Fragments must not spread themselves, directly or through others.");
        Refuse(total > limits.MaxFields, $"A document may select at most {limits.MaxFields} fields, counting each fragment where it is spread.");
        Refuse(counter.Aliases > limits.MaxAliases, $"A document may use at most {limits.MaxAliases} aliases.");
    }

    private static void Refuse(bool condition, string message)
    {
        if (condition)
        {
            throw PatchworkException.BadInput(message);
        }
    }

    /// <summary>Counts fields with every fragment expanded, remembering each fragment's count so the walk stays linear.</summary>
    private sealed class FieldCounter(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, int cap)
    {
        private readonly Dictionary<string, int> _expanded = [];
        private readonly HashSet<string> _open = [];

        public bool FoundCycle { get; private set; }

        public int Aliases { get; private set; }

        public int Count(GraphQLSelectionSet? selections)
        {
            long total = 0;
            foreach (var selection in selections?.Selections ?? [])
            {
                total += selection switch
                {
                    GraphQLField field => 1 + Alias(field) + Count(field.SelectionSet),
                    GraphQLFragmentSpread spread => CountFragment(spread.FragmentName.Name.StringValue),
                    GraphQLInlineFragment inline => Count(inline.SelectionSet),
                    _ => 0,
                };
                if (total > cap)
                {
                    return cap + 1; // enough to refuse; stop before the numbers grow
                }
            }
            return (int)total;
        }

        private int Alias(GraphQLField field)
        {
            Aliases += field.Alias is null ? 0 : 1;
            return 0;
        }

        private int CountFragment(string name)
        {
            if (_expanded.TryGetValue(name, out var known))
            {
                return known;
            }
            if (!fragments.TryGetValue(name, out var fragment) || !_open.Add(name))
            {
                FoundCycle |= fragment is not null;
                return 0; // an unknown fragment is reported by validation
            }
            var count = Count(fragment.SelectionSet);
            _open.Remove(name);
            _expanded[name] = count;
            return count;
        }
    }
}
