using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Patchwork.Web.Tests;

/// <summary>Facts a test needs before it opens the browser, asked of the API as any client would.</summary>
internal static class DemoApi
{
    public static async Task<string> ClientIdAsync(WebServer server, string email, string search, string displayName)
    {
        using var http = server.CreateClient();
        var token = (await (await http.PostAsJsonAsync("/dev/token", new { email })).Content.ReadFromJsonAsync<JsonObject>())!["token"]!
            .GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "query($q: String!) { searchClients(query: $q) { id displayName } }", variables = new { q = search } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>();
        return body!["data"]!["searchClients"]!.AsArray()
            .First(m => m!["displayName"]!.GetValue<string>() == displayName)!["id"]!.GetValue<string>();
    }
}
