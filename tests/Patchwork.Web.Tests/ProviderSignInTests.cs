using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchwork.Seeding;
using Patchwork.Testing.Identity;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// Sign-in as in production, against a real OpenID Connect provider nobody on the team wrote (OpenIddict's server, on
/// loopback): the API runs in the Production environment trusting only that provider, and the app signs in with the
/// authorization code flow and PKCE, in the browser, as the provider's public client, with no development key.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ProviderSignInTests(WebAppFixture web) : IAsyncLifetime
{
    private const string ClientId = "patchwork-web";
    private const string SignInButton = "Sign in with your organisation account";
    private const string TryAgain = "Sign-in did not complete: the sign-in service did not accept this sign-in, which may have taken too long. Sign in again.";
    private static readonly DemoWalkThrough WalkThrough = DemoNetwork.WalkThrough;

    private readonly WebServer _server = new();
    private OpenIddictProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _provider = await OpenIddictProvider.StartAsync("patchwork-api", []);
        await _server.StartAsync("Production", new Dictionary<string, string>
        {
            ["Auth__Authority"] = _provider.Issuer,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["WebApp__ClientId"] = ClientId,
            // Outside Development the reports' pseudonym key must be set, or the API refuses to start.
            ["Reports__PseudonymKey"] = "patchwork-web-tests-pseudonym-key-0123456789",
        });
        // The app's redirect URI is its origin, known once it listens; the provider signs the walk-through's
        // practitioner in through it (the subject the demo district registers them by).
        await _provider.AddClientAsync(new ProviderClient(ClientId, null, WalkThrough.PractitionerSubject, ["practitioner"], _server.BaseAddress));
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

        await app.Page.GetByRole(AriaRole.Button, new() { Name = SignInButton }).ClickAsync();

        // Back from the provider: on the screen asked for before signing in, with the code gone from the address.
        await Expect(app.Heading).ToHaveTextAsync("My clients");
        await Expect(app.Page.Locator("#who")).ToHaveTextAsync($"{WalkThrough.PractitionerName}, Social worker");
        // Their clients, by household: the API took the provider's token as theirs.
        var summary = app.Page.Locator("#main p", new() { HasTextRegex = ClientsSummary() });
        await Expect(summary).ToBeVisibleAsync();
        var clients = int.Parse(ClientsSummary().Match(await summary.TextContentAsync() ?? "").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(clients > 0);
        await Expect(app.Page.Locator("#main section").GetByRole(AriaRole.Link)).ToHaveCountAsync(clients);
        Assert.Equal(_server.BaseAddress + "#/my-clients", app.Page.Url);
        Assert.Equal(["S256"], _provider.ChallengeMethods);
        // One exchange, carrying the verifier, which OpenIddict checked against the challenge before it answered.
        Assert.Equal(new TokenRequest("authorization_code", ClientId, true, 200, null), Assert.Single(_provider.TokenRequests));
        Assert.Equal(0, await app.Page.EvaluateAsync<int>("() => localStorage.length"));

        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Null(await app.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('patchwork.session')"));
    }

    [Fact]
    public async Task Without_its_PKCE_verifier_the_provider_refuses_the_code_and_the_user_is_told_to_sign_in_again()
    {
        await using var app = await NewPageAsync();
        // As a page that obtained the code without the tab's verifier would send it: the same request, minus code_verifier.
        await app.Page.RouteAsync(_provider.Issuer + "connect/token", route =>
        {
            var form = System.Web.HttpUtility.ParseQueryString(route.Request.PostData ?? "");
            form.Remove("code_verifier");
            return route.ContinueAsync(new RouteContinueOptions { PostData = Encoding.UTF8.GetBytes(form.ToString()!) });
        });
        await app.OpenAsync("/#/my-clients");

        await app.Page.GetByRole(AriaRole.Button, new() { Name = SignInButton }).ClickAsync();

        await Expect(app.Alert).ToContainTextAsync("the sign-in service refused it. Sign in again, and if this keeps happening tell your IT team.");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        var exchange = Assert.Single(_provider.TokenRequests);
        Assert.False(exchange.CarriedCodeVerifier);
        Assert.Equal(400, exchange.StatusCode);
        Assert.Null(await app.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('patchwork.session')"));
    }

    [Fact]
    public async Task An_answer_whose_state_is_not_this_tabs_is_refused_without_exchanging_its_code()
    {
        await using var app = await NewPageAsync();
        var answer = await HoldTheProvidersAnswerAsync(app);

        await app.OpenAsync(Replace(answer, "state", "someone-elses-state"));

        await Expect(app.Alert).ToContainTextAsync("the answer from the sign-in service did not match this tab. Sign in again.");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Equal(_server.BaseAddress.ToString(), app.Page.Url);
        Assert.Empty(_provider.TokenRequests);
    }

    [Fact]
    public async Task An_answer_with_no_sign_in_started_in_this_tab_is_refused()
    {
        await using var app = await NewPageAsync();
        await app.OpenAsync("/?code=stolen-code&state=someone-elses-state");
        await Expect(app.Alert).ToContainTextAsync("did not match this tab");
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        Assert.Equal(_server.BaseAddress.ToString(), app.Page.Url);
        Assert.Empty(_provider.TokenRequests);
    }

    [Fact]
    public async Task A_code_altered_on_its_way_back_is_refused_by_the_provider_in_plain_words()
    {
        await using var app = await NewPageAsync();
        var answer = await HoldTheProvidersAnswerAsync(app);
        var code = System.Web.HttpUtility.ParseQueryString(answer.Query)["code"]!;
        var middle = code.Length / 2;
        var altered = code[..middle] + (code[middle] == 'A' ? 'B' : 'A') + code[(middle + 1)..];

        await app.OpenAsync(Replace(answer, "code", altered));

        await Expect(app.Alert).ToContainTextAsync(TryAgain);
        await Expect(app.Heading).ToHaveTextAsync("Sign in");
        var exchange = Assert.Single(_provider.TokenRequests);
        Assert.True(exchange.CarriedCodeVerifier);
        Assert.Equal(("invalid_grant", 400), (exchange.Error, exchange.StatusCode));
        Assert.Null(await app.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('patchwork.session')"));
    }

    [Fact]
    public async Task The_provider_lets_browsers_call_it_from_the_apps_origin_only()
    {
        using var http = new HttpClient();
        async Task<string?> AllowedOriginAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _provider.Issuer + ".well-known/openid-configuration");
            request.Headers.Add("Origin", origin);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        var app = _server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(app, await AllowedOriginAsync(app));
        Assert.Null(await AllowedOriginAsync("http://elsewhere.example"));
    }

    [GeneratedRegex(@"^(\d+) clients? whose team you are in\.$")]
    private static partial Regex ClientsSummary();

    private async Task<AppPage> NewPageAsync()
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseAddress.ToString() });
        context.SetDefaultTimeout(30_000);
        return new AppPage(await context.NewPageAsync());
    }

    /// <summary>
    /// Starts a sign-in and holds the provider's answer (its redirect back to the app, with the code and state) before
    /// the app sees it, so a test can send the tab back with it altered. The tab keeps its pending sign-in.
    /// </summary>
    private async Task<Uri> HoldTheProvidersAnswerAsync(AppPage app)
    {
        // The browser follows redirects out of sight of routes: the authorization request itself is sent from here.
        var held = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var authorize = _provider.Issuer + "connect/authorize?**";
        await app.Page.RouteAsync(authorize, async route =>
        {
            var response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            held.TrySetResult(new Uri(response.Headers["location"]));
            await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<p>Held by the test.</p>" });
        });
        await app.OpenAsync("/#/my-clients");
        await app.Page.GetByRole(AriaRole.Button, new() { Name = SignInButton }).ClickAsync();
        var answer = await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.Page.UnrouteAsync(authorize);
        Assert.Equal(_server.BaseAddress.GetLeftPart(UriPartial.Path), answer.GetLeftPart(UriPartial.Path));
        Assert.Empty(_provider.TokenRequests);
        return answer;
    }

    private static string Replace(Uri answer, string name, string value)
    {
        var query = System.Web.HttpUtility.ParseQueryString(answer.Query);
        Assert.False(string.IsNullOrEmpty(query[name]), $"The provider's answer carries no {name}: {answer}");
        query[name] = value;
        return answer.GetLeftPart(UriPartial.Path) + "?" + query;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
