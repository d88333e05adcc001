using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// The family view on a 390 × 844 phone, as a practitioner on a doorstep uses it: who is involved and how to reach
/// them come first, then the next visit and the actions, within two screens; the navigation is one slim bar.
/// A layout property measured in Chromium, never a timing.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DoorstepLayoutTests(WebAppFixture web, ITestOutputHelper output)
{
    private const int Width = 390;
    private const int Height = 844;
    private const string Firefighter = "tom.gallagher@eastmere-fire.example";

    [Fact]
    public async Task On_a_phone_the_team_the_next_visit_and_the_actions_come_within_two_screens_under_a_slim_bar()
    {
        await using var app = await web.NewPageAsync(Width);
        var page = app.Page;
        await page.SetViewportSizeAsync(Width, Height);
        await app.SignInAsync(Firefighter);
        await app.SearchAsync("Ngozi Okafor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Ngozi Okafor’s team" }).ClickAsync();
        await Expect(page.Locator("ul.team > li").First).ToBeVisibleAsync();

        var layout = await MeasureAsync(page);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Family view at {Width}×{Height}: page {layout.Page} px tall, header {layout.Header} px, team heading at y {layout.Team}, next visit at y {layout.NextVisit}, schedule a visit ends at y {layout.Schedule}, record a contact ends at y {layout.Record}.");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(Screens.Folder, "..", "doorstep-layout.txt"), summary + "\n");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens.Folder, "doorstep-family-phone.png"), FullPage = true });

        Assert.True(layout.Header <= 64, summary);
        Assert.True(layout.Team < layout.NextVisit, summary);
        Assert.True(layout.NextVisit < 2 * Height, summary);
        Assert.True(Math.Max(layout.Schedule, layout.Record) <= 2 * Height, summary);
        await Screens.CheckAsync(app, "32-family-on-the-doorstep");
    }

    [Fact]
    public async Task On_a_phone_the_navigation_opens_from_the_menu_button_and_closes_again()
    {
        await using var app = await web.NewPageAsync(Width);
        var page = app.Page;
        await page.SetViewportSizeAsync(Width, Height);
        await app.SignInAsync(Firefighter);
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Expect(app.Navigation).ToBeHiddenAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(app.Navigation.GetByRole(AriaRole.Link, new() { Name = "My clients" })).ToBeVisibleAsync();
        await Expect(page.Locator("#who")).ToBeVisibleAsync(); // who is signed in, shown with the menu on a phone
        await page.Keyboard.PressAsync("Escape");
        await Expect(app.Navigation).ToBeHiddenAsync();
        await Expect(menu).ToBeFocusedAsync();

        await menu.ClickAsync();
        await Screens.CheckAsync(app, "33-menu-open");
        await app.NavigateAsync("My clients");
        await Expect(app.Heading).ToHaveTextAsync("My clients");
        await Expect(app.Navigation).ToBeHiddenAsync(); // a link followed folds the menu away again
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
    }

    private sealed record Layout(int Page, int Header, int Team, int NextVisit, int Schedule, int Record);

    /// <summary>Where each part is, in CSS px from the top of the page.</summary>
    private static async Task<Layout> MeasureAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>("""
            () => {
              const top = (e) => e ? Math.round(e.getBoundingClientRect().top + scrollY) : 1e6;
              const bottom = (e) => e ? Math.round(e.getBoundingClientRect().bottom + scrollY) : 1e6;
              const byText = (selector, text) => [...document.querySelectorAll(selector)].find((e) => e.textContent.trim().startsWith(text));
              return {
                page: document.documentElement.scrollHeight,
                header: Math.round(document.querySelector('.site-header').getBoundingClientRect().height),
                team: top(byText('h2', 'Who else')),
                nextVisit: top(document.querySelector('#section-upcoming-visits')),
                schedule: bottom(byText('summary', 'Schedule a visit')),
                record: bottom(byText('summary', 'Record a contact')),
              };
            }
            """);
        int Get(string name) => found.GetProperty(name).GetInt32();
        return new Layout(Get("page"), Get("header"), Get("team"), Get("nextVisit"), Get("schedule"), Get("record"));
    }
}
