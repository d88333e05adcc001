using Microsoft.Playwright;

namespace Patchwork.Web.Tests;

/// <summary>One API process and one headless Chromium, shared by every browser test.</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public WebServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chromium.EnsureInstalled();
        // The machines are shared and slow at times: waits are generous, and a real fault still fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A page in a fresh context (no cookies, no storage, no cache), phone-sized unless told otherwise.</summary>
    public async Task<AppPage> NewPageAsync(int width = Screens.PhoneWidth)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = Screens.Height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(30_000);
        return new AppPage(await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}

/// <summary>Debian's Chromium, as ./test installs it. Playwright's own browser download does not work on these machines.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ExecutablePath}. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or run ./test, which does).");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = Arguments,
    });
}
