using Patchwork.Network;

namespace Patchwork.Ports;

/// <summary>How every batch read answers, whichever store: each key asked for, with its rows in the order read.</summary>
public static class Batch
{
    /// <summary>The most visits or contacts a batch read returns per client, whatever is asked for.</summary>
    public const int MaxVisitsPerClient = 100;

    /// <summary>Visits per client as a store reads them: at least one, at most <see cref="MaxVisitsPerClient"/>.</summary>
    public static int VisitsPerClient(int asked) => Math.Clamp(asked, 1, MaxVisitsPerClient);

    /// <summary>The answer to a batch read of no keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<T>> None<T>() => new Dictionary<string, IReadOnlyList<T>>();

    /// <summary>Every key asked for, with its rows (none where nothing matched); a row under a key not asked for is dropped.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<T>> ByKey<T>(
        IReadOnlyCollection<string> keys, IEnumerable<T> rows, Func<T, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOf);
        var grouped = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            grouped.TryAdd(key, []);
        }
        foreach (var row in rows)
        {
            grouped.GetValueOrDefault(keyOf(row))?.Add(row);
        }
        return grouped.ToDictionary(p => p.Key, p => (IReadOnlyList<T>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The teams asked for, from one row per involvement: per key, one entry per practitioner, merged and ordered as
    /// <see cref="TeamMember.MergeByPractitioner"/> shows a team.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TeamMember>> Teams(
        IReadOnlyCollection<string> keys, IEnumerable<(string Key, TeamMember Member)> rows) =>
        ByKey(keys, rows, r => r.Key).ToDictionary(
            p => p.Key, p => TeamMember.MergeByPractitioner(p.Value.Select(r => r.Member)), StringComparer.Ordinal);
}
