using Microsoft.Extensions.Options;

namespace Patchwork.Api.Reports;

/// <summary>
/// Reports walk the whole network, and a practitioner's doorstep query must not wait behind them. So each user
/// computes one report at a time (a second at once is refused as RATE_LIMITED), and at most
/// <see cref="ReportOptions.MaxConcurrent"/> reports run at once across every user; the rest wait their turn.
/// GraphQL and the CSV downloads pass through the same gate.
/// </summary>
public sealed class ReportGate(IOptions<ReportOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _running = new(options.Value.MaxConcurrent);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string subject, Func<Task<T>> report, CancellationToken cancellationToken)
    {
        lock (_busy)
        {
            if (!_busy.Add(subject))
            {
                throw PatchworkException.RateLimited("One report at a time: wait for your other report to finish, then ask again.");
            }
        }
        try
        {
            await _running.WaitAsync(cancellationToken);
            try
            {
                return await report();
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            lock (_busy)
            {
                _busy.Remove(subject);
            }
        }
    }

    public void Dispose() => _running.Dispose();
}
