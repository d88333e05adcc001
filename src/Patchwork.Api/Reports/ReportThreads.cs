using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Patchwork.Api.Reports;

/// <summary>
/// Where reports are computed: on a few threads of their own at the lowest OS priority. A report walking the whole
/// county is seconds of CPU in one synchronous store call; on the thread pool it holds a thread a practitioner's
/// request is queued behind, and at normal priority it takes its full share of the cores. Here it takes only the CPU
/// the doorstep leaves, and the thread pool is left to requests. The work's continuations come back to these threads,
/// since awaiting inside a task captures the scheduler it runs on.
/// </summary>
public sealed class ReportThreads : TaskScheduler, IDisposable
{
    // The nice value of a report thread: 19 is the lowest priority Linux gives, weighted 15 against a request's 1,024.
    private const int Nice = 19;

    [ThreadStatic]
    private static bool _isReportThread;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public ReportThreads(int count)
    {
        _threads = [.. Enumerable.Range(1, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"report {i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>
    /// Runs a report on these threads and answers when it is done, back on the thread pool: the request goes on at
    /// its own priority, and the report thread is free for the next report.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> report, CancellationToken cancellationToken) =>
        await Task.Factory.StartNew(report, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap()
            .ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
        _queue.Dispose();
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _isReportThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        _isReportThread = true;
        LowerPriority();
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    // On Linux a nice value belongs to a thread, so this lowers only the calling one; elsewhere .NET's own priority.
    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetPriority(0, 0, Nice); // PRIO_PROCESS with who 0: the calling thread
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);
}
