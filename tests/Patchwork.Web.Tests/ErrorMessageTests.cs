using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>Every kind of error the API can answer with reaches the user as a heading and a sentence they can act on.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ErrorMessageTests(WebAppFixture web)
{
    private const string DistrictNurse = "priya.sharma@eastmere-health.example";

    [Fact]
    public async Task Joining_a_team_already_joined_elsewhere_is_reported_as_a_conflict_with_the_APIs_reason()
    {
        // The firefighter already works with Chidi's mother, so joining Chidi's team opens nothing new to him.
        const string Firefighter = "tom.gallagher@eastmere-fire.example";
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(Firefighter);
        await app.SearchAsync("Chidi Okafor");
        var chidi = page.Locator("li.card", new() { HasText = "Chidi Okafor" });
        await chidi.GetByRole(AriaRole.Button, new() { Name = "Join Chidi Okafor’s team" }).ClickAsync();
        await chidi.GetByLabel("Why are you joining").FillAsync("Smoke alarms fitted in the children's rooms");

        // Meanwhile, in another tab, she joins the same team.
        var id = await DemoApi.ClientIdAsync(web.Server, Firefighter, "Chidi Okafor", "Chidi Okafor");
        await DemoApi.GraphQLAsync(web.Server, Firefighter, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Home safety visit\") { id } }", new { id });

        await chidi.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("That clashes with what is already recorded");
        await Expect(app.Alert).ToContainTextAsync("You are already in this client's team.");
        await Expect(app.Alert).ToBeFocusedAsync();
        await Screens.CheckAsync(app, "19-conflict");
    }

    // Answers the API gives under load, on a timeout or on a fault, in the API's own error shape, substituted for the
    // real answer at the network layer: the app's wording is what is under test here (the API's tests cover the rest).
    [Theory]
    [InlineData(429, "RATE_LIMITED", "Too many requests. Try again in 7 s.", "Too many requests", "Wait 7 seconds, then try again.")]
    [InlineData(200, "TIMEOUT", "The request was cancelled or took too long.", "Patchwork took too long to answer", "Try again in a moment.")]
    [InlineData(500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side. Quote request id 0HN-42:0001 if you report it.",
        "Something went wrong on our side", "quote request id 0HN-42:0001")]
    [InlineData(0, "NETWORK", "", "Patchwork cannot be reached", "Check your phone has signal or Wi-Fi")]
    public async Task Load_timeouts_faults_and_lost_connections_each_get_their_own_message(
        int status, string code, string apiMessage, string heading, string advice)
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(DistrictNurse);
        await page.RouteAsync("**/graphql", route => status == 0
            ? route.AbortAsync("internetdisconnected")
            : route.FulfillAsync(new RouteFulfillOptions
            {
                Status = status,
                ContentType = "application/graphql-response+json",
                Headers = status == 429 ? new Dictionary<string, string> { ["Retry-After"] = "7" } : null,
                Body = JsonSerializer.Serialize(new { errors = new[] { new { message = apiMessage, extensions = new { code } } } }),
            }));
        await page.GetByLabel("Name").FillAsync("Okafor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync(heading);
        await Expect(app.Alert).ToContainTextAsync(advice);
        await Expect(app.Alert).ToBeFocusedAsync();
    }
}
