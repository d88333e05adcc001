using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Patchwork.Testing.Identity;

/// <summary>
/// A client application registered at the provider, and the person (or service) its tokens speak for: for a public
/// client, the user its authorization endpoint signs in.
/// </summary>
/// <param name="Secret">A confidential client's secret (client credentials); null for a public client (the web app).</param>
/// <param name="RedirectUri">
/// Where a public client's authorization code is sent back to; its origin may also call the token endpoint from a
/// browser (CORS).
/// </param>
/// <param name="Claims">More claims for its access tokens (e.g. Entra ID's "oid").</param>
public sealed record ProviderClient(string ClientId, string? Secret, string Subject, IReadOnlyList<string> Roles, Uri? RedirectUri = null,
    IReadOnlyDictionary<string, string>? Claims = null);

/// <summary>A request to the token endpoint as it arrived, and the provider's answer.</summary>
/// <param name="CarriedCodeVerifier">Whether it carried a PKCE code_verifier.</param>
/// <param name="Error">The OAuth error the provider answered with (e.g. invalid_grant); null when it issued tokens.</param>
public sealed record TokenRequest(string GrantType, string ClientId, bool CarriedCodeVerifier, int StatusCode, string? Error);

/// <summary>
/// A real OpenID Connect provider for tests: OpenIddict's server, hosted on loopback over HTTP, with its clients in an
/// in-memory SQLite database. It issues signed JWT access tokens over client credentials and over the authorization
/// code flow with PKCE (signing a public client's user in at once, with no login page), with the audience and the
/// roles claim the API reads. Browsers may call it from the origins of the registered redirect URIs only. Nobody on the team wrote its protocol handling; only the sign-in decision is ours.
/// </summary>
public sealed class OpenIddictProvider : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly SqliteConnection _database;
    private readonly ConcurrentDictionary<string, ProviderClient> _clients;
    private readonly string _audience;
    private readonly string _signingAlgorithm;
    private readonly string[] _resources;

    private OpenIddictProvider(WebApplication host, SqliteConnection database, string audience, string signingAlgorithm, string[] resources)
    {
        _host = host;
        _database = database;
        _clients = new();
        _audience = audience;
        _signingAlgorithm = signingAlgorithm;
        _resources = resources;
    }

    /// <summary>The issuer URL, with the trailing slash OpenIddict gives it: what the API's Auth:Authority is set to.</summary>
    public string Issuer { get; private set; } = "";

    private int _keySetRequests;

    /// <summary>How often the provider's keys (its JWKS) were asked for.</summary>
    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    /// <summary>The resource indicators (RFC 8707) each authorization and token request named, in order.</summary>
    public ConcurrentQueue<(string Endpoint, string[] Resources)> ResourceRequests { get; } = new();

    /// <summary>The PKCE challenge method each authorization request named ("" for none), in order.</summary>
    public ConcurrentQueue<string> ChallengeMethods { get; } = new();

    /// <summary>Every request to the token endpoint, in order, with what it carried and how the provider answered.</summary>
    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    /// <summary>
    /// Starts the provider. Tokens carry <paramref name="audience"/> (or the resource a client asked for), are signed
    /// with a fresh key for <paramref name="signingAlgorithm"/> (RS256, PS256, ES256 …), and may also be asked for
    /// <paramref name="resources"/> by resource indicator.
    /// </summary>
    public static async Task<OpenIddictProvider> StartAsync(string audience, IEnumerable<ProviderClient> clients,
        string signingAlgorithm = SecurityAlgorithms.RsaSha256, params string[] resources)
    {
        var database = new SqliteConnection("Data Source=:memory:");
        await database.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCors();
        builder.Services.AddDbContext<ProviderDatabase>(o => o.UseSqlite(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDatabase>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow().AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                o.RegisterResources(resources);
                o.AddSigningCredentials(NewSigningCredentials(signingAlgorithm));
                o.AddEphemeralEncryptionKey();
                // A resource server reads the access token itself, as the API does: it must be a signed JWT, not encrypted.
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
            });
        var host = builder.Build();
        var provider = new OpenIddictProvider(host, database, audience, signingAlgorithm, resources);
        // Browsers call discovery and the token endpoint from the app's origin, as a provider allows single-page apps to
        // from the origins registered for them (Keycloak's "web origins"): a page anywhere else is refused by its browser.
        host.UseCors(cors => cors.SetIsOriginAllowed(provider.IsRegisteredOrigin).AllowAnyHeader().WithMethods("GET", "POST"));
        host.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/.well-known/jwks", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref provider._keySetRequests);
            }
            return next(http);
        });
        host.Use(provider.RecordTokenRequestAsync);
        // OpenIddict answers its endpoints from the authentication middleware: after the two above, not before them.
        host.UseAuthentication();
        host.MapGet("/connect/authorize", provider.Authorize);
        host.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)provider.ExchangeAsync);
        await host.StartAsync();
        provider.Issuer = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        foreach (var client in clients)
        {
            await provider.AddClientAsync(client);
        }
        return provider;
    }

    /// <summary>
    /// Registers another client: a web app whose redirect URI is known only once it has a port, started after the
    /// provider because it needs the provider's issuer.
    /// </summary>
    public async Task AddClientAsync(ProviderClient client)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProviderDatabase>().Database.EnsureCreatedAsync();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(Describe(client, _resources));
        _clients[client.ClientId] = client;
    }

    /// <summary>An access token for a confidential client, over client credentials, as a service would get one.</summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string scope = "", string? resource = null)
    {
        var client = _clients[clientId];
        using var http = new HttpClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.Secret!,
            ["scope"] = scope,
        };
        if (resource is not null)
        {
            form["resource"] = resource;
        }
        using var response = await http.PostAsync(new Uri(new Uri(Issuer), "connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode && body?["access_token"]?.GetValue<string>() is { } token
            ? token
            : throw new InvalidOperationException($"The provider refused the token request: {body?.ToJsonString()}");
    }

    /// <summary>
    /// Rotates the signing key as a provider does: tokens are signed with a new key from now on, and the old one is no
    /// longer published. Tokens signed with the old key stop verifying once a relying party fetches the keys again.
    /// </summary>
    public void RotateSigningKey()
    {
        var credentials = _host.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials;
        var fresh = NewSigningCredentials(_signingAlgorithm);
        lock (credentials)
        {
            credentials.Clear();
            credentials.Add(fresh);
        }
    }

    /// <summary>Stops answering, as a provider that is down or cut off does.</summary>
    public Task StopAsync() => _host.StopAsync();

    private bool IsRegisteredOrigin(string origin) => _clients.Values.Any(c => c.RedirectUri is { } uri
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase));

    /// <summary>Notes each token request as it came in and as OpenIddict answered it (its verdict, not ours).</summary>
    private async Task RecordTokenRequestAsync(HttpContext http, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/connect/token", StringComparison.Ordinal)
            || !http.Request.HasFormContentType)
        {
            await next(http);
            return;
        }
        // Read once here; ASP.NET Core keeps the form, so OpenIddict reads the same one after.
        var form = await http.Request.ReadFormAsync();
        await next(http);
        var error = http.GetOpenIddictServerResponse()?.Error;
        TokenRequests.Enqueue(new TokenRequest(form[Parameters.GrantType].ToString(), form[Parameters.ClientId].ToString(),
            !string.IsNullOrEmpty(form[Parameters.CodeVerifier]), http.Response.StatusCode, string.IsNullOrEmpty(error) ? null : error));
    }

    private static OpenIddictApplicationDescriptor Describe(ProviderClient client, string[] resources)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            ClientType = client.Secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token },
        };
        if (client.Secret is not null)
        {
            descriptor.AddGrantTypePermissions(GrantTypes.ClientCredentials);
        }
        if (client.RedirectUri is not null)
        {
            descriptor.RedirectUris.Add(client.RedirectUri);
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.AddGrantTypePermissions(GrantTypes.AuthorizationCode);
            descriptor.AddScopePermissions(Scopes.Profile, Scopes.Email);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        descriptor.AddResourcePermissions(resources);
        return descriptor;
    }

    /// <summary>
    /// The authorization endpoint's one decision, once OpenIddict has checked the client, its redirect URI and its PKCE
    /// challenge: sign the client's user in at once, with no login page.
    /// </summary>
    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        ResourceRequests.Enqueue(("authorize", [.. request.GetResources()]));
        ChallengeMethods.Enqueue(request.CodeChallengeMethod ?? "");
        var client = _clients[request.ClientId!];
        return SignIn(request, client.Subject, client.Roles, client.Claims);
    }

    /// <summary>The token endpoint: the client's own identity for client credentials, the signed-in user for a code.</summary>
    private async Task<IResult> ExchangeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        ResourceRequests.Enqueue(("token", [.. request.GetResources()]));
        if (request.IsClientCredentialsGrantType())
        {
            var client = _clients[request.ClientId!];
            return SignIn(request, client.Subject, client.Roles, client.Claims);
        }
        // An authorization code: OpenIddict has checked it, its PKCE verifier and its client; reissue what it carries.
        var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = code.Principal!;
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IResult SignIn(OpenIddictRequest request, string subject, IReadOnlyList<string> roles,
        IReadOnlyDictionary<string, string>? claims = null)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, "roles");
        identity.SetClaim(Claims.Subject, subject);
        foreach (var (type, value) in claims ?? new Dictionary<string, string>())
        {
            identity.SetClaim(type, value);
        }
        identity.SetClaims("roles", [.. roles]);
        identity.SetScopes(request.GetScopes());
        // The audience: the resource the client named (RFC 8707), else the API's audience.
        var resources = request.GetResources();
        identity.SetResources(resources.IsDefaultOrEmpty ? [_audience] : resources);
        identity.SetDestinations(claim => claim.Type == Claims.Subject && claim.Subject!.HasScope(Scopes.OpenId)
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static SigningCredentials NewSigningCredentials(string algorithm)
    {
        SecurityKey key = algorithm.StartsWith("ES", StringComparison.Ordinal)
            ? new ECDsaSecurityKey(ECDsa.Create(algorithm switch
            {
                SecurityAlgorithms.EcdsaSha384 => ECCurve.NamedCurves.nistP384,
                SecurityAlgorithms.EcdsaSha512 => ECCurve.NamedCurves.nistP521,
                _ => ECCurve.NamedCurves.nistP256,
            }))
            : new RsaSecurityKey(RSA.Create(2048));
        key.KeyId = Guid.NewGuid().ToString("N");
        return new SigningCredentials(key, algorithm);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in the provider's SQLite database.</summary>
internal sealed class ProviderDatabase(DbContextOptions<ProviderDatabase> options) : DbContext(options);
