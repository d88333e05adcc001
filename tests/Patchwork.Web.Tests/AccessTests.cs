using Microsoft.Playwright;
using Patchwork.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>What the app shows when the API withholds or refuses something, and to whom it offers what.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AccessTests(WebAppFixture web)
{
    private const string Firefighter = "tom.gallagher@eastmere-fire.example";
    private const string DistrictNurse = "priya.sharma@eastmere-health.example";
    private const string RestrictedWorker = "Siân Morgan";
    private const string RestrictedWorkerEmail = "sian.morgan@";

    [Fact]
    public async Task A_restricted_involvement_shows_only_the_service_and_its_duty_line()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(Firefighter);
        await app.SearchAsync("Ngozi Okafor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Ngozi Okafor’s team" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Ngozi Okafor");

        var restricted = page.Locator("ul.team > li", new() { HasText = "Restricted service involved" });
        await Expect(restricted).ToHaveCountAsync(1);
        await Expect(restricted).ToContainTextAsync("Eastmere Women's Aid");
        await Expect(restricted).ToContainTextAsync("contact it through its duty line");
        await Expect(restricted.Locator("a[href='tel:01632960737']")).ToContainTextAsync("Call duty line");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(RestrictedWorker);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(RestrictedWorkerEmail);
        await Expect(page.Locator($"a[href^='mailto:{RestrictedWorkerEmail}']")).ToHaveCountAsync(0);
        await Screens.CheckAsync(app, "08-restricted-involvement");
    }

    [Fact]
    public async Task The_restricted_worker_sees_herself_and_is_told_how_others_see_her()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync("sian.morgan@eastmere-womensaid.example");
        await app.NavigateAsync("My clients");
        await page.Locator("ul.links a").First.ClickAsync();
        // She finds her own part under her work, not counted among who else is involved.
        var herself = page.Locator(".card.me");
        await Expect(herself).ToContainTextAsync("the rest of the team sees only your service’s duty line");
        await Expect(page.Locator("ul.team")).Not.ToContainTextAsync(RestrictedWorker);
        await Expect(page.GetByText("Schedule a visit")).ToBeVisibleAsync();
        await Screens.CheckAsync(app, "20-restricted-worker-herself");
    }

    [Fact]
    public async Task A_team_the_practitioner_is_not_in_is_refused_with_the_reason_and_an_offer_to_join()
    {
        var grace = await DemoApi.ClientIdAsync(web.Server, DistrictNurse, "Grace Okafor", "Grace Okafor");
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(DistrictNurse);
        await page.GotoAsync($"/#/client/{grace}");

        await Expect(app.Heading).ToHaveTextAsync("You are not in this client’s team");
        await Expect(page.Locator("#screen")).ToContainTextAsync("Join their team, with a reason, to see it.");
        await Expect(page.Locator("ul.team")).ToHaveCountAsync(0);
        await Screens.CheckAsync(app, "09-forbidden-team");

        // An empty reason is caught before anything is sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();
        await Expect(page.Locator(".field-error")).ToHaveTextAsync("Error: Say why you are joining the team.");
        await Expect(page.GetByLabel("Why are you joining")).ToBeFocusedAsync();
        await Screens.CheckAsync(app, "10-join-reason-missing");

        await page.GetByLabel("Why are you joining").FillAsync("Continence assessment for the family");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Grace Okafor");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work with this family" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.team")).Not.ToContainTextAsync("Priya Sharma");
    }

    [Fact]
    public async Task A_client_that_does_not_exist_is_reported_as_not_found()
    {
        await using var app = await web.NewPageAsync();
        await app.SignInAsync(DemoNetwork.WalkThrough.PractitionerEmail);
        await app.Page.GotoAsync("/#/client/00000000000000000000000000000000");
        await Expect(app.Alert).ToBeVisibleAsync();
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("Not found");
        await Expect(app.Alert).ToBeFocusedAsync();
        await Screens.CheckAsync(app, "11-not-found");
    }

    [Fact]
    public async Task Analysts_get_reports_and_no_practitioner_screens_and_practitioners_get_no_reports()
    {
        await using (var analyst = await web.NewPageAsync())
        {
            await analyst.SignInAsync("analyst@eastmere-council.example");
            await Expect(analyst.Heading).ToHaveTextAsync("Reports");
            await analyst.OpenMenuAsync();
            var nav = analyst.Navigation;
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Search" })).ToHaveCountAsync(0);
            await Screens.CheckAsync(analyst, "12-reports");
            await analyst.Page.GotoAsync("/#/search");
            await Expect(analyst.Heading).ToHaveTextAsync("This page is for practitioners");
        }
        await using var practitioner = await web.NewPageAsync();
        await practitioner.SignInAsync(DemoNetwork.WalkThrough.PractitionerEmail);
        await practitioner.OpenMenuAsync();
        await Expect(practitioner.Navigation.GetByRole(AriaRole.Link, new() { Name = "Search" })).ToBeVisibleAsync();
        await Expect(practitioner.Navigation.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_screen_still_loading_when_the_user_moves_on_never_lands_on_top_of_the_next()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        // The reports' answers are held back until the analyst has moved on to another screen.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/graphql", async route =>
        {
            if (route.Request.PostData?.Contains("standingMessage", StringComparison.Ordinal) != true)
            {
                await release.Task;
            }
            await route.ContinueAsync();
        });
        await app.SignInAsync("analyst@eastmere-council.example");
        var asked = page.WaitForRequestAsync("**/graphql");
        await page.GotoAsync("/#/reports/density");
        await asked;
        await page.GotoAsync("/#/search");
        await Expect(app.Heading).ToHaveTextAsync("This page is for practitioners");

        var answered = page.WaitForResponseAsync("**/graphql");
        release.SetResult();
        await answered;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(app.Heading).ToHaveTextAsync("This page is for practitioners");
        await Expect(app.Alert).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_practitioner_whose_agency_has_no_agreement_is_told_why_they_cannot_use_it()
    {
        await using var app = await web.NewPageAsync();
        await app.SignInAsync("gary.holt@mereside-housing.example");
        await Expect(app.Heading).ToHaveTextAsync("You cannot use Patchwork yet");
        await Expect(app.Page.Locator("#screen")).ToContainTextAsync("no data-sharing agreement in force");
        // Nothing is offered that the API would refuse him: no menu and no links, only signing out.
        await Expect(app.Page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
        await Expect(app.Page.Locator("#nav a")).ToHaveCountAsync(0);
        await Expect(app.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Screens.CheckAsync(app, "13-no-agreement");
    }

    [Fact]
    public async Task A_token_the_API_rejects_sends_the_user_back_to_sign_in_with_a_message()
    {
        await using var app = await web.NewPageAsync();
        await app.OpenAsync();
        // A well-formed but forged token: the app believes it until the API says otherwise.
        await app.Page.EvaluateAsync("""
            () => {
              const part = (o) => btoa(JSON.stringify(o)).replace(/=+$/, '');
              const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'intruder', exp: Date.now() / 1000 + 3600 })}.c2ln`;
              sessionStorage.setItem('patchwork.session', JSON.stringify({ token, expiresAt: Date.now() + 3600000 }));
            }
            """);
        await app.Page.ReloadAsync();
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("Please sign in again");
        await Expect(app.Alert).ToContainTextAsync("Your sign-in has expired or is not valid.");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Null(await app.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('patchwork.session')"));
        await Screens.CheckAsync(app, "14-signed-out-by-the-api");
    }
}
