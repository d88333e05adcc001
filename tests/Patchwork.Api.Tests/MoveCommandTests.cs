using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using Patchwork.Seeding;
using Patchwork.Storage.Sqlite;
using Patchwork.Testing;

namespace Patchwork.Api.Tests;

/// <summary>
/// The move command, run as an operator runs it (the built API with <c>move</c> arguments), between two real SQLite
/// files (a seeded pilot and its copy), and from the pilot to the run's real Neo4j and back.
/// </summary>
public sealed class MoveCommandTests : IDisposable, IClassFixture<Neo4jRun>
{
    private static CancellationToken Ct => CancellationToken.None;

    private readonly string _directory = Directory.CreateTempSubdirectory("patchwork-move-").FullName;

    private string Pilot => Path.Combine(_directory, "pilot.db");

    private string Copy => Path.Combine(_directory, "copy.db");

    private string Back => Path.Combine(_directory, "back.db");

    private Dictionary<string, string> Environment => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__Authority"] = "",
        ["Storage__Sqlite__Path"] = Pilot,
        ["Move__To__Storage__Sqlite__Path"] = Copy,
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_move_copies_everything_checks_the_counts_and_can_be_run_again()
    {
        await SeedPilotAsync();

        var (first, firstOutput) = await MoveAsync();
        Assert.True(first == 0, firstOutput);
        Assert.Contains("The target is empty", firstOutput, StringComparison.Ordinal);
        Assert.Contains("every count agrees", firstOutput, StringComparison.Ordinal);
        Assert.Matches(@"clients\s+686\s+686\s+ok", firstOutput);
        Assert.Matches(@"follow-ups\s+2\s+2\s+ok", firstOutput);
        Assert.Matches(@"duty inbox entries\s+([1-9]\d*)\s+\1\s+ok", firstOutput);
        Assert.Matches(@"audit entries\s+5\s+5\s+ok", firstOutput);
        await AssertCopyEqualsPilotAsync();

        // Again, with nothing changed: the same copy.
        var (second, secondOutput) = await MoveAsync();
        Assert.True(second == 0, secondOutput);
        Assert.Contains("holds an earlier copy", secondOutput, StringComparison.Ordinal);
        await AssertCopyEqualsPilotAsync();

        // The pilot is used once more before the switch: the next move carries the difference over.
        var joined = await JoinTeamOnPilotAsync();
        var (third, thirdOutput) = await MoveAsync();
        Assert.True(third == 0, thirdOutput);
        Assert.Contains("holds the first 5 of the source's 6 entries", thirdOutput, StringComparison.Ordinal);
        await AssertCopyEqualsPilotAsync();
        using var copy = await OpenAsync(Copy);
        Assert.Contains(joined.PractitionerId, (await copy.GetClientTeamsAsync([joined.ClientId], Ct))[joined.ClientId].Select(m => m.Practitioner.Id));
    }

    [Fact]
    public async Task A_copy_that_has_been_used_on_its_own_is_refused_and_left_as_it_was()
    {
        await SeedPilotAsync();
        Assert.Equal(0, (await MoveAsync()).ExitCode);
        using (var copy = await OpenAsync(Copy))
        {
            await copy.AppendAuditAsync([new AuditEntry(DateTimeOffset.UtcNow, "demo-admin", null, AuditAction.Search, null, null, null, "on the copy", "req-copy")], Ct);
        }
        await JoinTeamOnPilotAsync();
        var before = await CountAsync(Copy);

        var (exitCode, output) = await MoveAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("has been used on its own", output, StringComparison.Ordinal);
        Assert.Contains("differs from the source's at entry 6", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(Copy));
    }

    [Fact]
    public async Task Bad_command_lines_and_settings_are_refused_with_what_to_do()
    {
        var missingSource = await MoveAsync();
        Assert.Equal(1, missingSource.ExitCode);
        Assert.Contains($"There is no database at {Pilot}", missingSource.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Pilot));

        await SeedPilotAsync();
        var noTarget = await ApiProcess.RunToExitAsync(Environment, "move", "--from", "sqlite");
        Assert.Equal(2, noTarget.ExitCode);
        Assert.Contains("Usage: move --from", noTarget.Output, StringComparison.Ordinal);

        var unknown = await ApiProcess.RunToExitAsync(Environment, "move", "--from", "sqlite", "--to", "oracle");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Storage:Provider 'oracle' is not supported", unknown.Output, StringComparison.Ordinal);

        var itself = await ApiProcess.RunToExitAsync(Environment.Where(e => !e.Key.StartsWith("Move__", StringComparison.Ordinal))
            .ToDictionary(), "move", "--from", "sqlite", "--to", "sqlite");
        Assert.Equal(1, itself.ExitCode);
        Assert.Contains("--from and --to are the same store", itself.Output, StringComparison.Ordinal);

        // A target holding another network (the demo district from another seed) is not an earlier copy of this one.
        var other = Environment;
        other["Storage__Sqlite__Path"] = Copy;
        Assert.Equal(0, (await ApiProcess.RunToExitAsync(other, "seed", "--size", "small", "--seed", "7")).ExitCode);
        var before = await CountAsync(Copy);
        var (exitCode, output) = await MoveAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("is not an earlier copy", output, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(Copy));
    }

    [Neo4jFact]
    public async Task A_pilot_moved_to_neo4j_and_back_comes_back_as_it_left()
    {
        await SeedPilotAsync();
        var environment = await Neo4jEnvironmentAsync();

        var (there, thereOutput) = await ApiProcess.RunToExitAsync(environment, "move", "--from", "sqlite", "--to", "neo4j");
        Assert.True(there == 0, thereOutput);
        Assert.Contains("every count agrees", thereOutput, StringComparison.Ordinal);
        var (back, backOutput) = await ApiProcess.RunToExitAsync(environment, "move", "--from", "neo4j", "--to", "sqlite");
        Assert.True(back == 0, backOutput);
        Assert.Contains("every count agrees", backOutput, StringComparison.Ordinal);

        Assert.Equal(await CountAsync(Pilot), await CountAsync(Back));
        Assert.Equal(await NetworkAsync(Pilot), await NetworkAsync(Back));
        Assert.Equal(await TrailAsync(Pilot), await TrailAsync(Back));
        Assert.Equal(await FollowUpsAsync(Pilot), await FollowUpsAsync(Back));
    }

    [Neo4jFact]
    public async Task A_move_to_neo4j_killed_half_way_and_run_again_completes_with_nothing_lost_or_doubled()
    {
        await SeedPilotAsync();
        var environment = await Neo4jEnvironmentAsync();
        // Small transactions, so that the kill falls between many commits and not after the last.
        environment["Neo4j__ImportRowsPerTransaction"] = "1000";

        var (killed, killedOutput) = await ApiProcess.RunAndKillAsync(environment, line => ShareDone(line) is >= 30 and < 100,
            "move", "--from", "sqlite", "--to", "neo4j");

        Assert.True(killed, killedOutput);
        var source = await CountAsync(Pilot);
        var half = await Neo4jCountAsync();
        Assert.InRange(Rows(half), 1, Rows(source) - 1);
        var (again, againOutput) = await ApiProcess.RunToExitAsync(environment, "move", "--from", "sqlite", "--to", "neo4j");
        Assert.True(again == 0, againOutput);
        Assert.Contains("holds an earlier copy", againOutput, StringComparison.Ordinal);
        Assert.Contains("every count agrees", againOutput, StringComparison.Ordinal);
        var (back, backOutput) = await ApiProcess.RunToExitAsync(environment, "move", "--from", "neo4j", "--to", "sqlite");
        Assert.True(back == 0, backOutput);
        Assert.Equal(source, await CountAsync(Back));
        Assert.Equal(await NetworkAsync(Pilot), await NetworkAsync(Back));
        Assert.Equal(await TrailAsync(Pilot), await TrailAsync(Back));
        Assert.Equal(await FollowUpsAsync(Pilot), await FollowUpsAsync(Back));
    }

    // The share of the network a progress line says is loaded ("Network [####....]  30 %  …"), or null.
    private static int? ShareDone(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^Network \[[#.]+\]\s+(\d+)\s?%");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static long Rows(NetworkCounts counts) => counts.Families + counts.Clients + counts.Involvements + counts.Visits;

    private async Task<Dictionary<string, string>> Neo4jEnvironmentAsync()
    {
        var neo4j = await TestNeo4j.OptionsAsync();
        await TestNeo4j.WipeAsync(neo4j);
        var environment = Environment;
        environment["Move__To__Storage__Sqlite__Path"] = Back;
        environment["Neo4j__Uri"] = neo4j.Uri!;
        environment["Neo4j__Database"] = neo4j.Database;
        environment["Neo4j__User"] = neo4j.User ?? "";
        environment["Neo4j__Password"] = neo4j.Password ?? "";
        return environment;
    }

    private static async Task<NetworkCounts> Neo4jCountAsync()
    {
        using var store = new Patchwork.Storage.Neo4j.Neo4jNetworkStore(await TestNeo4j.OptionsAsync(), TimeProvider.System);
        return await store.CountAsync(Ct);
    }

    private Task<(int ExitCode, string Output)> MoveAsync() =>
        ApiProcess.RunToExitAsync(Environment, "move", "--from", "sqlite", "--to", "sqlite");

    /// <summary>
    /// The demo district, plus what a pilot adds: three lines of audit trail, and two follow-up requests (with theirs),
    /// one to a family's team and one to the duty contacts of agencies that worked with a family that has no team.
    /// </summary>
    private async Task SeedPilotAsync()
    {
        var (exitCode, output) = await ApiProcess.RunToExitAsync(Environment, "seed", "--size", "small");
        Assert.True(exitCode == 0, output);
        using var pilot = await OpenAsync(Pilot);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await pilot.AppendAuditAsync(
        [
            new AuditEntry(at, "demo-social-worker", null, AuditAction.Search, null, null, null, "okafor: 1 match", "req-1"),
            new AuditEntry(at, "demo-admin", null, AuditAction.Denied, "cl-x", null, "not in the team", null, "req-2"),
            new AuditEntry(at.AddSeconds(1), "demo-analyst", null, AuditAction.Search, null, null, null, null, "req-3"),
        ], Ct);
        var families = await pilot.GetFamilyIdsAsync(Ct);
        var teams = await pilot.GetFamilyTeamsAsync(families, Ct);
        var commissioner = new Actor("demo-commissioner", null, "req-follow-up");
        await new NetworkChanges(pilot, TimeProvider.System).RequestFollowUpAsync(new NewFollowUp(families.First(f => teams[f].Any()), "No contact for 90 days"), commissioner, Ct);
        await new NetworkChanges(pilot, TimeProvider.System).RequestFollowUpAsync(new NewFollowUp(families.First(f => !teams[f].Any()), "Nobody involved since the case closed"), commissioner, Ct);
    }

    /// <summary>The walk-through's practitioner joins Grace Okafor's team on the pilot (one involvement, one audit entry).</summary>
    private async Task<Involvement> JoinTeamOnPilotAsync()
    {
        using var pilot = await OpenAsync(Pilot);
        var walk = DemoNetwork.WalkThrough;
        var practitioner = (await pilot.FindAccountAsync(walk.PractitionerSubject, Ct))!.Practitioner;
        var grace = (await pilot.SearchClientsAsync(new ClientSearch(walk.ClientName, null, 1, practitioner.Id), Ct))[0];
        return await new NetworkChanges(pilot, TimeProvider.System).JoinTeamAsync(grace.ClientId, "Allocated after a referral from school", false,
            new Actor(practitioner.Subject, practitioner.Id, "req-join"), Ct);
    }

    private async Task AssertCopyEqualsPilotAsync()
    {
        Assert.Equal(await CountAsync(Pilot), await CountAsync(Copy));
        Assert.Equal(await TrailAsync(Pilot), await TrailAsync(Copy));
        Assert.Equal(await FollowUpsAsync(Pilot), await FollowUpsAsync(Copy));
    }

    /// <summary>Every record of the network, each kind in a fixed order, one line each.</summary>
    private static async Task<List<string>> NetworkAsync(string path)
    {
        using var store = await OpenAsync(path);
        var lines = new List<string>();
        await foreach (var piece in store.ExportAsync(1_000, Ct))
        {
            lines.AddRange(new IEnumerable<object>[] { piece.Agencies, piece.Practitioners, piece.Families, piece.Clients,
                piece.Involvements, piece.Visits, piece.FollowUps }.SelectMany(rows => rows).Select(Line));
        }
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// <summary>A record as text, lists included (records print a list's type, not its items).</summary>
    private static string Line(object record) => record is FollowUpRequest request
        ? $"{request with { AgencyIds = [] }} [{string.Join(",", request.AgencyIds)}]"
        : $"{record}";

    /// <summary>Every family's follow-up requests and every agency's duty inbox, one line each.</summary>
    private static async Task<List<string>> FollowUpsAsync(string path)
    {
        using var store = await OpenAsync(path);
        var lines = (await store.GetFollowUpRequestsAsync(await store.GetFamilyIdsAsync(Ct), Ct)).SelectMany(g => g.Value)
            .Select(r => $"{r.Id} {r.FamilyId} {r.RequestedAt:O} {r.Route} {string.Join(",", r.AgencyIds)} {r.Reason}").ToList();
        foreach (var agency in await store.GetAgenciesAsync(Ct))
        {
            lines.AddRange((await store.GetDutyFollowUpRequestsAsync(agency.Id, 100, Ct)).Select(r => $"duty {agency.Id}: {r.Id}"));
        }
        Assert.NotEmpty(lines);
        return lines;
    }

    private static async Task<NetworkCounts> CountAsync(string path)
    {
        using var store = await OpenAsync(path);
        return await store.CountAsync(Ct);
    }

    private static async Task<List<AuditEntry>> TrailAsync(string path)
    {
        using var store = await OpenAsync(path);
        var entries = new List<AuditEntry>();
        await foreach (var piece in store.ExportAuditAsync(100, Ct))
        {
            entries.AddRange(piece);
        }
        return entries;
    }

    private static async Task<SqliteNetworkStore> OpenAsync(string path)
    {
        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = path }, TimeProvider.System);
        await store.InitializeAsync(Ct);
        return store;
    }
}
