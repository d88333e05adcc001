using Microsoft.Playwright;
using Patchwork.Testing.Identity;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// Someone the provider knows but Patchwork does not yet: signed in with the provider, the app shows them the subject
/// the administrator links a practitioner to. The app also names the API's resource (RFC 8707) when configured, and the
/// provider (OpenIddict's server) issues the access token for that resource only because it was asked.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class UnregisteredSignInTests(WebAppFixture web) : IAsyncLifetime
{
    private const string ClientId = "patchwork-web";
    private const string Resource = "https://patchwork.example.org/api";
    private const string Newcomer = "0d5e2a47-a-newcomer-s-object-id";
    private readonly WebServer _server = new();
    private OpenIddictProvider _provider = null!;

    public async Task InitializeAsync()
    {
        // Without a resource indicator the provider would issue tokens for another audience, which the API refuses.
        _provider = await OpenIddictProvider.StartAsync("another-api", [], resources: Resource);
        await _server.StartAsync("Production", new Dictionary<string, string>
        {
            ["Auth__Authority"] = _provider.Issuer,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Auth__Audience"] = Resource,
            ["WebApp__ClientId"] = ClientId,
            ["WebApp__Resource"] = Resource,
            ["Reports__PseudonymKey"] = "patchwork-web-tests-pseudonym-key-0123456789",
        });
        await _provider.AddClientAsync(new ProviderClient(ClientId, null, Newcomer, ["practitioner"], _server.BaseAddress));
    }

    [Fact]
    public async Task A_practitioner_not_yet_registered_sees_the_sign_in_reference_to_give_the_administrator()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        await using var app = new AppPage(await context.NewPageAsync());
        await app.OpenAsync("/#/search");

        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation account" }).ClickAsync();

        await Expect(app.Heading).ToHaveTextAsync("You cannot use Patchwork yet");
        await Expect(app.Page.Locator("#screen")).ToContainTextAsync("not linked to a practitioner");
        await Expect(app.Page.Locator("#sign-in-reference")).ToHaveTextAsync(Newcomer);
        Assert.Equal([("authorize", Resource), ("token", Resource)], _provider.ResourceRequests.Select(r => (r.Endpoint, string.Join(" ", r.Resources))));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
