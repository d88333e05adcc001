using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchwork.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// Analysts' and commissioners' reports in the browser: suppressed counts shown as words, CSV downloads, paging, a
/// follow-up request that reaches the family's team or a duty inbox, and the API's refusal shown to anyone else.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ReportsTests(WebAppFixture web)
{
    private const string Analyst = "analyst@eastmere-council.example";
    private const string Commissioner = "commissioner@eastmere-council.example";
    private const string HealthVisitor = "bethany.clarke@eastmere-health.example";
    private const string Firefighter = "tom.gallagher@eastmere-fire.example";

    [GeneratedRegex(@"^patchwork-network-density-\d{4}-\d{2}-\d{2}\.csv$")]
    private static partial Regex DensityFileName();

    [Fact]
    public async Task An_analyst_sees_density_with_small_counts_shown_as_fewer_than_5_and_downloads_it_as_csv()
    {
        // One household alone in its area: the area is published only as "fewer than 5 families".
        const string SmallArea = "Eastmere / Little Mere";
        await DemoApi.NewHouseholdAsync(web.Server, Firefighter, "Ivy", "Pennyfold", SmallArea);
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(Analyst);
        await page.GetByRole(AriaRole.Link, new() { Name = "Network density" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Network density");

        var bar = page.Locator("figure.chart li", new() { HasText = SmallArea });
        await Expect(bar.Locator(".bar-value")).ToHaveTextAsync("fewer than 5 families: not shown");
        await Expect(bar.Locator(".bar-fill")).ToHaveCountAsync(0);
        var row = page.Locator("#density-table tbody tr", new() { HasText = SmallArea });
        await Expect(row.Locator("td").First).ToHaveTextAsync("fewer than 5");
        Assert.DoesNotMatch(@"\d", string.Concat(await row.Locator("td").AllTextContentsAsync()).Replace("fewer than 5", "", StringComparison.Ordinal));
        await Expect(page.Locator("#bucket-table td .suppressed").First).ToHaveTextAsync("fewer than 5");
        await Expect(page.Locator(".suppression-note")).ToContainTextAsync("counts of 1 to 4 are shown as “fewer than 5”");
        // Every count the app shows as a number is a published one: a multiple of 5.
        var counts = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('#density-table td, #bucket-table td')].map(td => td.textContent.trim()).filter(t => /^\\d+$/.test(t)).map(Number)");
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Equal(0, c % 5));
        var bars = page.Locator("figure.chart li .bar-value");
        await Expect(bars.First).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?$"));
        await Screens.CheckAsync(app, "21-report-density");

        await page.GetByLabel("Kind of agency").SelectOptionAsync("HEALTH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/reports/density\\?agencyKind=HEALTH$"));
        await Expect(page.GetByLabel("Kind of agency")).ToHaveValueAsync("HEALTH");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download network density (CSV)" }).ClickAsync());
        Assert.Matches(DensityFileName(), download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("area,families,practitioners_per_family_mean,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"{SmallArea},suppressed,", StringComparison.Ordinal));
        await Expect(page.Locator(".download-status")).ToHaveTextAsync($"Downloaded {download.SuggestedFilename}.");
    }

    [Fact]
    public async Task An_analyst_sees_family_networks_in_groups_agency_pairs_and_caseloads()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(Analyst);
        await page.GotoAsync("/#/reports/families");
        await Expect(app.Heading).ToHaveTextAsync("Family networks");
        var rows = page.Locator("#family-table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        // A group, never a family: no reference anywhere, and every group of ten or more families.
        await Expect(page.Locator("#family-table")).Not.ToContainTextAsync(new Regex("F-[0-9A-Z]{10}"));
        var families = await rows.Locator("td:nth-child(4)").AllTextContentsAsync();
        Assert.All(families, f => Assert.True(int.Parse(f, System.Globalization.CultureInfo.InvariantCulture) >= 10, f));
        await Screens.CheckAsync(app, "22-report-family-networks");
        // A month that has not ended is put right on the form, before anything is asked.
        await page.GetByLabel("As it was at the end of (optional)").FillAsync(DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await Expect(page.Locator(".field-error")).ToHaveTextAsync("Error: Choose a month that has ended.");
        var lastMonth = DateTime.UtcNow.AddMonths(-1);
        await page.GetByLabel("As it was at the end of (optional)").FillAsync(lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        var monthEnd = new DateOnly(lastMonth.Year, lastMonth.Month, DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month));
        await Expect(page).ToHaveURLAsync(new Regex($"asOf={monthEnd:yyyy-MM-dd}"));
        await Expect(rows.First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Reports" }).GetByRole(AriaRole.Link, new() { Name = "Agencies working together" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Agencies working together");
        await Expect(page.Locator("#pairs-table tbody tr").First).ToContainTextAsync(" and ");
        await Screens.CheckAsync(app, "23-report-agency-pairs");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Reports" }).GetByRole(AriaRole.Link, new() { Name = "Caseloads" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Caseloads");
        await Expect(page.Locator("#caseload-table tfoot th")).ToHaveTextAsync("All agencies");
        await Expect(page.Locator("#caseload-table tbody .suppressed").First).ToHaveTextAsync("fewer than 5");
        await Screens.CheckAsync(app, "24-report-caseloads");
        // The families with no contact are the commissioners' alone: not offered, and refused if asked for.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Families with no contact" })).ToHaveCountAsync(0);
        // A date the API will not take is explained, and the filters stay to put it right.
        await page.GotoAsync("/#/reports/caseloads?asOf=1990-01-15");
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("Please check what you entered");
        await Expect(app.Alert).ToContainTextAsync("The date must be the last day of a month, such as 1990-01-31");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Show report" })).ToBeVisibleAsync();
        await page.GotoAsync("/#/reports/no-contact");
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("You cannot see this");
        await Expect(app.Alert).ToContainTextAsync("Only commissioners can see the families with no contact.");
    }

    [Fact]
    public async Task A_commissioner_finds_families_with_no_contact_and_the_follow_up_reaches_the_team_and_the_duty_inbox()
    {
        const string Area = "Eastmere / Quayside";
        var (teamClient, _) = await DemoApi.NewHouseholdAsync(web.Server, HealthVisitor, "Rosa", "Quennell", Area);
        var (leftClient, _) = await DemoApi.NewHouseholdAsync(web.Server, Firefighter, "Otto", "Marwick", Area);
        await DemoApi.GraphQLAsync(web.Server, Firefighter, "mutation($c: ID!) { leaveTeam(clientId: $c, reason: \"Smoke alarms fitted\") { endedOn } }", new { c = leftClient });

        await using (var app = await web.NewPageAsync())
        {
            var page = app.Page;
            await app.SignInAsync(Commissioner);
            await page.GetByRole(AriaRole.Link, new() { Name = "Families with no contact" }).ClickAsync();
            await Expect(app.Heading).ToHaveTextAsync("Families with no contact");
            await page.GetByLabel("No contact for at least").SelectOptionAsync("30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("days=30"));
            var cards = page.Locator("ul.no-contact > li");
            await Expect(cards).ToHaveCountAsync(20);
            await Screens.CheckAsync(app, "25-report-no-contact");
            await page.GetByRole(AriaRole.Button, new() { Name = "Load more families" }).ClickAsync();
            await Expect(page.Locator(".page-status")).ToHaveTextAsync(new Regex(@"^Showing (2[1-9]|[3-9]\d)"));
            Assert.True(await cards.CountAsync() > 20);

            await page.GetByLabel("Area").SelectOptionAsync(Area);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
            await Expect(cards).ToHaveCountAsync(2);
            // The list is as it was at the start of the week, before either household was registered: nobody was
            // involved with either then, and neither card can say which has a team now. The follow-up goes by today's team.
            await Expect(cards.Locator("dd", new() { HasTextRegex = new Regex("^Nobody$") })).ToHaveCountAsync(2);
            await Expect(cards.Locator("dd", new() { HasTextRegex = new Regex("^Never$") })).ToHaveCountAsync(2);

            var first = cards.First;
            await first.GetByRole(AriaRole.Button, new() { Name = "Request follow-up" }).ClickAsync();
            await Expect(first.GetByRole(AriaRole.Textbox)).ToBeFocusedAsync();
            await first.GetByRole(AriaRole.Button, new() { Name = "Send follow-up request" }).ClickAsync();
            await Expect(first.Locator(".field-error")).ToHaveTextAsync("Error: Say why this family should be followed up.");
            await Screens.CheckAsync(app, "26-follow-up-reason-missing");
            await first.GetByRole(AriaRole.Textbox).FillAsync("Never contacted since the referral");
            await first.GetByRole(AriaRole.Button, new() { Name = "Send follow-up request" }).ClickAsync();
            await Expect(first.Locator(".notice")).ToBeFocusedAsync();
            var second = cards.Nth(1);
            await second.GetByRole(AriaRole.Button, new() { Name = "Request follow-up" }).ClickAsync();
            await second.GetByRole(AriaRole.Textbox).FillAsync("Never contacted since the referral");
            await second.GetByRole(AriaRole.Button, new() { Name = "Send follow-up request" }).ClickAsync();
            await Expect(second.Locator(".notice")).ToBeVisibleAsync();

            var receipts = await cards.Locator(".notice").AllTextContentsAsync();
            Assert.Single(receipts, r => r.Contains("sent to the family’s team", StringComparison.Ordinal));
            Assert.Single(receipts, r => r.Contains("the family has no team, so it went to the duty contacts of", StringComparison.Ordinal));
            await Screens.CheckAsync(app, "27-follow-up-requested");
        }

        // The health visitor, in the family's team, sees the request on the family view: what and when, not who.
        await using (var team = await web.NewPageAsync())
        {
            await team.SignInAsync(HealthVisitor);
            await team.Page.GotoAsync($"/#/client/{teamClient}");
            await Expect(team.Heading).ToHaveTextAsync("Rosa Quennell");
            var followUp = team.Page.Locator("section.follow-ups");
            await Expect(followUp.Locator("h2")).ToHaveTextAsync("Follow-up requested");
            await Expect(followUp).ToContainTextAsync("“Never contacted since the referral”");
            await Expect(followUp).Not.ToContainTextAsync("commissioner@");
            await Screens.CheckAsync(team, "28-family-follow-up");
        }

        // The family with no team: the firefighter's agency's duty inbox has it.
        await using var duty = await web.NewPageAsync();
        await duty.SignInAsync(Firefighter);
        await duty.NavigateAsync("Follow-ups");
        await Expect(duty.Heading).ToHaveTextAsync("Follow-up requests");
        var request = duty.Page.Locator("ul.cards > li", new() { HasText = "the Marwick household" });
        await Expect(request).ToContainTextAsync(Area);
        await Expect(request).ToContainTextAsync("“Never contacted since the referral”");
        await Expect(request.GetByRole(AriaRole.Link, new() { Name = "Search for the Marwick household’s members" }))
            .ToHaveAttributeAsync("href", "#/search?q=Marwick");
        await Screens.CheckAsync(duty, "29-duty-follow-ups");
    }

    // The API's answers to a follow-up request it refuses, substituted at the network layer: the app's handling of
    // each code is under test here (the API's tests prove when it gives them).
    [Theory]
    [InlineData("BAD_USER_INPUT", "reason must be at most 500 characters.", "The reason must be at most 500 characters.", null)]
    [InlineData("NOT_FOUND", "No family has the reference 'F-0000000000'.", "No family has the reference 'F-0000000000'.", "Not found")]
    [InlineData("CONFLICT", "The family has no team and no agency to route the request to.", "The family has no team and no agency to route the request to.", "That clashes with what is already recorded")]
    [InlineData("FORBIDDEN", "Only commissioners can ask for a family to be followed up.", "Only commissioners can ask for a family to be followed up.", "You cannot see this")]
    public async Task A_refused_follow_up_request_says_why(string code, string message, string shown, string? alertHeading)
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(Commissioner);
        await page.GotoAsync("/#/reports/no-contact");
        var card = page.Locator("ul.no-contact > li").First;
        await card.GetByRole(AriaRole.Button, new() { Name = "Request follow-up" }).ClickAsync();
        await card.GetByRole(AriaRole.Textbox).FillAsync("Check on them");
        await page.RouteAsync("**/graphql", route => route.Request.PostData?.Contains("requestFollowUp", StringComparison.Ordinal) == true
            ? route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/graphql-response+json",
                Body = System.Text.Json.JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }),
            })
            : route.ContinueAsync());
        await card.GetByRole(AriaRole.Button, new() { Name = "Send follow-up request" }).ClickAsync();

        if (alertHeading is null)
        {
            await Expect(card.Locator(".field-error")).ToHaveTextAsync($"Error: {shown}");
            await Expect(card.GetByRole(AriaRole.Textbox)).ToBeFocusedAsync();
        }
        else
        {
            await Expect(app.Alert.Locator("h2")).ToHaveTextAsync(alertHeading);
            await Expect(app.Alert).ToContainTextAsync(shown);
            await Expect(app.Alert).ToBeFocusedAsync();
        }
        await Expect(card.Locator(".notice")).ToHaveCountAsync(0);
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Send follow-up request" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task A_practitioner_who_tries_the_reports_address_is_refused_by_the_API_and_told_why()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(DemoNetwork.WalkThrough.PractitionerEmail);
        await app.OpenMenuAsync();
        await Expect(app.Navigation.GetByRole(AriaRole.Link, new() { Name = "Search" })).ToBeVisibleAsync();
        await Expect(app.Navigation.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToHaveCountAsync(0);

        await page.GotoAsync("/#/reports/density");
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("You cannot see this");
        await Expect(app.Alert).ToContainTextAsync("Only analysts and commissioners can see network density reports.");
        await Expect(app.Alert).ToBeFocusedAsync();
        await Expect(page.Locator("#density-table")).ToHaveCountAsync(0);
        await Screens.CheckAsync(app, "30-report-refused");

        await page.GotoAsync("/#/reports");
        await Expect(app.Heading).ToHaveTextAsync("Reports are for analysts and commissioners");
    }
}
