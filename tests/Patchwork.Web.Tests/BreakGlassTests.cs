using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>The team is told, on the client's own screen, when someone outside it saw the team under break glass.</summary>
[Collection(WebAppCollection.Name)]
public sealed class BreakGlassTests(WebAppFixture web)
{
    private const string HealthVisitor = "bethany.clarke@eastmere-health.example";
    private const string DistrictNurse = "priya.sharma@eastmere-health.example";
    private const string Reason = "Neighbour reports the child alone and distressed";

    [Fact]
    public async Task The_team_sees_who_saw_the_client_under_break_glass_and_when_but_not_why()
    {
        // A household of its own, so no other test's screen changes; the district nurse is not in its team.
        var (clientId, _) = await DemoApi.NewHouseholdAsync(web.Server, HealthVisitor, "Rosa", "Lindqvist", "Millbrook");
        await DemoApi.GraphQLAsync(web.Server, DistrictNurse,
            "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: MISSING_PERSON) { id } }",
            new { c = clientId, r = Reason });

        await using var app = await web.NewPageAsync();
        await app.SignInAsync(HealthVisitor);
        await app.Page.GotoAsync($"/#/client/{clientId}");
        await Expect(app.Heading).ToHaveTextAsync("Rosa Lindqvist");

        var notice = app.Page.Locator("section.break-glass li");
        await Expect(notice).ToHaveCountAsync(1);
        await Expect(notice).ToContainTextAsync("Seen under break glass: ");
        await Expect(notice).ToContainTextAsync("Eastmere Community Health NHS Trust (missing person)");
        await Expect(notice).ToContainTextAsync("Priya Sharma, District nurse, viewing Rosa Lindqvist");
        await Expect(app.Page.Locator("body")).Not.ToContainTextAsync(Reason);
        await Screens.CheckAsync(app, "31-seen-under-break-glass");
    }
}
