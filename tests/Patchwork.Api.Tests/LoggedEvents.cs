using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Patchwork.Api.Tests;

/// <summary>What a test host logs, each event's message as rendered, for a test of what the log says. Register it as an <see cref="ILogEventSink"/> of the host.</summary>
public sealed class LoggedEvents : ILogEventSink
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public void Emit(LogEvent logEvent) => _messages.Enqueue(logEvent.RenderMessage(CultureInfo.InvariantCulture));
}
