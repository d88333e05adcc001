using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// Reading the whole network back out, in the order the bulk import loads it: how a pilot moves to another store.
public sealed partial class SqliteNetworkStore : INetworkExport
{
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
        await foreach (var rows in PiecesAsync(_sql.Command(ExportAgencies, connection, transaction), AgencyRow.From, pieceSize, cancellationToken))
        {
            yield return NoRows with { Agencies = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportPractitioners, connection, transaction), PractitionerRow.From, pieceSize, cancellationToken))
        {
            yield return NoRows with { Practitioners = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportFamilies, connection, transaction), FamilyRow.From, pieceSize, cancellationToken))
        {
            yield return NoRows with { Families = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportClients, connection, transaction), ClientRow.From, pieceSize, cancellationToken))
        {
            yield return NoRows with { Clients = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportInvolvements, connection, transaction), InvolvementRow.From, pieceSize, cancellationToken))
        {
            yield return NoRows with { Involvements = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportVisits, connection, transaction), VisitRow.From, pieceSize, cancellationToken))
        {
            yield return NoRows with { Visits = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportFollowUps, connection, transaction), FollowUpRow.From, pieceSize, cancellationToken))
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
        var query = _sql.Command(ExportAudit, connection, transaction);
        await foreach (var entries in PiecesAsync(query, AuditRow.From, pieceSize, cancellationToken))
        {
            yield return entries;
        }
    }

    public async Task<NetworkCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = _sql.Command(CountNetwork, connection);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        await row.ReadAsync(cancellationToken);
        long Count(string column) => row.GetInt64(row.GetOrdinal(column));
        return new NetworkCounts(Count("agencies"), Count("practitioners"), Count("families"), Count("clients"),
            Count("memberships"), Count("involvements"), Count("visits"), Count("follow_ups"), Count("follow_up_recipients"),
            Count("duty_inbox_entries"), Count("audit_entries"));
    }

    /// <summary>Reads a query's rows in lists of at most <paramref name="pieceSize"/>, without holding them all.</summary>
    private static async IAsyncEnumerable<List<T>> PiecesAsync<T>(SqliteCommand query, RowReader<T> rows,
        int pieceSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (query)
        {
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            var read = rows(reader);
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
