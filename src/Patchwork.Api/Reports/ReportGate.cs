using Microsoft.Extensions.Options;

namespace Patchwork.Api.Reports;

/// <summary>
/// Reports walk the whole network, and a practitioner's doorstep query must not wait behind them. So each user's
/// reports run one after another (a burst from one analyst queues behind itself), and at most
/// <see cref="ReportOptions.MaxConcurrent"/> reports run at once across every user; the rest wait their turn, within
/// the request's time limit. Those that run are computed on <see cref="ReportThreads"/>, at the lowest priority.
/// GraphQL and the CSV downloads pass through the same gate.
/// </summary>
public sealed class ReportGate(IOptions<ReportOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _running = new(options.Value.MaxConcurrent);
    private readonly ReportThreads _threads = new(options.Value.MaxConcurrent);
    private readonly Dictionary<string, SemaphoreSlim> _perUser = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string subject, Func<Task<T>> report, CancellationToken cancellationToken)
    {
        var mine = TurnOf(subject);
        await mine.WaitAsync(cancellationToken);
        try
        {
            await _running.WaitAsync(cancellationToken);
            try
            {
                return await _threads.RunAsync(report, cancellationToken);
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            mine.Release();
        }
    }

    public void Dispose()
    {
        _running.Dispose();
        _threads.Dispose();
        lock (_perUser)
        {
            foreach (var turn in _perUser.Values)
            {
                turn.Dispose();
            }
        }
    }

    // Only analysts and commissioners reach a report, so there is one of these per such user, not per caller.
    private SemaphoreSlim TurnOf(string subject)
    {
        lock (_perUser)
        {
            if (!_perUser.TryGetValue(subject, out var turn))
            {
                _perUser[subject] = turn = new SemaphoreSlim(1);
            }
            return turn;
        }
    }
}
