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

namespace Patchwork.Api.Tests;

/// <summary>
/// A stand-in OpenID Connect provider reduced to what a resource server reads (discovery and keys), for the tests that
/// need a provider to misbehave: tokens for another issuer or audience, expired, signed with a key it never published
/// or with an algorithm no provider should use. Tokens a well-behaved provider issues come from OpenIddict instead.
/// </summary>
/// <param name="publicIssuer">
/// The issuer the tokens and the discovery document name, when it is not the address the provider is reached at
/// (a browser-facing URL, as in docker-compose); its keys are then served from the address it is reached at.
/// </param>
internal sealed class LoopbackProvider(string? publicIssuer = null) : IAsyncDisposable
{
    public const string Audience = "patchwork-api";

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

    /// <param name="keyId">The key id the header names: "test-key" is the published one.</param>
    public string Token(string subject, string[] roles, DateTime? expires = null, string audience = Audience,
        string? issuer = null, bool signWithStrangerKey = false, string keyId = "test-key")
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(15);
        var key = new RsaSecurityKey(signWithStrangerKey ? _strangerKey : _key) { KeyId = keyId };
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
    public string UnsignedToken(string subject, string[] roles) => TokenClaimingAlgorithm("none", subject, roles, signature: "");

    /// <summary>
    /// The same claims under a header naming <paramref name="algorithm"/> (EdDSA, HS256 …) and the published key id,
    /// with a signature that is only bytes: the algorithm alone must get it refused.
    /// </summary>
    public string TokenClaimingAlgorithm(string algorithm, string subject, string[] roles, string signature = "c2lnbmF0dXJl")
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = algorithm, typ = "JWT", kid = "test-key" })}.{Part(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 600,
            ["realm_access"] = new { roles },
        })}.{signature}";
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
