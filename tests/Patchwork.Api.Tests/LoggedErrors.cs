using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Patchwork.Api.Tests;

/// <summary>
/// The errors a test host logs, held back from the run's output, where a failure provoked on purpose would read as a
/// real one, and kept for the test to count. Register it as an <see cref="ILogEventFilter"/> of the host.
/// </summary>
public sealed class LoggedErrors : ILogEventFilter
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>The logged errors that carry an exception of this type, each with its stack trace.</summary>
    public IReadOnlyList<LogEvent> With<TException>() where TException : Exception =>
        [.. _events.Where(e => e.Exception is TException)];

    public bool IsEnabled(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Error)
        {
            return true;
        }
        _events.Enqueue(logEvent);
        return false;
    }
}
