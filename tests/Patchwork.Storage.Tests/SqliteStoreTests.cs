using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite;
using Patchwork.Storage.Tests.Contract;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests;

/// <summary>What only the embedded store promises: its file, its schema versions and its locking.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static CancellationToken Ct => CancellationToken.None;

    private readonly TemporaryDirectory _directory = new();
    private readonly FixedTimeProvider _time = new(Now);

    /// <summary>Changes as the API makes them, on this test's clock.</summary>
    private NetworkChanges Changes(IWriteStore store) => new(store, _time);
    private readonly List<SqliteNetworkStore> _stores = [];

    private string DatabasePath => _directory.File(Path.Combine("data", "patchwork.db"));

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
        _directory.Dispose();
    }

    [Fact]
    public async Task Initialising_creates_the_directory_and_the_file()
    {
        await OpenStoreAsync();

        Assert.True(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Every_migration_is_applied_once_however_often_the_file_is_opened()
    {
        var first = await OpenStoreAsync();
        await first.ImportAsync(Build(), Ct);
        await first.InitializeAsync(Ct);

        var second = await OpenStoreAsync();

        Assert.Equal(EmbeddedMigrationCount(), await ScalarAsync<long>("PRAGMA user_version"));
        Assert.Equal(ClientIds.Count, (await second.GetClientsAsync(ClientIds, Ct)).Count);
    }

    [Fact]
    public async Task The_data_survives_closing_and_reopening_the_file()
    {
        var first = await OpenStoreAsync();
        await first.ImportAsync(Build(), Ct);
        var joined = await Changes(first).JoinTeamAsync(Eve, "Referral", false, ActorFor(Oscar), Ct);
        first.Dispose();

        var second = await OpenStoreAsync();

        Assert.Equal([Oscar], (await second.GetClientTeamsAsync([Eve], Ct))[Eve].Select(m => m.Practitioner.Id));
        Assert.Equal(joined.Since, (await second.GetClientTeamsAsync([Eve], Ct))[Eve].Single().Since);
        Assert.Single(await second.GetAuditTrailAsync(new AuditQuery(Eve, null, null, null, 10), Ct));
        Assert.Equal(Alice, Assert.Single(await second.SearchClientsAsync(new ClientSearch("alice", null, 5, Sam), Ct)).ClientId);
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        await OpenStoreAsync();
        await ExecuteAsync("PRAGMA user_version = 999");

        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = DatabasePath }, _time);
        _stores.Add(store);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
    }

    [Fact]
    public async Task A_store_whose_schema_was_never_applied_is_not_ready()
    {
        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = _directory.File("never-initialised.db") }, _time);
        _stores.Add(store);

        Assert.False(await store.IsReadyAsync(Ct));
        Assert.True(await (await OpenStoreAsync()).IsReadyAsync(Ct));
    }

    [Fact]
    public async Task Two_processes_opening_a_new_file_at_once_both_start()
    {
        var stores = Enumerable.Range(0, 4)
            .Select(_ => new SqliteNetworkStore(new SqliteStoreOptions { Path = DatabasePath }, _time))
            .ToList();
        _stores.AddRange(stores);

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(Ct))));

        Assert.All(await Task.WhenAll(stores.Select(s => s.IsReadyAsync(Ct))), Assert.True);
    }

    [Fact]
    public async Task The_name_index_agrees_with_the_clients_after_imports_and_registrations()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        await store.ImportAsync(new NetworkBuilder().Client("cl-nora", "Nora", "Smithers", new DateOnly(2001, 5, 5), "NR5 8AB").Build(), Ct);
        await Changes(store).RegisterClientAsync(
            new NewClient("Ruth", "Newman", new DateOnly(1960, 5, 17), "9 Oak Lane", "NR4 7TJ", null, false, "Referral"), ActorFor(Sam), Ct);

        // FTS5 compares the index with the client table and fails the statement if they differ.
        await ExecuteAsync("INSERT INTO client_name (client_name, rank) VALUES ('integrity-check', 1)");

        Assert.Equal(ClientIds.Count + 2, await ScalarAsync<long>("SELECT count(*) FROM client_name_docsize"));
    }

    [Fact]
    public async Task The_file_is_in_write_ahead_log_mode()
    {
        await OpenStoreAsync();

        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Theory]
    [InlineData("UPDATE audit SET reason = 'tampered'")]
    [InlineData("DELETE FROM audit")]
    public async Task The_audit_trail_cannot_be_changed_even_by_raw_sql(string sql)
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        await Changes(store).JoinTeamAsync(Eve, "Referral", false, ActorFor(Oscar), Ct);

        var error = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("Referral", Assert.Single(await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10), Ct)).Reason);
    }

    [Fact]
    public async Task Foreign_keys_are_enforced_and_a_failed_import_leaves_nothing()
    {
        var store = await OpenStoreAsync();
        var broken = Build() with
        {
            Involvements = [new Involvement(Sam, "cl-missing", Now, "Referral", false, null, null)],
        };

        var error = await Assert.ThrowsAsync<SqliteException>(() => store.ImportAsync(broken, Ct));

        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
        Assert.True(await store.IsEmptyAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_writers_queue_and_all_succeed()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        var registrations = Enumerable.Range(0, 40).Select(i => Task.Run(() => Changes(store).RegisterClientAsync(
            new NewClient($"Client{i}", "Parallel", new DateOnly(1990, 1, 1), "1 Main Street", "NR1 1AA", null, false, "Referral"),
            ActorFor(PractitionerIds[i % 5]), Ct)));

        var clients = await Task.WhenAll(registrations);

        Assert.Equal(40, clients.Select(c => c.Id).Distinct().Count());
        Assert.Equal(40, (await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100), Ct)).Count);
    }

    [Fact]
    public async Task Audit_entries_appended_at_the_same_moment_are_all_written_each_once()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        var appends = Enumerable.Range(0, 300).Select(i => Task.Run(() => store.AppendAuditAsync(
            [ViewEntry(i), ViewEntry(i)], Ct)));

        await Task.WhenAll(appends);

        Assert.Equal(600L, await ScalarAsync<long>("SELECT count(*) FROM audit WHERE action = 'ViewClient'"));
        Assert.Equal(300L, await ScalarAsync<long>("SELECT count(DISTINCT request_id) FROM audit WHERE action = 'ViewClient'"));
    }

    [Fact]
    public async Task Closing_the_store_while_views_are_audited_keeps_every_acknowledged_entry_and_strands_none()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        var appends = Enumerable.Range(0, 400).Select(i => Task.Run(() => store.AppendAuditAsync([ViewEntry(i)], Ct))).ToList();

        await Task.Delay(5, Ct);
        store.Dispose();
        // Each append either completed (so its entry is in the file) or was refused because the store closed.
        var finished = await Task.WhenAll(appends.Select(a => a.ContinueWith(t => t, Ct))).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.All(finished.Where(t => t.IsFaulted), t => Assert.IsType<ObjectDisposedException>(t.Exception!.InnerException));
        var acknowledged = finished.Count(t => t.IsCompletedSuccessfully);
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM audit WHERE action = 'ViewClient'") >= acknowledged);
    }

    private static AuditEntry ViewEntry(int request) =>
        new(Now, "idp|sam", Sam, AuditAction.ViewClient, Alice, null, null, null, $"req-{request}");

    [Fact]
    public async Task Of_concurrent_identical_joins_exactly_one_succeeds()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        var joins = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Changes(store).JoinTeamAsync(Eve, "Referral", false, ActorFor(Oscar), Ct);
                return (ErrorCode?)null;
            }
            catch (PatchworkException e)
            {
                return e.Code;
            }
        }));

        var outcomes = await Task.WhenAll(joins);

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(9, outcomes.Count(o => o == ErrorCode.Conflict));
        Assert.Single((await store.GetClientTeamsAsync([Eve], Ct))[Eve]);
    }

    [Fact]
    public async Task Only_the_merging_import_takes_rows_that_are_already_there()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        var counts = await store.CountAsync(Ct);

        // The ordinary bulk import, which the seed uses, still refuses a network already loaded, and changes nothing.
        await Assert.ThrowsAsync<SqliteException>(() => ((INetworkBulkImport)store).ImportAsync(OnePiece(Build()), null, Ct));
        Assert.Equal(counts, await store.CountAsync(Ct));

        await store.Merging.ImportAsync(OnePiece(Build()), null, Ct);
        Assert.Equal(counts, await store.CountAsync(Ct));
    }

    [Fact]
    public async Task A_merge_that_breaks_a_rule_is_rolled_back_whole()
    {
        var store = await OpenStoreAsync();
        await store.ImportAsync(Build(), Ct);
        var counts = await store.CountAsync(Ct);
        var network = Build();
        // A new family, then a visit with a client nobody has: the foreign key refuses the visit, after the family went in.
        var family = new Family("fa-new", "the New household", "Norwich South");
        var stray = network.Visits[0] with { Id = "vi-stray", ClientId = "cl-missing" };

        await Assert.ThrowsAsync<SqliteException>(() => store.Merging.ImportAsync(
            OnePiece(network with { Families = [family], Visits = [.. network.Visits, stray] }), null, Ct));

        Assert.Equal(counts, await store.CountAsync(Ct));
        Assert.Empty(await store.GetFamiliesAsync(["fa-new"], Ct));
    }

    [Fact]
    public async Task A_streamed_import_leaves_each_client_s_running_figures_as_row_by_row_writes_would()
    {
        var rowByRow = await OpenStoreAsync(_directory.File("row-by-row.db"));
        await rowByRow.ImportAsync(Build(), Ct);
        var streamed = await OpenStoreAsync();
        await ((INetworkBulkImport)streamed).ImportAsync(OnePiece(Build()), null, Ct);

        Assert.Equal(await ScalarAsync<string>(Figures, _directory.File("row-by-row.db")), await ScalarAsync<string>(Figures));
        Assert.Contains(":1:", await ScalarAsync<string>(Figures), StringComparison.Ordinal);

        // The triggers are back: a contact recorded after the import moves the client's figure.
        const string Triggers = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name)";
        Assert.Equal(await ScalarAsync<string>(Triggers, _directory.File("row-by-row.db")), await ScalarAsync<string>(Triggers));
        await Changes(streamed).JoinTeamAsync(Eve, "Referral from the school nurse", false, ActorFor(Sam), Ct);
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT current_involvements FROM client WHERE id = '{Eve}'"));
    }

    [Fact]
    public async Task Upgrading_a_file_works_each_client_s_running_figures_out_again_without_restricted_work()
    {
        // The report network with its restricted work, loaded by this build: the figures as they must be.
        var current = _directory.File("current.db");
        var store = await OpenStoreAsync(current);
        await store.ImportAsync(ReportNetwork.BuildWithRestrictedService(), Ct);
        foreach (var part in ReportNetwork.RestrictedWork())
        {
            await store.ImportAsync(part, Ct);
        }

        // The same rows written into a file at schema version 3, whose triggers still counted restricted work.
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using (var old = RawConnection())
        {
            await old.OpenAsync();
            var scripts = typeof(SqliteNetworkStore).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("Patchwork.Storage.Sqlite.Migrations.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Take(3);
            foreach (var name in scripts)
            {
                using var reader = new StreamReader(typeof(SqliteNetworkStore).Assembly.GetManifestResourceStream(name)!);
                await ExecuteAsync(old, await reader.ReadToEndAsync());
            }
            await ExecuteAsync(old, $"""
                PRAGMA user_version = 3;
                ATTACH DATABASE '{current}' AS current;
                INSERT INTO agency SELECT * FROM current.agency;
                INSERT INTO practitioner SELECT * FROM current.practitioner;
                INSERT INTO family SELECT * FROM current.family;
                INSERT INTO client (seq, id, given_name, family_name, date_of_birth, address, postcode, nhs_number, shielded,
                                    family_id, family_relationship)
                SELECT seq, id, given_name, family_name, date_of_birth, address, postcode, nhs_number, shielded,
                       family_id, family_relationship FROM current.client;
                INSERT INTO involvement SELECT * FROM current.involvement;
                INSERT INTO visit SELECT * FROM current.visit;
                """);
        }
        Assert.NotEqual(await ScalarAsync<string>(Figures, current), await ScalarAsync<string>(Figures));

        await OpenStoreAsync();

        Assert.Equal(await ScalarAsync<string>(Figures, current), await ScalarAsync<string>(Figures));
    }

    // Each client's running figures (migrations 0003 and 0004): latest contact, current involvements, latest planned visit.
    private const string Figures = "SELECT group_concat(id || ':' || ifnull(last_contact_at, '-') || ':' || current_involvements || ':' || " +
        "ifnull(last_planned_for, '-'), ' ') FROM (SELECT * FROM client ORDER BY id)";

    private static async IAsyncEnumerable<NetworkSnapshot> OnePiece(NetworkSnapshot snapshot)
    {
        await Task.Yield();
        yield return snapshot;
    }

    private async Task<SqliteNetworkStore> OpenStoreAsync(string? path = null)
    {
        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = path ?? DatabasePath }, _time);
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    private static int EmbeddedMigrationCount() =>
        typeof(SqliteNetworkStore).Assembly.GetManifestResourceNames()
            .Count(n => n.StartsWith("Patchwork.Storage.Sqlite.Migrations.", StringComparison.Ordinal));

    // Raw access, as an administrator with the sqlite3 shell would have it; never pooled, so the file can be deleted.
    private SqliteConnection RawConnection(string? path = null) => new($"Data Source={path ?? DatabasePath};Pooling=False");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = RawConnection();
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
#pragma warning disable CA2100 // The statements are the test's own constants and the store's own migration scripts.
        await using var command = new SqliteCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, string? path = null)
    {
        await using var connection = RawConnection(path);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The statements are the test's own constants.
        await using var command = new SqliteCommand(sql, connection);
#pragma warning restore CA2100
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
