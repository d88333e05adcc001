using Patchwork.Api.GraphQL;
using Patchwork.Api.Reports;
using Patchwork.Auditing;
using Patchwork.Ports;

namespace Patchwork.Api.Governance;

/// <summary>Where the review of a break glass stands: OPEN until an administrator reviews it, CLOSED for good.</summary>
public enum BreakGlassReviewStatus { Open, Reviewed, Closed }

/// <summary>What a review decides: REVIEWED (looked at, may be looked at again) or CLOSED (nothing more to do).</summary>
public enum BreakGlassDecision { Reviewed, Closed }

/// <summary>One review of a break glass: what was decided, the outcome in a sentence, by whom (their subject) and when.</summary>
public sealed record BreakGlassReview(BreakGlassReviewStatus Status, string Outcome, string Reviewer, DateTimeOffset At);

/// <summary>A break glass as the reviewers see it: the entry itself and its latest review.</summary>
public sealed record BreakGlassCase(AuditEntry Entry, BreakGlassReview? LatestReview)
{
    public BreakGlassReviewStatus Status => LatestReview?.Status ?? BreakGlassReviewStatus.Open;

    public BreakGlassCategory? Category => BreakGlassViews.CategoryOf(Entry);
}

/// <summary>
/// The information governance lead's review of break glass, kept in the append-only audit trail: each review is a new
/// <see cref="AuditAction.ReviewBreakGlass"/> entry naming the break glass by its client and request id (one break
/// glass per request, however aliased), and the status of a break glass is its latest review's, OPEN when it has none.
/// A CLOSED one is reviewed no more.
/// </summary>
public static class BreakGlassReviews
{
    private const string Names = ": break glass ";

    /// <summary>How far back each read of reviews reaches beyond the entry that needs it, so few reads cover a queue page.</summary>
    private const int ReviewReadDays = 30;

    // Check-then-append is one step per instance, so two reviewers cannot both close the same entry here.
    private static readonly SemaphoreSlim Deciding = new(1, 1);

    /// <summary>Break-glass entries newest first, with their status, from after a cursor until a page of the status asked for.</summary>
    public static async Task<CursorPage<BreakGlassCase>> QueueAsync(IAuditTrail store, BreakGlassReviewStatus? status,
        int first, string? after, CancellationToken cancellationToken)
    {
        var start = after is null ? (Cursors.Position?)null : Cursors.Decode(after);
        var to = start is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s.Rank + 1) : (DateTimeOffset?)null;
        var reviews = new ReviewLedger(store);
        var page = new List<BreakGlassCase>();
        await foreach (var moment in AuditScan.NewestFirstAsync(store,
            new AuditQuery(null, null, null, to, AuditScan.StorePage, AuditAction.BreakGlass), cancellationToken))
        {
            foreach (var entry in moment.Where(e => start is null || PositionOf(e) > start.Value).OrderBy(PositionOf))
            {
                var item = await reviews.CaseOfAsync(entry, cancellationToken);
                if (status is null || item.Status == status)
                {
                    page.Add(item);
                }
            }
            if (page.Count > first)
            {
                break;
            }
        }
        var shown = page.Take(first).ToList();
        return new CursorPage<BreakGlassCase>(shown, shown.Count == 0 ? null : Cursors.Encode(PositionOf(shown[^1].Entry)), page.Count > first);
    }

    /// <summary>Records a review as a new audit entry. An unknown break glass is NOT_FOUND; a CLOSED one a CONFLICT.</summary>
    public static async Task<BreakGlassCase> ReviewAsync(IAuditTrail store, TimeProvider time, RequestContext request,
        string clientId, string requestId, BreakGlassDecision decision, string outcome, CancellationToken cancellationToken)
    {
        var client = Check.Id(clientId, "clientId");
        var key = Check.Text(requestId, "requestId", 100);
        var said = Check.Text(outcome, "outcome", 500);
        if (said.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3)
        {
            throw PatchworkException.BadInput("Give the outcome in a sentence: it stays on the audit trail.");
        }
        await Deciding.WaitAsync(cancellationToken);
        try
        {
            var entry = await FindAsync(store, client, key, cancellationToken)
                ?? throw Refused(request, client, PatchworkException.NotFound("break glass", $"{client}/{key}"));
            var latest = await LatestReviewAsync(store, entry, cancellationToken);
            if (latest?.Status == BreakGlassReviewStatus.Closed)
            {
                throw Refused(request, client, PatchworkException.Conflict($"This break glass was closed on {latest.At:u}: it is not reviewed again."));
            }
            var review = new AuditEntry(time.GetUtcNow(), request.Viewer.Subject, null, AuditAction.ReviewBreakGlass, entry.ClientId,
                entry.FamilyId, said, $"{StatusAfter(decision)}{Names}{entry.RequestId}", request.Viewer.RequestId);
            await store.AppendAuditAsync([review], cancellationToken);
            return new BreakGlassCase(entry, Parse(review)?.Review);
        }
        finally
        {
            Deciding.Release();
        }
    }

    private static BreakGlassReviewStatus StatusAfter(BreakGlassDecision decision) =>
        decision is BreakGlassDecision.Closed ? BreakGlassReviewStatus.Closed : BreakGlassReviewStatus.Reviewed;

    private static Cursors.Position PositionOf(AuditEntry entry) => new(AuditScan.Millisecond(entry), entry.RequestId);

    private static string KeyOf(AuditEntry breakGlass) => $"{breakGlass.ClientId}/{breakGlass.RequestId}";

    /// <summary>A review entry's break glass (its key) and decision; null for an entry that is not a review.</summary>
    private static (string Key, BreakGlassReview Review)? Parse(AuditEntry review)
    {
        var parts = review.Detail?.Split(Names, 2);
        return parts is [var status, var requestId] && Enum.TryParse<BreakGlassReviewStatus>(status, out var decided)
            && decided is not BreakGlassReviewStatus.Open && !status.Any(char.IsDigit)
            ? ($"{review.ClientId}/{requestId}", new BreakGlassReview(decided, review.Reason ?? "", review.Subject, review.At))
            : null;
    }

    private static async Task<AuditEntry?> FindAsync(IAuditTrail store, string clientId, string requestId, CancellationToken cancellationToken)
    {
        await foreach (var moment in AuditScan.NewestFirstAsync(store,
            new AuditQuery(clientId, null, null, null, AuditScan.StorePage, AuditAction.BreakGlass), cancellationToken))
        {
            if (moment.FirstOrDefault(e => e.RequestId == requestId) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static async Task<BreakGlassReview?> LatestReviewAsync(IAuditTrail store, AuditEntry breakGlass, CancellationToken cancellationToken)
    {
        var ledger = new ReviewLedger(store, breakGlass.ClientId);
        return (await ledger.CaseOfAsync(breakGlass, cancellationToken)).LatestReview;
    }

    private static PatchworkException Refused(RequestContext request, string clientId, PatchworkException refusal)
    {
        // Recorded with the client it was about; the same refusal is not recorded again at the root.
        request.Audit.Record(request.Viewer, AuditAction.Denied, clientId, detail: $"reviewBreakGlass: {refusal.Message}");
        return refusal;
    }

    /// <summary>
    /// The latest review of each break glass, read a stretch of time at a time (of one client's, or all): every review at
    /// or after <c>_coveredFrom</c> is known, which covers every break glass from then on, as a review follows it.
    /// </summary>
    private sealed class ReviewLedger(IAuditTrail store, string? clientId = null)
    {
        private readonly Dictionary<string, BreakGlassReview> _latest = new(StringComparer.Ordinal);
        private DateTimeOffset? _coveredFrom;

        public async Task<BreakGlassCase> CaseOfAsync(AuditEntry breakGlass, CancellationToken cancellationToken)
        {
            if (_coveredFrom is null || breakGlass.At < _coveredFrom)
            {
                await CoverAsync(breakGlass.At.AddDays(-ReviewReadDays), cancellationToken);
            }
            return new BreakGlassCase(breakGlass, _latest.GetValueOrDefault(KeyOf(breakGlass)));
        }

        private async Task CoverAsync(DateTimeOffset from, CancellationToken cancellationToken)
        {
            var query = new AuditQuery(clientId, null, from, _coveredFrom, AuditScan.StorePage, AuditAction.ReviewBreakGlass);
            await foreach (var moment in AuditScan.NewestFirstAsync(store, query, cancellationToken))
            {
                // Newest first, as each store orders entries even within a millisecond: the first seen is the latest.
                foreach (var (key, review) in moment.Select(Parse).OfType<(string, BreakGlassReview)>())
                {
                    _latest.TryAdd(key, review);
                }
            }
            _coveredFrom = from;
        }
    }
}
