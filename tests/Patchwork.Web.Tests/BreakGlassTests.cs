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

    [Fact]
    public async Task The_information_governance_lead_reviews_a_break_glass_and_closes_it()
    {
        var (clientId, _) = await DemoApi.NewHouseholdAsync(web.Server, HealthVisitor, "Ines", "Kowalczyk", "Millbrook");
        const string reason = "Father called 999 saying the baby had stopped breathing";
        await DemoApi.GraphQLAsync(web.Server, DistrictNurse,
            "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: IMMEDIATE_RISK_TO_LIFE) { id } }",
            new { c = clientId, r = reason });

        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync("admin@eastmere-council.example");
        await Expect(app.Heading).ToHaveTextAsync("Break glass to review");
        var card = page.Locator("ul.reviews > li", new() { HasText = reason });
        await Expect(card).ToContainTextAsync("Priya Sharma, District nurse, Eastmere Community Health NHS Trust");
        await Expect(card).ToContainTextAsync("immediate risk to life");
        await card.GetByText("Review", new() { Exact = true }).ClickAsync();
        await Screens.CheckAsync(app, "32-break-glass-review");

        await card.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Expect(card.Locator(".field-error")).ToHaveTextAsync("Error: Give the outcome in a sentence.");
        await card.GetByLabel("Decision").SelectOptionAsync("CLOSED");
        await card.GetByLabel("Outcome").FillAsync("Appropriate: the ambulance service asked for the team.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Expect(app.Status).ToContainTextAsync("Break glass marked closed.");
        await Expect(page.Locator("ul.reviews > li", new() { HasText = reason })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Closed" }).ClickAsync();
        var closed = page.Locator("ul.reviews > li", new() { HasText = reason });
        await Expect(closed).ToContainTextAsync("Closed by demo-admin");
        await Expect(closed.GetByRole(AriaRole.Button, new() { Name = "Record review" })).ToHaveCountAsync(0);
    }
}
