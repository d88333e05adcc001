using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Patchwork.Web.Tests;

/// <summary>Calls to the API behind the browser's back, as any other client (or another tab) would make them.</summary>
internal static class DemoApi
{
    public static async Task<string> ClientIdAsync(WebServer server, string email, string search, string displayName)
    {
        var data = await GraphQLAsync(server, email, "query($q: String!) { searchClients(query: $q) { id displayName } }", new { q = search });
        return data["searchClients"]!.AsArray()
            .First(m => m!["displayName"]!.GetValue<string>() == displayName)!["id"]!.GetValue<string>();
    }

    /// <summary>Runs a query or mutation as the demo account and returns its data, failing on any error.</summary>
    public static async Task<JsonNode> GraphQLAsync(WebServer server, string email, string query, object? variables = null)
    {
        using var http = server.CreateClient();
        var token = (await (await http.PostAsJsonAsync("/dev/token", new { email })).Content.ReadFromJsonAsync<JsonObject>())!["token"]!
            .GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = (await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }
}
