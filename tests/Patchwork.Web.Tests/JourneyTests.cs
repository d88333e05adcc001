using System.Globalization;
using Microsoft.Playwright;
using Patchwork.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>The README's walk-through, done in a real browser by tapping and typing, as Hannah Reid would on her phone.</summary>
[Collection(WebAppCollection.Name)]
public sealed class JourneyTests(WebAppFixture web)
{
    private static readonly DemoWalkThrough Tour = DemoNetwork.WalkThrough;

    [Fact]
    public async Task A_practitioner_finds_a_client_joins_the_team_sees_who_else_is_involved_and_books_a_visit()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.OpenAsync();
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        // Each demo account by who it is (name, job and agency), not by an email address.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{Tour.PractitionerName}, Social worker, Eastmere County Council Children's Services" }))
            .ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Analyst, Network reports, with no names, Eastmere County Council" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.accounts")).Not.ToContainTextAsync("@");
        await Screens.CheckAsync(app, "01-sign-in");

        await app.SignInAsync(Tour.PractitionerEmail);
        await Expect(app.Heading).ToHaveTextAsync("Find a client");
        await Expect(page.Locator("#who")).ToHaveTextAsync($"{Tour.PractitionerName}, Social worker");
        await Screens.CheckAsync(app, "02-search");

        await page.GetByLabel("Name").FillAsync(Tour.SearchText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var match = page.Locator("li.card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = Tour.ClientName }) });
        await Expect(match).ToContainTextAsync("EM3");
        await Expect(match).Not.ToContainTextAsync("In your team");
        await Screens.CheckAsync(app, "03-search-results");

        await match.GetByRole(AriaRole.Button, new() { Name = $"Join {Tour.ClientName}’s team" }).ClickAsync();
        await Expect(match.GetByRole(AriaRole.Textbox)).ToBeFocusedAsync();
        await match.GetByLabel($"Why are you joining {Tour.ClientName}’s team?").FillAsync("Allocated after a referral from school");
        await Screens.CheckAsync(app, "04-join-team");
        await match.GetByRole(AriaRole.Button, new() { Name = "Join team" }).ClickAsync();

        await Expect(app.Heading).ToHaveTextAsync(Tour.ClientName);
        await Expect(app.Status).ToContainTextAsync($"You joined {Tour.ClientName}’s team.");
        // The household heads its section as a heading starts, with a capital: "The Okafor household".
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Tour.FamilyName }))
            .ToHaveTextAsync(char.ToUpperInvariant(Tour.FamilyName[0]) + Tour.FamilyName[1..]);
        var team = page.Locator("ul.team > li");
        var school = team.Filter(new() { HasText = "Mark Ellison" });
        await Expect(school).ToContainTextAsync("Designated safeguarding lead, St Aidan's Primary School");
        await Expect(school).ToContainTextAsync("Last contact");
        await Expect(school.Locator("a[href='tel:01632960107']")).ToContainTextAsync("(preferred)");
        await Expect(school.Locator("a[href^='mailto:']")).ToHaveCountAsync(1);
        // Who else is involved: the others, counted without her; her own part is under her work with the family.
        await Expect(team.Filter(new() { HasText = Tour.PractitionerName })).ToHaveCountAsync(0);
        var others = await team.CountAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Who else is involved ({others})" })).ToBeVisibleAsync();
        var mine = page.Locator(".card.me");
        await Screens.CheckAsync(app, "05-family-team");

        await page.GetByText("Schedule a visit").ClickAsync();
        var at = DateTime.Today.AddDays(2).AddHours(10);
        await page.Locator("#schedule-at").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#schedule-mode").SelectOptionAsync("HOME_VISIT");
        await Screens.CheckAsync(app, "06-schedule-visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book visit" }).ClickAsync();

        await Expect(app.Status).ToContainTextAsync($"Visit booked with Grace");
        var booked = page.Locator("ul.visits.upcoming > li", new() { HasText = $"Home visit with Grace, by {Tour.PractitionerName}" });
        await Expect(booked).ToHaveCountAsync(1);
        await Expect(booked).ToContainTextAsync("10:00");
        await Expect(mine).ToContainTextAsync("10:00");
        await Screens.CheckAsync(app, "07-visit-booked");

        // After the visit: record the contact, then leave the team when the work is done.
        await page.GetByText("Record a contact").ClickAsync();
        await page.Locator("#contact-mode").SelectOptionAsync("PHONE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await Expect(app.Status).ToContainTextAsync("Contact with Grace recorded.");
        await Expect(page.Locator("ul.visits.recent > li").First).ToContainTextAsync($"Phone with Grace, by {Tour.PractitionerName} (today)");
        await Expect(mine).ToContainTextAsync("today");

        await page.GetByText("Leave the team").First.ClickAsync();
        await page.Locator("#leave-reason").FillAsync("Referral closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave the team" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("My clients");
        await Expect(app.Status).ToContainTextAsync("You left Grace’s team. Your planned visits to Grace were cancelled.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Tour.ClientName })).ToHaveCountAsync(0);
    }
}
