using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// The family view on a 390 × 844 phone, as a practitioner on a doorstep uses it: who is involved and how to reach
/// them come first, then the next visit and the actions, within two screens; the navigation is one slim bar.
/// A layout property measured in Chromium, never a timing.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DoorstepLayoutTests(WebAppFixture web)
{
    private const int Width = 390;
    private const int Height = 844;
    private const string Firefighter = "tom.gallagher@eastmere-fire.example";

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
}
