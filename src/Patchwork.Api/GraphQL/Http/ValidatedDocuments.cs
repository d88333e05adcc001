using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using GraphQLParser.AST;

namespace Patchwork.Api.GraphQL.Http;

/// <summary>
/// Documents that have parsed, passed <see cref="DocumentShape"/> and validated, kept by their text. An app sends
/// the same few documents over and over, and parsing and validating them is a large part of a small request's
/// cost. Only checks that cannot depend on the request itself are skipped for a remembered document: the rules
/// added to the schema's own (complexity, introspection) run every time, and variables are always coerced.
/// </summary>
public sealed class ValidatedDocuments
{
    /// <summary>Enough for every document the apps send; a flood of one-off documents just empties the cache.</summary>
    private const int MaxDocuments = 1_000;

    /// <summary>Longer documents are rare and one-off; they are not worth the memory.</summary>
    private const int MaxLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public bool TryGet(string text, [MaybeNullWhen(false)] out GraphQLDocument document) =>
        _documents.TryGetValue(text, out document);

    public void Remember(string text, GraphQLDocument document)
    {
        if (text.Length > MaxLength)
        {
            return;
        }
        if (_documents.Count >= MaxDocuments)
        {
            _documents.Clear();
        }
        _documents.TryAdd(text, document);
    }
}
