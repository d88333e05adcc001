using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.Moving;

/// <summary>
/// Copies everything one store holds into another, through the ports alone, so any pair of adapters can be moved
/// between. Safe to run again: into an empty target it is a plain bulk load; into one holding an earlier copy it
/// merges (rows already there are brought up to the source's values) and appends only the audit entries the target
/// lacks. The audit trail is append-only and every change writes to it, so a target whose trail is a beginning of the
/// source's has not been used on its own since the last move: the missing entries are the source's after that many.
/// A target that has been used on its own is refused before anything is written, and so is one holding more of
/// anything than the source. The move ends by comparing the counts of both sides, kind by kind.
/// </summary>
internal sealed class NetworkMove(MoveEnd from, MoveEnd to, MoveDisplay display)
{
    /// <summary>Rows per piece: enough to keep the target busy, few enough to keep memory flat.</summary>
    public const int PieceSize = 2_000;

    /// <summary>Whether both sides hold the same counts of everything afterwards.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var source = await from.Store.Export.CountAsync(cancellationToken);
        var before = await to.Store.Export.CountAsync(cancellationToken);
        RefuseUnlessTargetCanBeACopy(source, before);
        await RefuseOtherAgenciesAsync(cancellationToken);
        await RefuseIfTargetWasUsedAsync(before.AuditEntries, cancellationToken);

        var merging = !await to.Store.Lifecycle.IsEmptyAsync(cancellationToken);
        display.StartNetwork(source, merging);
        var import = merging ? to.Store.MergingImport : to.Store.Import;
        await import.ImportAsync(from.Store.Export.ExportAsync(PieceSize, cancellationToken), display, cancellationToken);
        await CopyMissingAuditAsync(before.AuditEntries, source.AuditEntries, cancellationToken);

        var after = (Source: await from.Store.Export.CountAsync(cancellationToken), Target: await to.Store.Export.CountAsync(cancellationToken));
        return display.Compare(after.Source, after.Target);
    }

    private static void RefuseUnlessTargetCanBeACopy(NetworkCounts source, NetworkCounts target)
    {
        if (Kinds(source).All(kind => kind.Count == 0))
        {
            throw new MoveRefusedException("The source holds nothing to move. Check its settings.");
        }
        var larger = Kinds(source).Zip(Kinds(target)).Where(p => p.Second.Count > p.First.Count).Select(p => p.First.Kind).ToList();
        if (larger.Count > 0)
        {
            throw new MoveRefusedException(
                $"The target holds more {string.Join(", ", larger)} than the source, so it is not an earlier copy of it. " +
                "Move into an empty store.");
        }
    }

    /// <summary>
    /// A target loaded with another network (a demo seed, another district) has agencies the source lacks; the audit
    /// trail cannot tell, since a seed writes none. Agencies are few, so every one is checked.
    /// </summary>
    private async Task RefuseOtherAgenciesAsync(CancellationToken cancellationToken)
    {
        var ours = (await from.Store.Directory.GetAgenciesAsync(cancellationToken)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var stranger = (await to.Store.Directory.GetAgenciesAsync(cancellationToken)).FirstOrDefault(a => !ours.Contains(a.Id));
        if (stranger is not null)
        {
            throw new MoveRefusedException(
                $"The target holds an agency the source does not ({stranger.Name}, {stranger.Id}), so it is not an earlier " +
                "copy of it. Move into an empty store.");
        }
    }

    /// <summary>The target's audit trail must be the first entries of the source's, entry for entry.</summary>
    private async Task RefuseIfTargetWasUsedAsync(long held, CancellationToken cancellationToken)
    {
        if (held == 0)
        {
            return;
        }
        await using var theirs = Entries(to.Store.Export.ExportAuditAsync(PieceSize, cancellationToken)).GetAsyncEnumerator(cancellationToken);
        await using var ours = Entries(from.Store.Export.ExportAuditAsync(PieceSize, cancellationToken)).GetAsyncEnumerator(cancellationToken);
        for (long position = 1; await theirs.MoveNextAsync(); position++)
        {
            if (!await ours.MoveNextAsync() || ours.Current != theirs.Current)
            {
                throw new MoveRefusedException(
                    $"The target's audit trail differs from the source's at entry {position:N0}: the target has been used " +
                    "on its own since it was copied, and merging would mix two histories. Nothing was written.");
            }
        }
    }

    private async Task CopyMissingAuditAsync(long held, long total, CancellationToken cancellationToken)
    {
        display.StartAudit(held, total);
        long seen = 0, copied = 0;
        var piece = new List<AuditEntry>(PieceSize);
        await foreach (var entry in Entries(from.Store.Export.ExportAuditAsync(PieceSize, cancellationToken)).WithCancellation(cancellationToken))
        {
            if (++seen <= held)
            {
                continue;
            }
            piece.Add(entry);
            if (piece.Count == PieceSize)
            {
                copied += await AppendAsync(piece, cancellationToken);
                display.AuditCopied(copied);
            }
        }
        copied += await AppendAsync(piece, cancellationToken);
        display.AuditCopied(copied, final: true);
    }

    private async Task<int> AppendAsync(List<AuditEntry> piece, CancellationToken cancellationToken)
    {
        var count = piece.Count;
        await to.Store.Audit.AppendAuditAsync([.. piece], cancellationToken);
        piece.Clear();
        return count;
    }

    private static async IAsyncEnumerable<AuditEntry> Entries(IAsyncEnumerable<IReadOnlyList<AuditEntry>> pieces)
    {
        await foreach (var piece in pieces)
        {
            foreach (var entry in piece)
            {
                yield return entry;
            }
        }
    }

    /// <summary>Each node and relationship type with its count, in the order the move reports them.</summary>
    public static IEnumerable<(string Kind, long Count)> Kinds(NetworkCounts counts) =>
    [
        ("agencies", counts.Agencies),
        ("practitioners", counts.Practitioners),
        ("families", counts.Families),
        ("clients", counts.Clients),
        ("memberships", counts.Memberships),
        ("involvements", counts.Involvements),
        ("visits", counts.Visits),
        ("follow-ups", counts.FollowUps),
        ("follow-up recipients", counts.FollowUpRecipients),
        ("duty inbox entries", counts.DutyInboxEntries),
        ("audit entries", counts.AuditEntries),
    ];
}
