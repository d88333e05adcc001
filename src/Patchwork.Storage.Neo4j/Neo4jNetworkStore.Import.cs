using System.Runtime.CompilerServices;
using Patchwork.Storage.Neo4j.Cypher;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Bulk load of a whole network, and reading one back out: MERGE by id in batches (UNWIND), so loading the same
// network again changes nothing, and a load that fails part-way can simply be run again.
public sealed partial class Neo4jNetworkStore : INetworkBulkImport, INetworkExport
{
    /// <summary>Rows per statement: large enough to amortise a round trip, small enough for one request body.</summary>
    private const int RowsPerBatch = 2_000;

    /// <summary>Loads a snapshot in one transaction, parents before children; Visit.Restricted is derived, not read.</summary>
    public Task ImportAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken) =>
        WriteAsync(async tx =>
        {
            await LoadAsync(tx, snapshot);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Loads a network arriving in pieces as one transaction: every piece is in the graph afterwards or none is.
    /// A piece cannot be read twice, so a transient failure is reported rather than retried; run the load again.
    /// </summary>
    public async Task ImportAsync(IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        long families = 0, clients = 0, involvements = 0, visits = 0;
        await _client.InTransactionAsync(async transaction =>
        {
            var tx = new Transaction(transaction, _cypher, cancellationToken);
            await foreach (var piece in pieces.WithCancellation(cancellationToken))
            {
                await LoadAsync(tx, piece);
                families += piece.Families.Count;
                clients += piece.Clients.Count;
                involvements += piece.Involvements.Count;
                visits += piece.Visits.Count;
                progress?.Report(new ImportProgress(ImportStage.Loading, families, clients, involvements, visits));
            }
            // Neo4j keeps its indexes up to date as rows arrive: there is no separate indexing stage.
            progress?.Report(new ImportProgress(ImportStage.Indexing, families, clients, involvements, visits));
            return true;
        }, cancellationToken, retry: false);
        progress?.Report(new ImportProgress(ImportStage.Done, families, clients, involvements, visits));
    }

    public async IAsyncEnumerable<NetworkSnapshot> ExportAsync(int pieceSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceSize, 1);
        var empty = new NetworkSnapshot([], [], [], [], [], []);
        await foreach (var page in PagesAsync(ExportAgencies, "agency", Records.Agency, IdKey<Agency>(a => a.Id), pieceSize, cancellationToken))
        {
            yield return empty with { Agencies = page };
        }
        await foreach (var page in PagesAsync(ExportPractitioners, "practitioner", Records.Practitioner, IdKey<Practitioner>(p => p.Id), pieceSize, cancellationToken))
        {
            yield return empty with { Practitioners = page };
        }
        await foreach (var page in PagesAsync(ExportFamilies, "family", Records.Family, IdKey<Family>(f => f.Id), pieceSize, cancellationToken))
        {
            yield return empty with { Families = page };
        }
        await foreach (var page in PagesAsync(ExportClients, "client", Records.Client, IdKey<Client>(c => c.Id), pieceSize, cancellationToken))
        {
            yield return empty with { Clients = page };
        }
        await foreach (var page in PagesAsync(ExportInvolvements, "involvement", Records.Involvement, InvolvementKey, pieceSize, cancellationToken))
        {
            yield return empty with { Involvements = page };
        }
        await foreach (var page in PagesAsync(ExportVisits, "visit", Records.Visit, IdKey<Visit>(v => v.Id), pieceSize, cancellationToken))
        {
            yield return empty with { Visits = page };
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<AuditEntry>> ExportAuditAsync(int pieceSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceSize, 1);
        for (var after = long.MinValue; ;)
        {
            var page = await ReadAsync(ExportAudit, cancellationToken, ("after", after), ("limit", (long)pieceSize));
            if (page.Values.Count > 0)
            {
                yield return [.. page.Maps("entry").Select(Records.AuditEntry)];
                after = page.Column<long>("seq").Last();
            }
            if (page.Values.Count < pieceSize)
            {
                yield break;
            }
        }
    }

    public async Task<NetworkCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await ReadAsync(CountNetwork, cancellationToken);
        long Count(string field) => counts.Column<long>(field).Single();
        return new NetworkCounts(Count("agencies"), Count("practitioners"), Count("families"), Count("clients"),
            Count("memberships"), Count("involvements"), Count("visits"), Count("auditEntries"));
    }

    private static async Task LoadAsync(Transaction tx, NetworkSnapshot snapshot)
    {
        await LoadAllAsync(tx, ImportAgencies, snapshot.Agencies.Select(Records.Map), "loaded");
        await LoadAllAsync(tx, ImportPractitioners, snapshot.Practitioners.Select(Records.Map), "loaded");
        await LoadAllAsync(tx, ImportFamilies, snapshot.Families.Select(Records.Map), "loaded");
        await LoadAllAsync(tx, ImportClients, snapshot.Clients.Select(Records.Map), "placed");
        await LoadAllAsync(tx, ImportInvolvements, snapshot.Involvements.Select(Records.Map), "loaded");
        await LoadAllAsync(tx, ImportVisits, snapshot.Visits.Select(Records.Map), "loaded");
    }

    /// <summary>
    /// Loads rows in batches. A row whose practitioner, client, agency or family is neither loaded nor in the graph
    /// matches nothing, so the count comes back short and the whole load is refused, as foreign keys refuse it in SQLite.
    /// </summary>
    private static async Task LoadAllAsync(Transaction tx, Statement statement, IEnumerable<Dictionary<string, object?>> rows, string countField)
    {
        foreach (var batch in rows.Chunk(RowsPerBatch))
        {
            var loaded = (await tx.RunAsync(statement, ("rows", batch))).Column<long>(countField).Single();
            if (loaded != batch.Length)
            {
                throw new InvalidOperationException(
                    $"{statement.ResourceName}: {batch.Length - loaded} row(s) refer to nodes neither in the network nor in the store.");
            }
        }
    }

    /// <summary>
    /// A statement's rows page by page, each page asked for as the rows after the key of the previous page's last row
    /// (<paramref name="keyAfter"/> of null is the key before every row): a seek into an index, where SKIP would walk
    /// and sort every row before the page again.
    /// </summary>
    private async IAsyncEnumerable<List<T>> PagesAsync<T>(Statement statement, string field,
        Func<IReadOnlyDictionary<string, object?>, T> read, Func<T?, (string, object?)[]> keyAfter, int pieceSize,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        for (T? last = null; ;)
        {
            var page = (await ReadAsync(statement, cancellationToken, [.. keyAfter(last), ("limit", (long)pieceSize)]))
                .Maps(field).Select(read).ToList();
            if (page.Count > 0)
            {
                yield return page;
                last = page[^1];
            }
            if (page.Count < pieceSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Nodes are paged by id; no id is empty, so the empty text comes before them all.</summary>
    private static Func<T?, (string, object?)[]> IdKey<T>(Func<T, string> id) where T : class =>
        last => [("after", last is null ? "" : id(last))];

    /// <summary>An involvement is known by its client, practitioner and start, the order the export reads them in.</summary>
    private static (string, object?)[] InvolvementKey(Involvement? last) =>
    [
        ("afterClientId", last?.ClientId ?? ""),
        ("afterPractitionerId", last?.PractitionerId ?? ""),
        ("afterSince", last?.Since ?? DateTimeOffset.MinValue),
    ];
}
