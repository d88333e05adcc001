using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Patchwork.Testing;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>What the tests start, what compose runs and what the README tells an operator are one server configuration.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class ServerConfigurationTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void The_compose_file_runs_the_version_and_http_modules_the_tests_run()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

        Assert.Contains($"image: {TestNeo4j.Image}", compose, StringComparison.Ordinal);
        Assert.Contains($"NEO4J_server_http__enabled__modules: {LocalNeo4jServer.HttpModules}", compose, StringComparison.Ordinal);
        Assert.Contains(TestNeo4j.Image, File.ReadAllText(Path.Combine(Root, "README.md")), StringComparison.Ordinal);
    }

    [Neo4jFact]
    public async Task The_run_s_server_is_neo4j_5_26_and_serves_the_query_api()
    {
        var options = await TestNeo4j.OptionsAsync();
        using var http = new HttpClient();

        var discovery = await http.GetFromJsonAsync<JsonObject>(options.Uri);

        Assert.StartsWith("5.26.", discovery!["neo4j_version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("query/v2", discovery["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Patchwork.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("No Patchwork.sln above the test assembly.");
    }
}
