using Patchwork.Network;
using Patchwork.Seeding;
using Patchwork.Testing.Identity;

namespace Patchwork.Api.Tests;

/// <summary>
/// Tokens from a real OpenID Connect provider nobody on the team wrote: OpenIddict's server on loopback, issuing access
/// tokens over client credentials. The API runs as in production (no development key).
/// </summary>
public sealed class OpenIdConnectTests : IAsyncLifetime
{
    private const string Audience = "patchwork-api";
    private const string Newcomer = "someone-the-council-never-onboarded";
    private static readonly string Practitioner = DemoNetwork.WalkThrough.PractitionerSubject;

    private OpenIddictProvider _provider = null!;
    private PatchworkApp _app = null!;

    public async Task InitializeAsync()
    {
        _provider = await OpenIddictProvider.StartAsync(Audience,
        [
            new("walk-through", "walk-through-secret", Practitioner, ["practitioner"]),
            new("no-role", "no-role-secret", Practitioner, []),
            new("newcomer", "newcomer-secret", Newcomer, ["practitioner"]),
        ]);
        _app = AppTrusting(_provider);
    }

    /// <summary>The API in Production, trusting only this provider (its logs kept in <paramref name="logs"/> when given).</summary>
    internal static PatchworkApp AppTrusting(OpenIddictProvider provider, LogCapture? logs = null, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["Auth:Authority"] = provider.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:Audience"] = Audience,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return new PatchworkApp("Production", all) { ReplaceServices = logs is null ? null : logs.ReplaceLogging };
    }

    [Fact]
    public async Task A_client_credentials_token_from_the_provider_signs_the_practitioner_in()
    {
        var token = await _provider.ClientCredentialsTokenAsync("walk-through");

        var me = (await _app.GraphQLAsync(token, "{ me { standing practitioner { name } } }")).Ok()["me"]!;

        Assert.Equal("ACTIVE", me["standing"]!.GetValue<string>());
        Assert.Equal(DemoNetwork.WalkThrough.PractitionerName, me["practitioner"]!["name"]!.GetValue<string>());
        (await _app.GraphQLAsync(token, "{ searchClients(query: \"okafor\") { id } }")).Ok();
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("PS512")]
    [InlineData("RS384")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    public async Task Tokens_signed_with_any_safe_algorithm_the_provider_uses_are_accepted(string algorithm)
    {
        await using var provider = await OpenIddictProvider.StartAsync(Audience,
            [new("walk-through", "walk-through-secret", Practitioner, ["practitioner"])], algorithm);
        using var app = AppTrusting(provider);
        var token = await provider.ClientCredentialsTokenAsync("walk-through");
        Assert.Equal(algorithm, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Alg);

        var me = (await app.GraphQLAsync(token, "{ me { standing } }")).Ok()["me"]!;

        Assert.Equal("ACTIVE", me["standing"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_development_the_schema_cannot_be_introspected()
    {
        var token = await _provider.ClientCredentialsTokenAsync("walk-through");
        (await _app.GraphQLAsync(token, "{ __schema { queryType { name } } }")).FailsWith("BAD_USER_INPUT", 400);
        (await _app.GraphQLAsync(token, "{ __type(name: \"Client\") { name } }")).FailsWith("BAD_USER_INPUT", 400);
    }

    [Theory]
    [InlineData("{ clent(id: \"x\") { id } }", "Cannot query field 'clent' on type 'Query'.")]
    [InlineData("{ client(idd: \"x\") { id } }", "Unknown argument 'idd' on field 'client' of type 'Query'.")]
    [InlineData("query($id: Id!) { client(id: $id) { id } }", "Unknown type Id.")]
    public async Task Outside_development_a_misspelt_name_is_refused_without_suggesting_the_right_one(string query, string message)
    {
        var token = await _provider.ClientCredentialsTokenAsync("walk-through");

        var response = await _app.GraphQLAsync(token, query);

        response.FailsWith("BAD_USER_INPUT", 400);
        Assert.Contains(message, response.Errors.Select(e => e!["message"]!.GetValue<string>()));
        Assert.DoesNotContain("Did you mean", response.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_role_can_only_ask_who_it_is()
    {
        var token = await _provider.ClientCredentialsTokenAsync("no-role");
        var me = (await _app.GraphQLAsync(token, "{ me { roles } }")).Ok()["me"]!;
        Assert.Empty(me["roles"]!.AsArray());
        (await _app.GraphQLAsync(token, "{ searchClients(query: \"okafor\") { id } }")).FailsWith("FORBIDDEN");
        (await _app.GraphQLAsync(token, "{ agencies { name } }")).FailsWith("FORBIDDEN");
    }

    [Fact]
    public async Task An_unknown_subject_with_the_practitioner_role_is_told_they_are_not_registered_and_shown_their_subject()
    {
        var token = await _provider.ClientCredentialsTokenAsync("newcomer");
        var me = (await _app.GraphQLAsync(token, "{ me { subject standing standingMessage } }")).Ok()["me"]!;
        Assert.Equal("NOT_REGISTERED", me["standing"]!.GetValue<string>());
        Assert.Equal(Newcomer, me["subject"]!.GetValue<string>());
        var search = await _app.GraphQLAsync(token, "{ searchClients(query: \"okafor\") { id } }");
        search.FailsWith("FORBIDDEN");
        Assert.Contains("not linked to a practitioner", search.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_subject_claim_is_configurable_as_with_Entra_ID_s_oid()
    {
        // Entra ID: "sub" differs per application; the object id ("oid") is what the administrator sees in the portal.
        await using var provider = await OpenIddictProvider.StartAsync(Audience,
        [
            new("entra-user", "entra-secret", "per-application-subject", ["practitioner"], Claims: new Dictionary<string, string> { ["oid"] = Practitioner }),
            new("entra-newcomer", "entra-secret", "another-per-application-subject", ["practitioner"],
                Claims: new Dictionary<string, string> { ["oid"] = "0d5e2a47-newcomer-object-id" }),
        ]);
        using var app = AppTrusting(provider, settings: ("Auth:SubjectClaim", "oid"));

        var known = (await app.GraphQLAsync(await provider.ClientCredentialsTokenAsync("entra-user"), "{ me { subject standing } }")).Ok()["me"]!;
        var newcomer = (await app.GraphQLAsync(await provider.ClientCredentialsTokenAsync("entra-newcomer"), "{ me { subject standing } }")).Ok()["me"]!;

        Assert.Equal((Practitioner, "ACTIVE"), (known["subject"]!.GetValue<string>(), known["standing"]!.GetValue<string>()));
        Assert.Equal(("0d5e2a47-newcomer-object-id", "NOT_REGISTERED"),
            (newcomer["subject"]!.GetValue<string>(), newcomer["standing"]!.GetValue<string>()));
    }

    [Fact]
    public async Task With_allowed_clients_set_a_token_issued_to_another_client_is_refused_and_the_reason_logged()
    {
        var logs = new LogCapture();
        using var app = AppTrusting(_provider, logs, ("Auth:AllowedClients:0", "walk-through"));

        (await app.GraphQLAsync(await _provider.ClientCredentialsTokenAsync("walk-through"), "{ me { standing } }")).Ok();
        (await app.GraphQLAsync(await _provider.ClientCredentialsTokenAsync("newcomer"), "{ me { standing } }")).FailsWith("UNAUTHENTICATED", 401);

        var warning = Assert.Single(logs.WarningsFrom(typeof(Identity.TokenRejections).FullName!));
        Assert.StartsWith("Refused a bearer token (Client)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_and_logged_as_audience()
    {
        await using var provider = await OpenIddictProvider.StartAsync("another-api",
            [new("walk-through", "walk-through-secret", Practitioner, ["practitioner"])]);
        var logs = new LogCapture();
        using var app = AppTrusting(provider, logs);

        (await app.GraphQLAsync(await provider.ClientCredentialsTokenAsync("walk-through"), "{ me { standing } }"))
            .FailsWith("UNAUTHENTICATED", 401);

        var warning = Assert.Single(logs.WarningsFrom(typeof(Identity.TokenRejections).FullName!));
        Assert.StartsWith("Refused a bearer token (Audience)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_an_authority_and_says_what_to_set()
    {
        var (exitCode, output) = await ApiProcess.RunToExitAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "",
            ["Storage__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"patchwork-start-{Guid.NewGuid():N}.db"),
        });
        Assert.Equal(1, exitCode);
        Assert.Contains("Set Auth:Authority", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_authority_refuses_to_start_unless_https_metadata_is_turned_off_and_the_message_says_how()
    {
        // Before, it started and answered 500 to every request, readiness included.
        var (exitCode, output) = await ApiProcess.RunToExitAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "http://login.example.org/realms/patchwork",
            ["Reports__PseudonymKey"] = PatchworkApp.PseudonymKey,
            ["Storage__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"patchwork-start-{Guid.NewGuid():N}.db"),
        });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Patchwork cannot start:", output, StringComparison.Ordinal);
        Assert.Contains("Auth:Authority is http://login.example.org/realms/patchwork, over plain HTTP",
            output, StringComparison.Ordinal);
        Assert.Contains("Use the provider's https:// address, or", output, StringComparison.Ordinal);
        Assert.Contains("set Auth:RequireHttpsMetadata=false", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _provider.DisposeAsync();
    }
}
