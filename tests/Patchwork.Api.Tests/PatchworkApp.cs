using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Ports;

namespace Patchwork.Api.Tests;

/// <summary>
/// The real API host over a real SQLite file of its own, seeded with the demo network. Only configuration
/// is overridden; tokens are real JWTs issued by the development sign-in endpoint.
/// </summary>
public sealed class PatchworkApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "patchwork-api-tests", Guid.NewGuid().ToString("N"));
    private readonly string _environment;
    private readonly Dictionary<string, string> _settings;

    public PatchworkApp() : this("Development", []) { }

    public PatchworkApp(string environment, Dictionary<string, string> settings)
    {
        _environment = environment;
        _settings = settings;
    }

    /// <summary>The test host's key for pseudonymous family references (any environment).</summary>
    public const string PseudonymKey = "patchwork-test-host-pseudonym-key-0123456789";

    public string DatabasePath => Path.Combine(_directory, "patchwork.db");

    /// <summary>The host's store, by its ports.</summary>
    public StorePorts Store => Services.GetRequiredService<StorePorts>();

    /// <summary>Service registrations to replace after the host's own (e.g. to observe the store), applied at build.</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Reports:PseudonymKey", PseudonymKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (ReplaceServices is not null)
        {
            builder.ConfigureTestServices(ReplaceServices);
        }
    }

    public async Task<string> TokenForAsync(string email)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/dev/token", new { email });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["token"]!.GetValue<string>();
    }

    /// <summary>Sends a GraphQL request as the given demo account (or anonymously with a null token).</summary>
    public async Task<GraphQLResponse> GraphQLAsync(string? token, string query, object? variables = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await GraphQLResponse.ReadAsync(await client.SendAsync(request));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>A GraphQL answer: HTTP status, content type, data and errors.</summary>
public sealed record GraphQLResponse(int Status, string? ContentType, JsonObject Body)
{
    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public JsonNode? Data => Body["data"];

    public JsonArray Errors => Body["errors"]?.AsArray() ?? [];

    public IReadOnlyList<string?> Codes => [.. Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>())];

    /// <summary>Asserts there were no errors and returns the data.</summary>
    public JsonNode Ok()
    {
        Assert.True(Errors.Count == 0, $"Expected no errors, got: {Body.ToJsonString()}");
        Assert.Equal(200, Status);
        return Data!;
    }

    /// <summary>Asserts the request failed with exactly this code.</summary>
    public void FailsWith(string code, int status = 200)
    {
        Assert.True(Errors.Count > 0, $"Expected {code}, got: {Body.ToJsonString()}");
        Assert.All(Codes, c => Assert.Equal(code, c));
        Assert.Equal(status, Status);
        Assert.DoesNotContain("   at ", Body.ToJsonString(), StringComparison.Ordinal); // never a stack trace
    }
}

/// <summary>What an answer that may carry personal data must tell caches and browsers.</summary>
public static class PrivateAnswers
{
    /// <summary>Asserts no cache may keep the answer and no browser may read it as another type than it says.</summary>
    public static void AssertKeptPrivate(this HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what} ({(int)response.StatusCode}) lacks Cache-Control: no-store.");
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) && sniffing.Single() == "nosniff",
            $"{what} ({(int)response.StatusCode}) lacks X-Content-Type-Options: nosniff.");
    }
}
