using System.Globalization;
using Patchwork.Network;
using Patchwork.Seeding;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Tests.Contract;
using Patchwork.Testing;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The streamed bulk import on the real server: a network of a county's make-up, cut down to a town, loaded in
/// transactions of bounded size, so a failure part-way keeps what was committed and a second run completes the load.
/// </summary>
[RequiresStoreServer<Neo4jTestServer>]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jImportTests
{
    [ContractFact]
    public async Task A_load_that_fails_part_way_keeps_what_it_committed_and_a_second_run_completes_it_with_nothing_doubled()
    {
        var options = await TestNeo4j.OptionsAsync();
        await TestNeo4j.WipeAsync(options);
        using var store = new Neo4jNetworkStore(options, new FixedTimeProvider(Town.Now));
        await store.InitializeAsync(Town.Ct);
        var dangling = new NetworkSnapshot([], [], [], [], [],
            [new Visit("v-dangling", "no-such-client", "no-such-practitioner", VisitMode.Phone, VisitStatus.Completed, null, Town.Now, false)]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ImportAsync(Town.Pieces(failAfter: 3, dangling), null, Town.Ct));

        var halfway = await store.CountAsync(Town.Ct);
        Assert.InRange(halfway.Visits, 1, Town.Counts.Visits - 1);
        await store.ImportAsync(Town.Pieces(), null, Town.Ct);
        Assert.Equal(Town.Counts, await store.CountAsync(Town.Ct));
    }
}

/// <summary>
/// The streamed bulk import on a server of its own that holds every transaction to a memory cap, as a production
/// server should be configured: a whole town in one transaction needs several times the cap.
/// </summary>
[RequiresStoreServer<LocalNeo4jTestServer>]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jImportMemoryTests
{
    [ContractFact]
    public async Task A_town_streams_into_a_server_that_caps_each_transaction_s_memory()
    {
        await using var server = await LocalNeo4jServer.StartAsync("db.memory.transaction.max=96m");
        using var store = new Neo4jNetworkStore(server.Options, new FixedTimeProvider(Town.Now));
        await store.InitializeAsync(Town.Ct);

        await store.ImportAsync(Town.Pieces(), null, Town.Ct);

        Assert.Equal(Town.Counts, await store.CountAsync(Town.Ct));
    }
}

/// <summary>A local server this test run can start itself, or the reason it cannot.</summary>
public sealed class LocalNeo4jTestServer : IStoreServer
{
    public static string? UnavailableReason => LocalNeo4jServer.UnavailableReason;
}

/// <summary>The county's make-up at 600 families: about 1,500 clients and 40,000 visits, in pieces of 100 families.</summary>
internal static class Town
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-14T09:41:27.513+00:00", CultureInfo.InvariantCulture);

    public static CancellationToken Ct => CancellationToken.None;

    private static readonly SeedProfile Profile = SeedProfile.County with { Families = 600, Practitioners = 600, LeftPractitioners = 20 };

    private static readonly NetworkSnapshot Whole = DemoNetwork.Generate(Profile, 5, Now);

    public static NetworkCounts Counts { get; } = new(Whole.Agencies.Count, Whole.Practitioners.Count, Whole.Families.Count,
        Whole.Clients.Count, Whole.Clients.Count(c => c.FamilyId is not null), Whole.Involvements.Count, Whole.Visits.Count, 0, 0, 0, 0);

    /// <summary>The town piece by piece; with <paramref name="dangling"/>, that piece comes after the first few and the rest never do.</summary>
    public static async IAsyncEnumerable<NetworkSnapshot> Pieces(int failAfter = int.MaxValue, NetworkSnapshot? dangling = null)
    {
        var given = 0;
        foreach (var piece in DemoNetwork.GenerateInBatches(Profile, 5, Now, 100))
        {
            await Task.Yield();
            if (given++ == failAfter && dangling is not null)
            {
                yield return dangling;
                yield break;
            }
            yield return piece;
        }
    }
}
