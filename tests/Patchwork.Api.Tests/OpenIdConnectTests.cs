using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>
/// Tokens from a real OpenID Connect provider: discovery document and JWKS served over loopback, RS256
/// tokens, Keycloak-style realm roles. The API runs as in production (no development key).
/// </summary>
public sealed class OpenIdConnectTests : IAsyncLifetime
{
    private const string Audience = "patchwork-api";
    private readonly LoopbackProvider _provider = new();
    private PatchworkApp _app = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _app = new PatchworkApp("Production", new()
        {
            ["Auth:Authority"] = _provider.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:Audience"] = Audience,
            ["Auth:RoleClaim"] = "realm_access.roles",
        });
    }

    [Fact]
    public async Task A_valid_token_signs_the_practitioner_in()
    {
        var token = _provider.Token(DemoNetwork.WalkThrough.PractitionerSubject, ["practitioner"]);
        var me = (await _app.GraphQLAsync(token, "{ me { standing practitioner { name } } }")).Ok()["me"]!;
        Assert.Equal("ACTIVE", me["standing"]!.GetValue<string>());
        Assert.Equal(DemoNetwork.WalkThrough.PractitionerName, me["practitioner"]!["name"]!.GetValue<string>());
        (await _app.GraphQLAsync(token, "{ searchClients(query: \"okafor\") { id } }")).Ok();
    }

    [Fact]
    public async Task Expired_wrong_audience_wrong_issuer_and_wrong_signature_are_all_401()
    {
        var subject = DemoNetwork.WalkThrough.PractitionerSubject;
        string[] practitioner = ["practitioner"];
        (await _app.GraphQLAsync(_provider.Token(subject, practitioner, expires: DateTime.UtcNow.AddMinutes(-5)), "{ me { subject } }"))
            .FailsWith("UNAUTHENTICATED", 401);
        (await _app.GraphQLAsync(_provider.Token(subject, practitioner, audience: "another-api"), "{ me { subject } }"))
            .FailsWith("UNAUTHENTICATED", 401);
        (await _app.GraphQLAsync(_provider.Token(subject, practitioner, issuer: "https://evil.example.org/realms/test"), "{ me { subject } }"))
            .FailsWith("UNAUTHENTICATED", 401);
        (await _app.GraphQLAsync(_provider.Token(subject, practitioner, signWithStrangerKey: true), "{ me { subject } }"))
            .FailsWith("UNAUTHENTICATED", 401);
        (await _app.GraphQLAsync(_provider.UnsignedToken(subject, practitioner), "{ me { subject } }"))
            .FailsWith("UNAUTHENTICATED", 401);
    }

    [Fact]
    public async Task Outside_development_the_schema_cannot_be_introspected()
    {
        var token = _provider.Token(DemoNetwork.WalkThrough.PractitionerSubject, ["practitioner"]);
        (await _app.GraphQLAsync(token, "{ __schema { queryType { name } } }")).FailsWith("BAD_USER_INPUT", 400);
        (await _app.GraphQLAsync(token, "{ __type(name: \"Client\") { name } }")).FailsWith("BAD_USER_INPUT", 400);
    }

    [Theory]
    [InlineData("{ clent(id: \"x\") { id } }", "Cannot query field 'clent' on type 'Query'.")]
    [InlineData("{ client(idd: \"x\") { id } }", "Unknown argument 'idd' on field 'client' of type 'Query'.")]
    [InlineData("query($id: Id!) { client(id: $id) { id } }", "Unknown type Id.")]
    public async Task Outside_development_a_misspelt_name_is_refused_without_suggesting_the_right_one(string query, string message)
    {
        var token = _provider.Token(DemoNetwork.WalkThrough.PractitionerSubject, ["practitioner"]);

        var response = await _app.GraphQLAsync(token, query);

        response.FailsWith("BAD_USER_INPUT", 400);
        Assert.Contains(message, response.Errors.Select(e => e!["message"]!.GetValue<string>()));
        Assert.DoesNotContain("Did you mean", response.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_role_can_only_ask_who_it_is()
    {
        var token = _provider.Token(DemoNetwork.WalkThrough.PractitionerSubject, []);
        var me = (await _app.GraphQLAsync(token, "{ me { roles } }")).Ok()["me"]!;
        Assert.Empty(me["roles"]!.AsArray());
        (await _app.GraphQLAsync(token, "{ searchClients(query: \"okafor\") { id } }")).FailsWith("FORBIDDEN");
        (await _app.GraphQLAsync(token, "{ agencies { name } }")).FailsWith("FORBIDDEN");
    }

    [Fact]
    public async Task An_unknown_subject_with_the_practitioner_role_is_told_they_are_not_registered()
    {
        var token = _provider.Token("someone-the-council-never-onboarded", ["practitioner"]);
        var me = (await _app.GraphQLAsync(token, "{ me { standing standingMessage } }")).Ok()["me"]!;
        Assert.Equal("NOT_REGISTERED", me["standing"]!.GetValue<string>());
        var search = await _app.GraphQLAsync(token, "{ searchClients(query: \"okafor\") { id } }");
        search.FailsWith("FORBIDDEN");
        Assert.Contains("not linked to a practitioner", search.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_discovery_document_may_come_from_another_address_than_the_issuer_tokens_name()
    {
        // As in docker-compose: browsers get tokens from http://localhost:8081, the API reaches Keycloak at keycloak:8080.
        await using var provider = new LoopbackProvider("http://localhost:8081/realms/patchwork");
        await provider.StartAsync();
        using var app = new PatchworkApp("Production", new()
        {
            ["Auth:Authority"] = provider.Issuer,
            ["Auth:MetadataAddress"] = $"{provider.Backchannel}/.well-known/openid-configuration",
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:Audience"] = Audience,
            ["Auth:RoleClaim"] = "realm_access.roles",
        });
        var subject = DemoNetwork.WalkThrough.PractitionerSubject;

        var me = (await app.GraphQLAsync(provider.Token(subject, ["practitioner"]), "{ me { standing } }")).Ok()["me"]!;

        Assert.Equal("ACTIVE", me["standing"]!.GetValue<string>());
        (await app.GraphQLAsync(provider.Token(subject, ["practitioner"], issuer: provider.Backchannel), "{ me { standing } }"))
            .FailsWith("UNAUTHENTICATED", 401);
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

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _provider.DisposeAsync();
    }

    /// <summary>An OpenID Connect provider reduced to what a resource server reads: discovery and keys.</summary>
    /// <param name="publicIssuer">
    /// The issuer the tokens and the discovery document name, when it is not the address the provider is reached at
    /// (a browser-facing URL, as in docker-compose); its keys are then served from the address it is reached at.
    /// </param>
    private sealed class LoopbackProvider(string? publicIssuer = null) : IAsyncDisposable
    {
        private readonly RSA _key = RSA.Create(2048);
        private readonly RSA _strangerKey = RSA.Create(2048);
        private WebApplication? _host;

        public string Issuer { get; private set; } = "";

        /// <summary>Where the provider is reached, for the discovery document and the keys.</summary>
        public string Backchannel { get; private set; } = "";

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _host = builder.Build();
            _host.MapGet("/realms/test/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{Backchannel}/protocol/openid-connect/certs",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            _host.MapGet("/realms/test/protocol/openid-connect/certs", () =>
            {
                var parameters = _key.ExportParameters(includePrivateParameters: false);
                return Results.Json(new
                {
                    keys = new[]
                    {
                        new
                        {
                            kty = "RSA", use = "sig", alg = "RS256", kid = "test-key",
                            n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                        },
                    },
                });
            });
            await _host.StartAsync();
            var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Backchannel = $"{address}/realms/test";
            Issuer = publicIssuer ?? Backchannel;
        }

        public string Token(string subject, string[] roles, DateTime? expires = null, string audience = Audience,
            string? issuer = null, bool signWithStrangerKey = false)
        {
            var expiry = expires ?? DateTime.UtcNow.AddMinutes(15);
            var key = new RsaSecurityKey(signWithStrangerKey ? _strangerKey : _key) { KeyId = "test-key" };
            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer ?? Issuer,
                Audience = audience,
                IssuedAt = expiry.AddMinutes(-20),
                NotBefore = expiry.AddMinutes(-20),
                Expires = expiry,
                Subject = new ClaimsIdentity([new Claim("sub", subject)]),
                Claims = new Dictionary<string, object> { ["realm_access"] = new Dictionary<string, object> { ["roles"] = roles } },
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            });
        }

        /// <summary>The same claims with "alg": "none" and no signature.</summary>
        public string UnsignedToken(string subject, string[] roles)
        {
            static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return $"{Part(new { alg = "none", typ = "JWT" })}.{Part(new Dictionary<string, object>
            {
                ["iss"] = Issuer,
                ["aud"] = Audience,
                ["sub"] = subject,
                ["iat"] = now,
                ["nbf"] = now,
                ["exp"] = now + 600,
                ["realm_access"] = new { roles },
            })}.";
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
            _key.Dispose();
            _strangerKey.Dispose();
        }
    }
}
