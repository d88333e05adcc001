using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Patchwork.Web.Tests;

/// <summary>
/// A stand-in OpenID Connect provider on loopback, for what a real one would not do (answer without the ID token the
/// openid scope asks for): discovery, an authorize endpoint that signs the configured user in at once, a token
/// endpoint that insists on PKCE (S256), and its keys. Sign-in against a real provider runs on OpenIddict's server.
/// </summary>
public sealed class LoopbackProvider(string clientId, string audience, string subject, string[] roles) : IAsyncDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new();
    private WebApplication? _host;

    public string Issuer { get; private set; } = "";

    /// <summary>Every code exchanged, and whether its verifier matched the challenge it was issued for.</summary>
    public ConcurrentQueue<(string ChallengeMethod, bool VerifierMatched)> Exchanges { get; } = new();

    /// <summary>Answer the token request without an ID token, as a provider that ignored (or lost) the openid scope would.</summary>
    public bool OmitIdToken { get; set; }

    private sealed record Grant(string Challenge, string ChallengeMethod, string RedirectUri, string Nonce);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _host = builder.Build();
        _host.Use((http, next) =>
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return next(http);
        });
        _host.MapGet("/idp/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/keys",
            ["response_types_supported"] = new[] { "code" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _host.MapGet("/idp/keys", Keys);
        _host.MapGet("/idp/authorize", Authorize);
        _host.MapPost("/idp/token", ExchangeAsync);
        await _host.StartAsync();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = $"{address}/idp";
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != clientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.BadRequest("unknown client, or no PKCE challenge");
        }
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(q["code_challenge"]!, q["code_challenge_method"].ToString(), q["redirect_uri"]!, q["nonce"].ToString());
        return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> ExchangeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != clientId
            || !_grants.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }
        var expected = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        var matched = grant.ChallengeMethod == "S256" && expected == grant.Challenge;
        Exchanges.Enqueue((grant.ChallengeMethod, matched));
        if (!matched)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
        }
        var accessToken = Token(audience, new Dictionary<string, object> { ["roles"] = roles });
        return OmitIdToken
            ? Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 900 })
            : Results.Json(new
            {
                access_token = accessToken,
                id_token = Token(clientId, new Dictionary<string, object> { ["nonce"] = grant.Nonce }),
                token_type = "Bearer",
                expires_in = 900,
            });
    }

    private string Token(string tokenAudience, Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = tokenAudience,
        Expires = DateTime.UtcNow.AddMinutes(15),
        Subject = new ClaimsIdentity([new Claim("sub", subject)]),
        Claims = claims,
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "loopback" }, SecurityAlgorithms.RsaSha256),
    });

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = "loopback", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        _key.Dispose();
    }
}
