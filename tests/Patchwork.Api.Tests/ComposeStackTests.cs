using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Patchwork.Seeding;
using Patchwork.Testing;

namespace Patchwork.Api.Tests;

/// <summary>
/// The built API starts with exactly the environment docker-compose.yml gives its container (read from the file, with
/// the variables of deploy/compose.env.example), so the file cannot drift from what the API requires. No Docker engine:
/// the other services' addresses point at loopback stand-ins, the run's real Neo4j and a provider serving Keycloak's
/// discovery document and keys; Seq is left unreachable, as the API does not wait for its logs to be taken.
/// </summary>
[Collection(Neo4jApi.Collection)]
public sealed class ComposeStackTests
{
    private static readonly ComposeFile Stack = ComposeFile.Load("docker-compose.yml");

    [Neo4jFact]
    public async Task The_api_starts_ready_with_the_compose_environment_and_signs_in_through_the_realm()
    {
        var neo4j = await TestNeo4j.OptionsAsync();
        await TestNeo4j.WipeAsync(neo4j);
        await using var keycloak = await RealmStandIn.StartAsync("patchwork");
        var environment = Stack.Environment("api");
        // The file's own wiring first: the API signs in to Neo4j as the neo4j service is told to let it.
        Assert.Equal(Stack.Environment("neo4j")["NEO4J_AUTH"], $"{environment["Neo4j__User"]}/{environment["Neo4j__Password"]}");

        var standIns = new Dictionary<string, string>
        {
            ["http://neo4j:7474"] = neo4j.Uri!,
            ["http://keycloak:8080"] = keycloak.Address,
            ["http://localhost:8081"] = keycloak.Address,
        };
        var mapped = environment.ToDictionary(e => e.Key, e => standIns.Aggregate(e.Value, (value, s) => value.Replace(s.Key, s.Value, StringComparison.Ordinal)));
        // The stand-in Neo4j has credentials of its own in place of the ones NEO4J_AUTH gives the service.
        (mapped["Neo4j__User"], mapped["Neo4j__Password"], mapped["Neo4j__Database"]) = (neo4j.User!, neo4j.Password!, neo4j.Database);
        await using var api = await ApiProcess.StartServerAsync(mapped);

        using var http = api.CreateClient();
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains($"\"clientId\":\"{environment["WebApp__ClientId"]}\"", page, StringComparison.Ordinal);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            keycloak.Token(DemoNetwork.WalkThrough.PractitionerSubject, environment["Auth__Audience"], ["practitioner"]));
        var me = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ me { standing } }" });
        var answer = JsonNode.Parse(await me.Content.ReadAsStringAsync())!;
        Assert.True(answer["data"]?["me"]?["standing"]?.GetValue<string>() == "ACTIVE", $"{answer.ToJsonString()}\n{api.Output}");
    }

    /// <summary>A Keycloak realm reduced to what the API reads of it: the discovery document and the signing keys.</summary>
    private sealed class RealmStandIn(WebApplication host, string realm) : IAsyncDisposable
    {
        private readonly RSA _key = RSA.Create(2048);

        public string Address { get; } = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        private string Issuer => $"{Address}/realms/{realm}";

        public static async Task<RealmStandIn> StartAsync(string realm)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var host = builder.Build();
            RealmStandIn? standIn = null;
            host.MapGet($"/realms/{realm}/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = standIn!.Issuer,
                ["jwks_uri"] = $"{standIn.Issuer}/protocol/openid-connect/certs",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            host.MapGet($"/realms/{realm}/protocol/openid-connect/certs", () => Results.Json(new { keys = new[] { standIn!.PublicKey() } }));
            await host.StartAsync();
            return standIn = new RealmStandIn(host, realm);
        }

        public string Token(string subject, string audience, string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Claims = new Dictionary<string, object> { ["realm_access"] = new Dictionary<string, object> { ["roles"] = roles } },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "realm-key" }, SecurityAlgorithms.RsaSha256),
        });

        private object PublicKey()
        {
            var parameters = _key.ExportParameters(includePrivateParameters: false);
            return new
            {
                kty = "RSA",
                use = "sig",
                alg = "RS256",
                kid = "realm-key",
                n = Base64UrlEncoder.Encode(parameters.Modulus),
                e = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        }

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            _key.Dispose();
        }
    }
}
