using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>The journey with a keyboard only: no pointer, every control reached by Tab and used with Enter.</summary>
[Collection(WebAppCollection.Name)]
public sealed class KeyboardTests(WebAppFixture web)
{
    [Fact]
    public async Task Sign_in_search_and_join_a_team_with_the_keyboard_alone()
    {
        await using var app = await web.NewPageAsync(Screens.DesktopWidth);
        var page = app.Page;
        await app.OpenAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Bethany Clarke, Health visitor" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(app.Heading).ToHaveTextAsync("Find a client");
        await Expect(app.Heading).ToBeFocusedAsync(); // focus moves to the new screen's heading

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Chidi Okafor");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "found for “Chidi Okafor”" })).ToBeFocusedAsync();
        var join = page.GetByRole(AriaRole.Button, new() { Name = "Join Chidi Okafor’s team" });
        await TabToAsync(page, join);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Why are you joining Chidi Okafor’s team?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Developmental review requested by the school");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Join team" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(app.Heading).ToHaveTextAsync("Chidi Okafor");
        await Expect(app.Heading).ToBeFocusedAsync();
    }

    /// <summary>Presses Tab until the control has focus (failing after 40 presses: it is unreachable or buried).</summary>
    private static async Task TabToAsync(IPage page, ILocator control)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await control.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("The control could not be reached with Tab.");
    }
}
