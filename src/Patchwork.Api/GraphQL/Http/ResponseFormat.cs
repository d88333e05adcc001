using Microsoft.Net.Http.Headers;

namespace Patchwork.Api.GraphQL.Http;

/// <summary>
/// The media type an answer at <c>/graphql</c> is written in, chosen from the request's <c>Accept</c> header as
/// GraphQL over HTTP says: <c>application/graphql-response+json</c> whenever the client accepts it (also through
/// <c>*/*</c> or <c>application/*</c>, and when it sends no <c>Accept</c> at all, which leaves the choice to the
/// server); plain <c>application/json</c> only for a legacy client that prefers it to every other type it names.
/// An <c>Accept</c> naming nothing this endpoint can write is disregarded rather than refused with 406 (the spec allows
/// either): the answer is then in <c>application/graphql-response+json</c>, which says exactly what it is.
/// </summary>
public sealed record ResponseFormat(bool IsLegacyJson)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string LegacyJson = "application/json";

    public static readonly ResponseFormat GraphQLResponse = new(IsLegacyJson: false);
    public static readonly ResponseFormat Legacy = new(IsLegacyJson: true);

    public string ContentType => (IsLegacyJson ? LegacyJson : GraphQLResponseJson) + "; charset=utf-8";

    /// <summary>
    /// The status of an answer to a request that could not be executed because of what it asked: its document does
    /// not parse, fails validation or the server's limits, or its variables cannot be coerced. 400 in
    /// <c>application/graphql-response+json</c>; 200 for a legacy client, which reads the errors only from a 200.
    /// </summary>
    public int RequestErrorStatus => IsLegacyJson ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;

    public static ResponseFormat Of(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept
            .Where(type => type.Quality is not 0 && Writes(type))
            .ToList();
        if (accepted.Count == 0)
        {
            return GraphQLResponse;
        }
        // Among the most preferred types this endpoint writes, anything but plain JSON admits the graphql-response type.
        var preference = accepted.Max(Quality);
        var legacyOnly = accepted.Where(type => Quality(type) == preference).All(IsPlainJson);
        return legacyOnly ? Legacy : GraphQLResponse;
    }

    private static double Quality(MediaTypeHeaderValue type) => type.Quality ?? 1;

    private static bool IsPlainJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals(LegacyJson, StringComparison.OrdinalIgnoreCase);

    private static bool Writes(MediaTypeHeaderValue type) =>
        IsPlainJson(type)
        || type.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)
        || type.MatchesAllTypes
        || type is { MatchesAllSubTypes: true } && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase);
}
