using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchwork.Api.Identity;
using Patchwork.Seeding;
using Patchwork.Testing.Identity;

namespace Patchwork.Api.Tests;

/// <summary>
/// The provider as it behaves over time, with OpenIddict: it rotates its signing key, it goes down. Readiness says what
/// the API can do, and a rotation costs no request its refusal.
/// </summary>
public sealed class ProviderOutageTests
{
    private const string Audience = "patchwork-api";
    private static readonly ProviderClient WalkThrough =
        new("walk-through", "walk-through-secret", DemoNetwork.WalkThrough.PractitionerSubject, ["practitioner"]);

    [Fact]
    public async Task A_rotated_signing_key_is_fetched_at_the_first_token_that_names_it_and_made_up_keys_do_not_make_the_API_ask_again()
    {
        await using var provider = await OpenIddictProvider.StartAsync(Audience, [WalkThrough]);
        using var app = OpenIdConnectTests.AppTrusting(provider);
        (await app.GraphQLAsync(await provider.ClientCredentialsTokenAsync("walk-through"), "{ me { standing } }")).Ok();
        var fetched = provider.KeySetRequests;

        provider.RotateSigningKey();
        var rotated = await provider.ClientCredentialsTokenAsync("walk-through");

        (await app.GraphQLAsync(rotated, "{ me { standing } }")).Ok();
        Assert.Equal(fetched + 1, provider.KeySetRequests);

        // Tokens naming keys the provider never published: refused, without sending the API back to the provider.
        await using var stranger = await OpenIddictProvider.StartAsync(Audience, [WalkThrough]);
        for (var i = 0; i < 3; i++)
        {
            (await app.GraphQLAsync(await stranger.ClientCredentialsTokenAsync("walk-through"), "{ me { standing } }"))
                .FailsWith("UNAUTHENTICATED", 401);
            stranger.RotateSigningKey();
        }
        Assert.Equal(fetched + 1, provider.KeySetRequests);
    }

    [Fact]
    public async Task With_the_provider_unreachable_from_the_start_the_API_is_not_ready_and_says_why()
    {
        var provider = await OpenIddictProvider.StartAsync(Audience, [WalkThrough]);
        var token = await provider.ClientCredentialsTokenAsync("walk-through");
        await provider.DisposeAsync();
        var logs = new LogCapture();
        using var app = OpenIdConnectTests.AppTrusting(provider, logs);
        using var http = app.CreateClient();

        var (status, check) = await ReadinessAsync(http);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", check["status"]!.GetValue<string>());
        Assert.Contains("No signing keys from the identity provider", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        (await app.GraphQLAsync(token, "{ me { standing } }")).FailsWith("UNAUTHENTICATED", 401);
        Assert.StartsWith("Refused a bearer token (ProviderUnreachable)",
            Assert.Single(logs.WarningsFrom(typeof(TokenRejections).FullName!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_provider_down_after_its_keys_were_fetched_the_API_is_degraded_and_still_checks_tokens()
    {
        var provider = await OpenIddictProvider.StartAsync(Audience, [WalkThrough]);
        using var app = OpenIdConnectTests.AppTrusting(provider);
        using var http = app.CreateClient();
        var token = await provider.ClientCredentialsTokenAsync("walk-through");
        (await app.GraphQLAsync(token, "{ me { standing } }")).Ok();

        await provider.DisposeAsync();
        var (status, check) = await ReadinessAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", check["status"]!.GetValue<string>());
        Assert.Contains("does not answer", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("nobody can sign in anew", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        (await app.GraphQLAsync(token, "{ me { standing } }")).Ok();
    }

    private static async Task<(HttpStatusCode Status, JsonNode Check)> ReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var report = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, report!["checks"]!["identity-provider"]!);
    }
}
