using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>My clients and my contact details, including what the user is told when the API refuses an input.</summary>
[Collection(WebAppCollection.Name)]
public sealed class MyWorkTests(WebAppFixture web)
{
    private const string HealthVisitor = "bethany.clarke@eastmere-health.example";

    [Fact]
    public async Task My_clients_lists_the_clients_whose_team_I_am_in_by_household()
    {
        await using var app = await web.NewPageAsync();
        await app.SignInAsync(HealthVisitor);
        await app.NavigateAsync("My clients");
        await Expect(app.Heading).ToHaveTextAsync("My clients");
        var okafors = app.Page.Locator("section", new() { Has = app.Page.GetByRole(AriaRole.Heading, new() { Name = "the Okafor household" }) });
        await Expect(okafors.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" })).ToBeVisibleAsync();
        await Screens.CheckAsync(app, "15-my-clients");
        await okafors.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Amara Okafor");
    }

    [Fact]
    public async Task My_details_are_saved_and_a_bad_number_is_explained()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(HealthVisitor);
        await app.NavigateAsync("My details");
        await Expect(app.Heading).ToHaveTextAsync("My contact details");
        await Screens.CheckAsync(app, "16-my-details");

        await page.Locator("#me-mobile").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my details" }).ClickAsync();
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("Please check what you entered");
        await Expect(app.Alert).ToContainTextAsync("mobile");
        await Expect(app.Alert).ToBeFocusedAsync();
        await Screens.CheckAsync(app, "17-my-details-refused");

        await page.Locator("#me-mobile").FillAsync("07700 900555");
        await page.Locator("#me-landline").FillAsync("01632 960555");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Landline" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my details" }).ClickAsync();
        await Expect(app.Status).ToContainTextAsync("Your contact details are saved.");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Landline" })).ToBeCheckedAsync();
    }
}
