using Microsoft.Playwright;
using Patchwork.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// What a real provider would not do, so a stand-in does it (<see cref="LoopbackProvider"/>): the app must still refuse
/// it. Sign-in with a provider that behaves is <see cref="ProviderSignInTests"/>.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class MisbehavingProviderSignInTests(WebAppFixture web) : IAsyncLifetime
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
            ["Reports__PseudonymKey"] = "patchwork-web-tests-pseudonym-key-0123456789",
        });
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
