using Patchwork.Api.Identity;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>
/// Tokens no well-behaved provider issues, from a stand-in that forges them: each is refused with 401, and logged once
/// at Warning with the reason an operator looks for, never the token itself.
/// </summary>
public sealed class MisbehavingProviderTests : IAsyncLifetime
{
    private static readonly string Subject = DemoNetwork.WalkThrough.PractitionerSubject;
    private static readonly string[] Practitioner = ["practitioner"];

    private readonly LoopbackProvider _provider = new();
    private readonly LogCapture _logs = new();
    private PatchworkApp _app = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _app = new PatchworkApp("Production", new()
        {
            ["Auth:Authority"] = _provider.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:Audience"] = LoopbackProvider.Audience,
            ["Auth:RoleClaim"] = "realm_access.roles",
        })
        { ReplaceServices = _logs.ReplaceLogging };
    }

    private IReadOnlyList<string> Rejections => _logs.WarningsFrom(typeof(TokenRejections).FullName!);

    [Fact]
    public async Task A_token_from_the_stand_in_is_accepted_so_the_refusals_below_are_its_faults()
    {
        var me = (await _app.GraphQLAsync(_provider.Token(Subject, Practitioner), "{ me { standing } }")).Ok()["me"]!;
        Assert.Equal("ACTIVE", me["standing"]!.GetValue<string>());
        Assert.Empty(Rejections);
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "expired", "Expired" },
        { "another audience", "Audience" },
        { "another issuer", "Issuer" },
        { "a key it never published", "UnknownKey" },
        { "its key id but another key", "Signature" },
        { "alg none", "Algorithm" },
        { "alg HS256", "Algorithm" },
        { "alg EdDSA", "Algorithm" },
        { "not a JWT", "Malformed" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_401_and_logged_once_at_warning_with_its_reason_and_not_its_contents(string forgery, string reason)
    {
        var token = Forge(forgery);

        (await _app.GraphQLAsync(token, "{ me { subject } }")).FailsWith("UNAUTHENTICATED", 401);

        var warning = Assert.Single(Rejections);
        Assert.StartsWith($"Refused a bearer token ({reason}): ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[0], warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Subject, string.Join("\n", _logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EdDSA_is_refused_with_the_reason_that_NET_cannot_verify_it_and_what_to_do()
    {
        (await _app.GraphQLAsync(_provider.TokenClaimingAlgorithm("EdDSA", Subject, Practitioner), "{ me { subject } }"))
            .FailsWith("UNAUTHENTICATED", 401);

        var warning = Assert.Single(Rejections);
        Assert.Contains("EdDSA is not supported by .NET's token validation", warning, StringComparison.Ordinal);
        Assert.Contains("RS256, PS256 or ES256", warning, StringComparison.Ordinal);
    }

    private string Forge(string forgery) => forgery switch
    {
        "expired" => _provider.Token(Subject, Practitioner, expires: DateTime.UtcNow.AddMinutes(-5)),
        "another audience" => _provider.Token(Subject, Practitioner, audience: "another-api"),
        "another issuer" => _provider.Token(Subject, Practitioner, issuer: "https://evil.example.org/realms/test"),
        "a key it never published" => _provider.Token(Subject, Practitioner, signWithStrangerKey: true, keyId: "stranger-key"),
        "its key id but another key" => _provider.Token(Subject, Practitioner, signWithStrangerKey: true),
        "alg none" => _provider.UnsignedToken(Subject, Practitioner),
        "alg HS256" => _provider.TokenClaimingAlgorithm("HS256", Subject, Practitioner),
        "alg EdDSA" => _provider.TokenClaimingAlgorithm("EdDSA", Subject, Practitioner),
        _ => "not-a-jwt",
    };

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
            ["Auth:Audience"] = LoopbackProvider.Audience,
            ["Auth:RoleClaim"] = "realm_access.roles",
        });

        var me = (await app.GraphQLAsync(provider.Token(Subject, Practitioner), "{ me { standing } }")).Ok()["me"]!;

        Assert.Equal("ACTIVE", me["standing"]!.GetValue<string>());
        (await app.GraphQLAsync(provider.Token(Subject, Practitioner, issuer: provider.Backchannel), "{ me { standing } }"))
            .FailsWith("UNAUTHENTICATED", 401);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _provider.DisposeAsync();
    }
}
