using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchwork.Resilience.Tests;

/// <summary>One GraphQL request over HTTP and its answer.</summary>
public sealed record GraphQLAnswer(int Status, JsonObject Body)
{
    public JsonArray Errors => Body["errors"]?.AsArray() ?? [];

    public JsonNode? Data => Body["data"];

    /// <summary>Whether the server accepted the operation: HTTP 200 and no errors.</summary>
    public bool Succeeded => Status == 200 && Errors.Count == 0 && Data is not null;

    public JsonNode Ok() => Succeeded ? Data! : throw new InvalidOperationException($"Expected success, got {Status}: {Body.ToJsonString()}");
}

public static class GraphQLCall
{
    public static async Task<GraphQLAnswer> SendAsync(HttpClient client, string token, string query, object? variables = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        return new GraphQLAnswer((int)response.StatusCode, body);
    }
}
