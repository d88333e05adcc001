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
        await foreach (var page in PagesByIdAsync(ExportAgencies, "agency", Records.Agency, a => a.Id, pieceSize, cancellationToken))
        {
            yield return empty with { Agencies = page };
        }
        await foreach (var page in PagesByIdAsync(ExportPractitioners, "practitioner", Records.Practitioner, p => p.Id, pieceSize, cancellationToken))
        {
            yield return empty with { Practitioners = page };
        }
        await foreach (var page in PagesByIdAsync(ExportFamilies, "family", Records.Family, f => f.Id, pieceSize, cancellationToken))
        {
            yield return empty with { Families = page };
        }
        await foreach (var page in PagesByIdAsync(ExportClients, "client", Records.Client, c => c.Id, pieceSize, cancellationToken))
        {
            yield return empty with { Clients = page };
        }
        for (long skip = 0; ; skip += pieceSize)
        {
            var page = (await ReadAsync(ExportInvolvements, cancellationToken, ("skip", skip), ("limit", (long)pieceSize)))
                .Maps("involvement").Select(Records.Involvement).ToList();
            if (page.Count > 0)
            {
                yield return empty with { Involvements = page };
            }
            if (page.Count < pieceSize)
            {
                break;
            }
        }
        await foreach (var page in PagesByIdAsync(ExportVisits, "visit", Records.Visit, v => v.Id, pieceSize, cancellationToken))
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
        snapshot.CheckEmails();
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

    private async IAsyncEnumerable<List<T>> PagesByIdAsync<T>(Statement statement, string field,
        Func<IReadOnlyDictionary<string, object?>, T> read, Func<T, string> id, int pieceSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var after = ""; ;)
        {
            var page = (await ReadAsync(statement, cancellationToken, ("after", after), ("limit", (long)pieceSize)))
                .Maps(field).Select(read).ToList();
            if (page.Count > 0)
            {
                yield return page;
                after = id(page[^1]);
            }
            if (page.Count < pieceSize)
            {
                yield break;
            }
        }
    }
}
