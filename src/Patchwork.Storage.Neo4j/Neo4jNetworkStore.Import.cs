using System.Text.RegularExpressions;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Bulk load of a whole network: MERGE by id in batches (UNWIND), so loading the same network again changes
// nothing, and a load that fails part-way can simply be run again.
public sealed partial class Neo4jNetworkStore : INetworkBulkImport
{
    /// <summary>Rows per statement: large enough to amortise a round trip, small enough for one request body.</summary>
    private const int RowsPerBatch = 2_000;

    /// <summary>Loads a snapshot in one transaction, parents before children; Visit.Restricted is derived, not read.</summary>
    public Task ImportAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken) =>
        LoadInTransactionAsync([.. Batches(snapshot)], cancellationToken);

    /// <summary>
    /// Loads a network arriving in pieces, in transactions of about <see cref="Neo4jOptions.ImportRowsPerTransaction"/> rows each, so the
    /// server's memory stays flat however large the network. A load that fails part-way keeps the transactions it
    /// committed; every row is merged by id, so running the same load again completes it with nothing doubled. A
    /// transaction's rows are held until it commits, so a transient failure retries that transaction alone.
    /// </summary>
    public async Task ImportAsync(IAsyncEnumerable<NetworkSnapshot> pieces, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var loaded = new ImportProgress(ImportStage.Loading, 0, 0, 0, 0);
        var pending = new List<RowBatch>();
        await foreach (var piece in pieces.WithCancellation(cancellationToken))
        {
            foreach (var batch in Batches(piece))
            {
                pending.Add(batch);
                if (pending.Sum(b => b.Rows.Length) >= _rowsPerTransaction)
                {
                    await LoadInTransactionAsync(pending, cancellationToken);
                    pending.Clear();
                }
            }
            loaded = loaded.After(piece);
            progress?.Report(loaded);
        }
        await LoadInTransactionAsync(pending, cancellationToken);
        // Neo4j keeps its indexes up to date as rows arrive: there is no separate indexing stage.
        progress?.Report(loaded with { Stage = ImportStage.Indexing });
        progress?.Report(loaded with { Stage = ImportStage.Done });
    }

    /// <summary>One statement's worth of rows of one kind, and the field of its answer that counts the rows it placed.</summary>
    private sealed record RowBatch(Statement Statement, string CountField, Dictionary<string, object?>[] Rows);

    /// <summary>
    /// A snapshot as statements, parents before children, follow-up requests (about families, to agencies) last; a
    /// snapshot holding an email address no write would accept is refused before anything is sent.
    /// </summary>
    private static IEnumerable<RowBatch> Batches(NetworkSnapshot snapshot)
    {
        snapshot.CheckEmails();
        return Batches(ImportAgencies, "loaded", snapshot.Agencies.Select(Records.Map))
            .Concat(Batches(ImportPractitioners, "loaded", snapshot.Practitioners.Select(Records.Map)))
            .Concat(Batches(ImportFamilies, "loaded", snapshot.Families.Select(Records.Map)))
            .Concat(Batches(ImportClients, "placed", snapshot.Clients.Select(Records.Map)))
            .Concat(Batches(ImportInvolvements, "loaded", snapshot.Involvements.Select(Records.Map)))
            .Concat(Batches(ImportVisits, "loaded", snapshot.Visits.Select(Records.Map)))
            .Concat(Batches(ImportFollowUps, "loaded", snapshot.FollowUps.Select(Records.Map)));
    }

    private static IEnumerable<RowBatch> Batches(Statement statement, string countField, IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Chunk(RowsPerBatch).Select(chunk => new RowBatch(statement, countField, chunk));

    /// <summary>
    /// Runs the batches in one transaction. A row whose practitioner, client, agency or family is neither loaded nor in
    /// the graph matches nothing, so the count comes back short and the transaction is refused, as foreign keys refuse
    /// it in SQLite. A row that breaks a uniqueness constraint is a CONFLICT that says which.
    /// </summary>
    private async Task LoadInTransactionAsync(IReadOnlyList<RowBatch> batches, CancellationToken cancellationToken)
    {
        if (batches.Count == 0)
        {
            return;
        }
        try
        {
            await _client.InTransactionAsync(async transaction =>
            {
                var tx = new Transaction(transaction, _cypher, cancellationToken);
                foreach (var batch in batches)
                {
                    var loaded = (await tx.RunAsync(batch.Statement, ("rows", batch.Rows))).Column<long>(batch.CountField).Single();
                    if (loaded != batch.Rows.Length)
                    {
                        throw new InvalidOperationException(
                            $"{batch.Statement.ResourceName}: {batch.Rows.Length - loaded} row(s) refer to nodes neither in the network nor in the store.");
                    }
                }
                return true;
            }, cancellationToken);
        }
        catch (Neo4jException e) when (e.Code == Neo4jException.ConstraintValidationFailed)
        {
            throw PatchworkException.Conflict(
                $"The import clashes with the store: {Clash(e.ServerMessage)}. Nothing of the transaction that met it was loaded; " +
                "correct the source and run the import again (rows already in the store are merged, not doubled).");
        }
    }

    /// <summary>What a uniqueness constraint refused, from Neo4j's "… already exists with label `L` and property `p` = 'v'".</summary>
    private static string Clash(string serverMessage)
    {
        var refused = ConstraintMessage().Match(serverMessage);
        return (refused.Groups["label"].Value, refused.Groups["property"].Value) switch
        {
            ("Agency", "nameKey") => $"an agency has the name of another agency ({refused.Groups["value"].Value}, in capitals)",
            ("Practitioner", "subject") => $"a practitioner signs in with the subject of another practitioner ({refused.Groups["value"].Value})",
            _ => $"a uniqueness constraint refused a row ({serverMessage})",
        };
    }

    [GeneratedRegex("label `(?<label>[^`]+)` and property `(?<property>[^`]+)` = (?<value>.*)$")]
    private static partial Regex ConstraintMessage();
}
