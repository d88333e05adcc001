using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Patchwork.Api.GraphQL;
using Patchwork.Api.Identity;
using Patchwork.Auditing;

namespace Patchwork.Api.Governance;

/// <summary>How much of the client register one person may search through, bound from the <c>Search</c> section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Searches one user may make in any hour.</summary>
    [Range(1, 100_000)]
    public int QueriesPerHour { get; set; } = 30;

    /// <summary>Matches one user may be shown in any hour, over all their searches.</summary>
    [Range(1, 1_000_000)]
    public int ResultsPerHour { get; set; } = 200;

    /// <summary>Letters and digits a search must hold: short prefixes each match a slice of the whole register.</summary>
    [Range(1, 20)]
    public int MinimumLetters { get; set; } = 3;
}

/// <summary>
/// Keeps search a way to find a client, not to copy the register: at most one search per request, of at least a few
/// letters, and per user a number of searches and of matches shown in any hour. Reaching a limit is refused as
/// RATE_LIMITED, written to the audit trail and logged as a warning, so an attempt at harvesting is seen. The counts
/// are kept by each instance of the API; behind several instances a user's allowance is that many times larger.
/// </summary>
public sealed partial class SearchBudget(IOptions<SearchOptions> options, TimeProvider time, ILogger<SearchBudget> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Dictionary<string, Queue<(DateTimeOffset At, int Results)>> _spent = new(StringComparer.Ordinal);

    /// <summary>Refuses the search about to run if it is not the request's only one, is too short, or is over budget.</summary>
    public void Admit(string text, RequestContext request)
    {
        var viewer = request.Viewer;
        if (!request.FirstOf("searchClients"))
        {
            throw PatchworkException.BadInput("One search per request: ask again for another name.");
        }
        var minimum = options.Value.MinimumLetters;
        if (text.Count(char.IsLetterOrDigit) < minimum)
        {
            throw PatchworkException.BadInput($"query must hold at least {minimum} letters or digits.");
        }
        var (queries, results) = SpentInWindow(viewer.Subject);
        if (queries >= options.Value.QueriesPerHour || results >= options.Value.ResultsPerHour)
        {
            var detail = $"search limit reached: {queries} searches and {results} matches in the last hour";
            request.Audit.Record(viewer, AuditAction.SearchLimitReached, detail: detail);
            LimitReached(logger, viewer.Subject, queries, results);
            throw PatchworkException.RateLimited(
                "You have searched a great deal in the last hour, so searching is paused for a while. Your searches are on record.");
        }
    }

    /// <summary>Counts a search that ran, and how many matches it showed.</summary>
    public void Spend(Viewer viewer, int results)
    {
        lock (_spent)
        {
            if (!_spent.TryGetValue(viewer.Subject, out var spent))
            {
                _spent[viewer.Subject] = spent = new();
            }
            spent.Enqueue((time.GetUtcNow(), results));
        }
    }

    private (int Queries, int Results) SpentInWindow(string subject)
    {
        lock (_spent)
        {
            if (!_spent.TryGetValue(subject, out var spent))
            {
                return (0, 0);
            }
            var since = time.GetUtcNow() - Window;
            while (spent.Count > 0 && spent.Peek().At <= since)
            {
                spent.Dequeue();
            }
            return (spent.Count, spent.Sum(s => s.Results));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Search limit reached by {Subject}: {Queries} searches and {Results} matches in the last hour")]
    private static partial void LimitReached(ILogger logger, string subject, int queries, int results);
}
