using System.Diagnostics;
using System.Globalization;
using Patchwork.Network;

namespace Patchwork.Api.Moving;

/// <summary>
/// What a move shows as it goes: a bar for the network (one line redrawn in place on a terminal, a line every tenth
/// of the way into a file or a pipe), the audit entries copied, and at the end the counts of both sides, kind by kind.
/// </summary>
internal sealed class MoveDisplay(TextWriter output) : IProgress<ImportProgress>
{
    private const int BarWidth = 24;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _redraw = !Console.IsOutputRedirected;
    private readonly Lock _gate = new();
    private long _rowsWanted;
    private int _lastTenth = -1;
    private TimeSpan _lastDrawn = TimeSpan.MinValue;

    public void Describe(MoveEnd from, MoveEnd to) =>
        output.WriteLine($"Moving the network from {from.Provider} to {to.Provider}.");

    public void StartNetwork(NetworkCounts source, bool merging)
    {
        _rowsWanted = source.Families + source.Clients + source.Involvements + source.Visits;
        output.WriteLine(merging
            ? "The target holds an earlier copy: rows already there are brought up to date, new ones added."
            : "The target is empty: loading the whole network.");
    }

    public void Report(ImportProgress value)
    {
        lock (_gate)
        {
            var rows = value.Families + value.Clients + value.Involvements + value.Visits;
            var share = _rowsWanted == 0 ? 1 : Math.Min(1, rows / (double)_rowsWanted);
            var tenth = (int)(share * 10);
            var elapsed = _clock.Elapsed;
            var due = _redraw ? elapsed - _lastDrawn >= TimeSpan.FromMilliseconds(200) : tenth > _lastTenth;
            // Into a file or a pipe, Done would repeat the last line; on a terminal it ends the redrawn one.
            if ((value.Stage == ImportStage.Loading && !due) || (value.Stage == ImportStage.Done && !_redraw))
            {
                return;
            }
            var filled = (int)Math.Round(share * BarWidth);
            var line = $"Network [{new string('#', filled)}{new string('.', BarWidth - filled)}] {share,4:P0}  " +
                $"{value.Families:N0} families, {value.Clients:N0} clients, {value.Involvements:N0} involvements, " +
                $"{value.Visits:N0} visits  {Clock(elapsed)}" + (value.Stage == ImportStage.Indexing ? "  indexing …" : "");
            Write(line, final: value.Stage == ImportStage.Done);
            (_lastTenth, _lastDrawn) = (tenth, elapsed);
        }
    }

    public void StartAudit(long held, long total) =>
        output.WriteLine(held == 0
            ? $"Audit trail: copying {total:N0} entries."
            : $"Audit trail: the target holds the first {held:N0} of the source's {total:N0} entries; copying the rest.");

    public void AuditCopied(long copied, bool final = false)
    {
        lock (_gate)
        {
            var elapsed = _clock.Elapsed;
            if (final || elapsed - _lastDrawn >= (_redraw ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5)))
            {
                Write($"Audit trail: {copied:N0} entries copied  {Clock(elapsed)}", final);
                _lastDrawn = elapsed;
            }
        }
    }

    /// <summary>Prints both sides' counts and whether each kind agrees; true when all do.</summary>
    public bool Compare(NetworkCounts source, NetworkCounts target)
    {
        output.WriteLine($"{"",-21}{"source",12}{"target",12}");
        var agree = true;
        foreach (var (ours, theirs) in NetworkMove.Kinds(source).Zip(NetworkMove.Kinds(target)))
        {
            var same = ours.Count == theirs.Count;
            agree &= same;
            output.WriteLine($"{ours.Kind,-21}{ours.Count,12:N0}{theirs.Count,12:N0}  {(same ? "ok" : "DIFFERENT")}");
        }
        output.WriteLine(agree
            ? $"Moved in {Clock(_clock.Elapsed)}: every count agrees."
            : "The counts differ. Was the source still in use? Stop it and run the move again.");
        return agree;
    }

    private void Write(string line, bool final)
    {
        if (_redraw)
        {
            output.Write($"\r{line}\u001b[K{(final ? Environment.NewLine : "")}");
        }
        else
        {
            output.WriteLine(line);
        }
    }

    private static string Clock(TimeSpan time) => time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
