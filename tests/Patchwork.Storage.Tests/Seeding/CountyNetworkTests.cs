using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Patchwork.Network;
using Patchwork.Seeding;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Storage.Tests.Seeding;

/// <summary>
/// The county generator, checked on a county of the same make-up cut down to a few thousand families (the full
/// county is generated and timed by bench/run, not here), and the store's streamed bulk import that loads it.
/// </summary>
public sealed class CountyNetworkTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-14T09:41:27.513+00:00", CultureInfo.InvariantCulture);

    // The county's shape, at a fortieth of its families and a tenth of its practitioners.
    private static readonly SeedProfile SmallCounty = SeedProfile.County with { Families = 2_000, Practitioners = 2_000, LeftPractitioners = 60 };

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_county_profile_is_a_county()
    {
        var county = SeedProfile.For(SeedSize.County);

        Assert.Equal(300, county.Agencies);
        Assert.Equal(20_000, county.Practitioners);
        Assert.Equal(80_000, county.Families);
        // About 2.5 members a household gives about 200,000 clients.
        var sizes = Enumerable.Range(county.MembersPerFamily.Min, county.MemberCountWeights.Count).ToList();
        var meanSize = sizes.Zip(county.MemberCountWeights, (size, weight) => size * weight).Sum() / county.MemberCountWeights.Sum();
        Assert.InRange(meanSize * county.Families, 190_000, 210_000);
    }

    [Fact]
    public void A_county_has_about_25_visits_a_client_most_families_with_one_to_three_practitioners_and_a_long_tail()
    {
        var network = Whole(SmallCounty, 1802);

        Assert.Equal(300, network.Agencies.Count);
        Assert.InRange(network.Visits.Count / (double)network.Clients.Count, 20, 32);
        Assert.Contains(network.Visits, v => v.Status == VisitStatus.Planned);

        var familyOf = network.Clients.ToDictionary(c => c.Id, c => c.FamilyId!);
        var teamSizes = network.Involvements.Where(i => i.EndedOn is null)
            .GroupBy(i => familyOf[i.ClientId])
            .Select(g => g.Select(i => i.PractitionerId).Distinct().Count())
            .ToList();
        Assert.True(teamSizes.Count(n => n <= 3) > 0.7 * teamSizes.Count, "Most families have one to three practitioners.");
        Assert.InRange(teamSizes.Count(n => n >= 10), 10, 0.06 * teamSizes.Count);

        var caseloads = network.Involvements.Where(i => i.EndedOn is null)
            .CountBy(i => i.PractitionerId).Select(c => c.Value).Order().ToList();
        Assert.True(caseloads[^1] >= 5 * caseloads[caseloads.Count / 2], "A few practitioners carry large caseloads.");
    }

    [Fact]
    public void The_same_seed_gives_the_same_county_batch_for_batch()
    {
        var first = DemoNetwork.GenerateInBatches(SmallCounty, 7, Now, 500).Select(b => JsonSerializer.Serialize(b)).ToList();
        var second = DemoNetwork.GenerateInBatches(SmallCounty, 7, Now, 500).Select(b => JsonSerializer.Serialize(b)).ToList();

        Assert.Equal(4, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Visit_ids_are_made_in_order_so_a_load_appends_to_the_id_index()
    {
        var batches = DemoNetwork.GenerateInBatches(SmallCounty, 3, Now, 250).ToList();

        var ids = batches.SelectMany(b => b.Visits).Select(v => v.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public async Task A_county_streamed_into_the_store_is_all_there_with_its_indexes_and_name_search()
    {
        using var store = await OpenStoreAsync();
        var indexesBefore = await IndexesAsync();
        var progress = new List<ImportProgress>();

        await store.ImportAsync(Pieces(SmallCounty, 11), new Recorder(progress), CancellationToken.None);

        var whole = Whole(SmallCounty, 11);
        Assert.Equal(whole.Visits.Count, await ScalarAsync("SELECT count(*) FROM visit"));
        Assert.Equal(whole.Clients.Count, await ScalarAsync("SELECT count(*) FROM client_name"));
        Assert.Equal(indexesBefore, await IndexesAsync());
        Assert.Equal([ImportStage.Loading, ImportStage.Indexing, ImportStage.Done], progress.Select(p => p.Stage).Distinct());
        Assert.Equal(whole.Visits.Count, progress[^1].Visits);
        var someone = whole.Clients[^1];
        var found = await store.SearchClientsAsync(
            new ClientSearch($"{someone.GivenName} {someone.FamilyName}", someone.DateOfBirth, 100, whole.Practitioners[0].Id), CancellationToken.None);
        Assert.Contains(found, m => m.ClientId == someone.Id || someone.Shielded);
        Assert.False(await store.IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_streamed_import_that_fails_part_way_leaves_the_store_as_it_was()
    {
        using var store = await OpenStoreAsync();
        var indexesBefore = await IndexesAsync();
        var dangling = new NetworkSnapshot([], [], [], [], [],
            [new Visit("v-dangling", "no-such-client", "no-such-practitioner", VisitMode.Phone, VisitStatus.Completed, null, Now, false)]);

        await Assert.ThrowsAsync<SqliteException>(() =>
            store.ImportAsync(Append(Pieces(SmallCounty, 5), dangling), null, CancellationToken.None));

        Assert.True(await store.IsEmptyAsync(CancellationToken.None));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM visit"));
        Assert.Equal(indexesBefore, await IndexesAsync());
    }

    private static NetworkSnapshot Whole(SeedProfile profile, int seed) => DemoNetwork.Generate(profile, seed, Now);

    private static async IAsyncEnumerable<NetworkSnapshot> Pieces(SeedProfile profile, int seed)
    {
        foreach (var piece in DemoNetwork.GenerateInBatches(profile, seed, Now, 400))
        {
            await Task.Yield();
            yield return piece;
        }
    }

    private static async IAsyncEnumerable<NetworkSnapshot> Append(
        IAsyncEnumerable<NetworkSnapshot> pieces, NetworkSnapshot last, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var piece in pieces.WithCancellation(cancellationToken))
        {
            yield return piece;
        }
        yield return last;
    }

    private string DatabasePath => _directory.File("county.db");

    private async Task<SqliteNetworkStore> OpenStoreAsync()
    {
        var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = DatabasePath }, new FixedTimeProvider(Now));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
#pragma warning disable CA2100 // The statements are the test's own constants.
        await using var command = new SqliteCommand(sql, connection);
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> IndexesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<string>();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }
        return indexes;
    }

    private sealed class Recorder(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => seen.Add(value);
    }
}
