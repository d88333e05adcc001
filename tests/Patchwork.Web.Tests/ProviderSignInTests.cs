using Microsoft.Playwright;
using Patchwork.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// Sign-in as in production: the API runs in the Production environment trusting only a (loopback) OpenID Connect
/// provider, and the app signs in with the authorization code flow and PKCE, in the browser, with no development key.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ProviderSignInTests(WebAppFixture web) : IAsyncLifetime
{
    private const string ClientId = "patchwork-web";
    private readonly LoopbackProvider _provider = new(ClientId, "patchwork-api", DemoNetwork.WalkThrough.PractitionerSubject, ["practitioner"]);
    private readonly WebServer _server = new();

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        await _server.StartAsync("Production", new Dictionary<string, string>
        {
            ["Auth__Authority"] = _provider.Issuer,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["WebApp__ClientId"] = ClientId,
            // Outside Development the reports' pseudonym key must be set, or the API refuses to start.
            ["Reports__PseudonymKey"] = "patchwork-web-tests-pseudonym-key-0123456789",
        });
    }

    [Fact]
    public async Task The_app_signs_in_with_the_authorization_code_and_PKCE_and_keeps_the_token_out_of_local_storage()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Screens.PhoneWidth, Height = Screens.Height },
        });
        context.SetDefaultTimeout(30_000);
        await using var app = new AppPage(await context.NewPageAsync());
        await app.OpenAsync("/#/my-clients");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        await Screens.CheckAsync(app, "18-sign-in-with-provider");

        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();

        // Back from the provider: on the screen asked for before signing in, with the code gone from the address.
        await Expect(app.Heading).ToHaveTextAsync("My clients");
        await Expect(app.Page.Locator("#who")).ToHaveTextAsync($"{DemoNetwork.WalkThrough.PractitionerName}, Social worker");
        Assert.Equal(_server.BaseAddress + "#/my-clients", app.Page.Url);
        var (method, matched) = Assert.Single(_provider.Exchanges);
        Assert.Equal("S256", method);
        Assert.True(matched);
        Assert.Equal(0, await app.Page.EvaluateAsync<int>("() => localStorage.length"));

        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Null(await app.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('patchwork.session')"));
    }

    [Fact]
    public async Task A_provider_answer_this_tab_did_not_ask_for_is_refused()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        await using var app = new AppPage(await context.NewPageAsync());
        await app.OpenAsync("/?code=stolen-code&state=someone-elses-state");
        await Expect(app.Alert).ToContainTextAsync("did not match this tab");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Equal(_server.BaseAddress.ToString(), app.Page.Url);
        Assert.Empty(_provider.Exchanges);
    }

    [Fact]
    public async Task An_answer_without_the_id_token_the_openid_scope_asks_for_is_refused()
    {
        _provider.OmitIdToken = true;
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        await using var app = new AppPage(await context.NewPageAsync());
        await app.OpenAsync("/#/my-clients");

        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();

        await Expect(app.Alert).ToContainTextAsync("answered for a different request");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Single(_provider.Exchanges);
        Assert.Null(await app.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('patchwork.session')"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
