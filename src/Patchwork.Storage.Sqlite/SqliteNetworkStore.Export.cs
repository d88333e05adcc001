using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Patchwork.Ports;

namespace Patchwork.Storage.Sqlite;

// Reading the whole network back out, in the order the bulk import loads it: how a pilot moves to another store.
public sealed partial class SqliteNetworkStore : INetworkExport
{
    // Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
    private const string ExportAgenciesSql = "SELECT " + AgencyRow.Columns + " FROM agency a ORDER BY a.rowid";
    private const string ExportPractitionersSql = "SELECT " + PractitionerRow.Columns + " FROM practitioner p ORDER BY p.rowid";
    private const string ExportFamiliesSql = "SELECT " + FamilyRow.Columns + " FROM family f ORDER BY f.rowid";
    private const string ExportClientsSql = "SELECT " + ClientRow.Columns + " FROM client c ORDER BY c.seq";
    private const string ExportInvolvementsSql = "SELECT " + InvolvementRow.Columns + " FROM involvement i ORDER BY i.rowid";
    private const string ExportVisitsSql = "SELECT " + VisitRow.Columns + " FROM visit v ORDER BY v.rowid";
    private const string ExportFollowUpsSql = "SELECT " + FollowUpRow.Columns + " FROM follow_up u ORDER BY u.rowid";

    // The order entries were appended in, which is the trail's own order (times may tie or, across group commits, cross).
    private const string ExportAuditSql = "SELECT " + AuditRow.Columns + " FROM audit au ORDER BY au.id";

    private const string CountSql = """
        SELECT (SELECT count(*) FROM agency),
               (SELECT count(*) FROM practitioner),
               (SELECT count(*) FROM family),
               (SELECT count(*) FROM client),
               (SELECT count(*) FROM client WHERE family_id IS NOT NULL),
               (SELECT count(*) FROM involvement),
               (SELECT count(*) FROM visit),
               (SELECT count(*) FROM follow_up),
               (SELECT coalesce(sum(json_array_length(agency_ids)), 0) FROM follow_up),
               (SELECT count(*) FROM follow_up_duty),
               (SELECT count(*) FROM audit)
        """;

    private static readonly NetworkSnapshot NoRows = new([], [], [], [], [], []);

    /// <summary>
    /// Every table in turn, parents before children (follow-up requests, about families and to agencies, last), in
    /// pieces of one kind each. All pieces come from one read transaction, so they show the network at one moment even
    /// while it is being written to.
    /// </summary>
    public async IAsyncEnumerable<NetworkSnapshot> ExportAsync(
        int pieceSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceSize, 1);
        await using var connection = await OpenAsync(ConnectionString(_path, pooling: false), cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportAgenciesSql, connection, transaction), r => AgencyRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Agencies = rows };
        }
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportPractitionersSql, connection, transaction), r => PractitionerRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Practitioners = rows };
        }
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportFamiliesSql, connection, transaction), r => FamilyRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Families = rows };
        }
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportClientsSql, connection, transaction), r => ClientRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Clients = rows };
        }
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportInvolvementsSql, connection, transaction), r => InvolvementRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Involvements = rows };
        }
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportVisitsSql, connection, transaction), r => VisitRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Visits = rows };
        }
        await foreach (var rows in PiecesAsync(new SqliteCommand(ExportFollowUpsSql, connection, transaction), r => FollowUpRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { FollowUps = rows };
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<AuditEntry>> ExportAuditAsync(
        int pieceSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceSize, 1);
        await using var connection = await OpenAsync(ConnectionString(_path, pooling: false), cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var query = new SqliteCommand(ExportAuditSql, connection, transaction);
        await foreach (var entries in PiecesAsync(query, r => AuditRow.Read(r), pieceSize, cancellationToken))
        {
            yield return entries;
        }
    }

    public async Task<NetworkCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(CountSql, connection);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        await row.ReadAsync(cancellationToken);
        return new NetworkCounts(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4),
            row.GetInt64(5), row.GetInt64(6), row.GetInt64(7), row.GetInt64(8), row.GetInt64(9), row.GetInt64(10));
    }

    /// <summary>Reads a query's rows in lists of at most <paramref name="pieceSize"/>, without holding them all.</summary>
    private static async IAsyncEnumerable<List<T>> PiecesAsync<T>(SqliteCommand query, Func<SqliteDataReader, T> read,
        int pieceSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (query)
        {
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            var piece = new List<T>(Math.Min(pieceSize, 4_096));
            while (await reader.ReadAsync(cancellationToken))
            {
                piece.Add(read(reader));
                if (piece.Count == pieceSize)
                {
                    yield return piece;
                    piece = new List<T>(Math.Min(pieceSize, 4_096));
                }
            }
            if (piece.Count > 0)
            {
                yield return piece;
            }
        }
    }
}
