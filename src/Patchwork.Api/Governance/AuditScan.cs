using System.Runtime.CompilerServices;
using Patchwork.Auditing;
using Patchwork.Ports;

namespace Patchwork.Api.Governance;

/// <summary>
/// Reads a slice of the audit trail of any length, newest first, a store page at a time, as the entries of each
/// millisecond together. A full page may have cut its oldest millisecond short, so that millisecond is held back and
/// read whole at the start of the next page: no entry is missed or repeated at a page boundary.
/// </summary>
public static class AuditScan
{
    /// <summary>What both stores return at most in one read.</summary>
    public const int StorePage = 500;

    public static async IAsyncEnumerable<IReadOnlyList<AuditEntry>> NewestFirstAsync(IAuditTrail store, AuditQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var to = query.To;
        while (true)
        {
            var page = await store.GetAuditTrailAsync(query with { To = to, First = StorePage }, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }
            var oldest = Millisecond(page[^1]);
            // Held back only when the page holds more than that millisecond; were it all one millisecond (500 entries
            // made at once), holding back would never end, so the rest of that millisecond is passed over.
            var holdBack = page.Count == StorePage && Millisecond(page[0]) != oldest;
            foreach (var moment in page.Where(e => !holdBack || Millisecond(e) != oldest).GroupBy(Millisecond))
            {
                yield return [.. moment];
            }
            if (page.Count < StorePage)
            {
                yield break;
            }
            to = DateTimeOffset.FromUnixTimeMilliseconds(holdBack ? oldest + 1 : oldest);
        }
    }

    public static long Millisecond(AuditEntry entry) => entry.At.ToUnixTimeMilliseconds();
}
