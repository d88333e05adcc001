using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
        await foreach (var rows in PiecesAsync(_sql.Command(ExportAgencies, connection, transaction), r => AgencyRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Agencies = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportPractitioners, connection, transaction), r => PractitionerRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Practitioners = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportFamilies, connection, transaction), r => FamilyRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Families = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportClients, connection, transaction), r => ClientRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Clients = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportInvolvements, connection, transaction), r => InvolvementRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Involvements = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportVisits, connection, transaction), r => VisitRow.Read(r), pieceSize, cancellationToken))
        {
            yield return NoRows with { Visits = rows };
        }
        await foreach (var rows in PiecesAsync(_sql.Command(ExportFollowUps, connection, transaction), r => FollowUpRow.Read(r), pieceSize, cancellationToken))
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
        await foreach (var entries in PiecesAsync(query, r => AuditRow.Read(r), pieceSize, cancellationToken))
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
