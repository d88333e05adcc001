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

    /// <summary>
    /// Registers a client as the demo practitioner (who joins their team) and makes them a household in the area:
    /// a family in reports, never contacted.
    /// </summary>
    public static async Task<(string ClientId, string FamilyId)> NewHouseholdAsync(WebServer server, string email, string givenName, string familyName, string area)
    {
        var client = (await GraphQLAsync(server, email, """
            mutation($given: String!, $family: String!) { registerClient(input: { givenName: $given, familyName: $family,
              dateOfBirth: "2016-04-12", address: "4 Quay Row", postcode: "EM2 4QR", reason: "Referred by the school nurse" }) { id } }
            """, new { given = givenName, family = familyName }))["registerClient"]!["id"]!.GetValue<string>();
        var family = (await GraphQLAsync(server, email, """
            mutation($c: ID!, $name: String!, $area: String!) { createFamily(input: { name: $name, area: $area, clientId: $c, relationship: "child" }) { id } }
            """, new { c = client, name = $"the {familyName} household", area }))["createFamily"]!["id"]!.GetValue<string>();
        return (client, family);
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
