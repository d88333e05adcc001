using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Patchwork.Web.Tests;

/// <summary>
/// A browser tab on the app, which remembers every script error and Content-Security-Policy violation it saw, so a
/// test fails if the app breaks in ways the screen alone would not show.
/// </summary>
public sealed class AppPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();

    public AppPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => _problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _problems.Enqueue($"CSP violation: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public ILocator Heading => Page.Locator("h1");

    public ILocator Alert => Page.Locator("#alert");

    public ILocator Status => Page.Locator("#status");

    public async Task OpenAsync(string path = "/")
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.Locator("#screen .loading")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Signs in through the development picker, as a person would: they pick a name, which tests name by the
    /// account's email (the button's value), as the API's demo accounts are keyed.
    /// </summary>
    public async Task SignInAsync(string email)
    {
        await OpenAsync();
        await Page.Locator($"button.account[value='{email}']").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>Opens the main navigation: on a phone it is folded behind the Menu button.</summary>
    public async Task OpenMenuAsync()
    {
        var menu = Page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        if (await menu.IsVisibleAsync() && await menu.GetAttributeAsync("aria-expanded") != "true")
        {
            await menu.ClickAsync();
        }
    }

    /// <summary>Follows a link of the main navigation, as a person would at this width.</summary>
    public async Task NavigateAsync(string link)
    {
        await OpenMenuAsync();
        await Navigation.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }

    public async Task SearchAsync(string name)
    {
        await NavigateAsync("Search");
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("section h2")).ToContainTextAsync("found for");
    }

    /// <summary>Fails when a script error or a CSP violation happened on this page.</summary>
    public void AssertNoProblems() =>
        Assert.True(_problems.IsEmpty, "The page reported problems:\n" + string.Join("\n", _problems));

    public async ValueTask DisposeAsync()
    {
        AssertNoProblems();
        await Page.Context.CloseAsync();
    }
}
