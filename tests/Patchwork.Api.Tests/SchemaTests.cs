using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Patchwork.Api.Tests;

/// <summary>The printed schema is the contract frontends build on: it must never drift silently.</summary>
public sealed class SchemaTests(PatchworkAppFixture fixture) : IClassFixture<PatchworkAppFixture>
{
    [Fact]
    public void The_schema_matches_schema_patchwork_graphql()
    {
        var printed = fixture.App.Services.GetRequiredService<ISchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot(), "schema", "patchwork.graphql");
        if (Environment.GetEnvironmentVariable("PATCHWORK_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, printed);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with PATCHWORK_UPDATE_SCHEMA=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void Every_root_field_declares_who_may_use_it()
    {
        var schema = fixture.App.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var undeclared = schema.Query.Fields.Concat(schema.Mutation!.Fields)
            .Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal))
            .Where(f => !f.HasMetadata("patchwork.access.roles") && !f.HasMetadata("patchwork.access.anyone"))
            .Select(f => f.Name);
        Assert.Empty(undeclared);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Patchwork.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Patchwork.sln not found above the test output.");
    }
}
