namespace Patchwork.Api.Tests;

/// <summary>The seed command, run as an operator runs it: the built API with <c>seed</c> arguments.</summary>
public sealed class SeedCommandTests
{
    [Fact]
    public async Task The_seed_command_needs_only_the_store_and_refuses_a_store_that_is_not_empty()
    {
        var database = Path.Combine(Path.GetTempPath(), $"patchwork-seed-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "",
            ["Storage__Sqlite__Path"] = database,
        };
        try
        {
            var (exitCode, output) = await ApiProcess.RunToExitAsync(environment, "seed", "--size", "small");
            Assert.True(exitCode == 0, output);
            Assert.Contains("686 clients", output, StringComparison.Ordinal);

            var (again, refusal) = await ApiProcess.RunToExitAsync(environment, "seed", "--size", "small");
            Assert.Equal(1, again);
            Assert.Contains("already holds a network", refusal, StringComparison.Ordinal);
            var (unknown, _) = await ApiProcess.RunToExitAsync(environment, "seed", "--size", "galaxy");
            Assert.Equal(2, unknown);
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
