using System.Runtime.CompilerServices;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using Patchwork.Storage.Neo4j.Cypher;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Reading a whole network back out, page by page on an index.
public sealed partial class Neo4jNetworkStore : INetworkExport
{
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
        await foreach (var page in PagesAsync(ExportFollowUps, "followUp", Records.FollowUp, IdKey<FollowUpRequest>(u => u.Id), pieceSize, cancellationToken))
        {
            yield return empty with { FollowUps = page };
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
            Count("memberships"), Count("involvements"), Count("visits"), Count("followUps"), Count("followUpRecipients"),
            Count("dutyInboxEntries"), Count("auditEntries"));
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
