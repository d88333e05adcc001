using System.Net;
using System.Net.Http.Json;

namespace Patchwork.Api.Tests;

/// <summary>Outside Development there is no development sign-in, and the local key is not trusted.</summary>
public sealed class ProductionHostTests : IDisposable
{
    private readonly PatchworkApp _app = new("Production", new()
    {
        ["Auth:Authority"] = "https://login.example.org/realms/patchwork",
        ["Demo:Seed"] = "false",
    });

    [Fact]
    public async Task Development_sign_in_answers_404()
    {
        using var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/dev/token", new { email = "a@b.c" })).StatusCode);
    }

    [Fact]
    public async Task Graphql_still_needs_a_token()
    {
        (await _app.GraphQLAsync(null, "{ me { subject } }")).FailsWith("UNAUTHENTICATED", 401);
    }

    public void Dispose() => _app.Dispose();
}
