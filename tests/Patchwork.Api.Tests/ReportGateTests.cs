using Microsoft.Extensions.Options;
using Patchwork.Api.Reports;
using Patchwork.Auditing;

namespace Patchwork.Api.Tests;

/// <summary>Analysts cannot crowd practitioners out: one report per request, one at a time per user, a few at once in all.</summary>
public sealed class ReportGateTests
{
    [Fact]
    public async Task Aliased_reports_in_one_request_run_only_the_first()
    {
        using var app = new PatchworkApp();
        var analyst = await app.TokenForAsync(Demo.EmailFor(app, "analyst"));

        var answer = await app.GraphQLAsync(analyst, """
            { a: caseloads { agency { id } } b: caseloads(area: "Eastmere North") { agency { id } } c: networkDensity { areas { area } } }
            """);

        Assert.True(answer.Errors.Any(e => e!["message"]!.GetValue<string>().StartsWith("One report per request", StringComparison.Ordinal)), answer.Body.ToJsonString());
        var viewed = await app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, AuditAction.ViewReport), default);
        Assert.Single(viewed);
    }

    [Fact]
    public async Task A_users_reports_run_one_after_another_and_others_wait_for_a_free_slot()
    {
        using var gate = new ReportGate(Options.Create(new ReportOptions { MaxConcurrent = 2 }));
        var first = new TaskCompletionSource<int>();
        var third = new TaskCompletionSource<int>();

        var running = gate.RunAsync("analyst-a", () => first.Task, default);
        var queued = gate.RunAsync("analyst-a", () => Task.FromResult(2), default);
        var other = gate.RunAsync("analyst-b", () => third.Task, default);
        var waiting = gate.RunAsync("analyst-c", () => Task.FromResult(4), default);
        await Task.Delay(100);

        // Analyst A's second report waits for her first; analyst C waits for one of the two slots A and B hold.
        Assert.False(queued.IsCompleted, "A user's second report waits for her first.");
        Assert.False(waiting.IsCompleted, "A third user's report waits while both slots are taken.");
        first.SetResult(1);
        Assert.Equal((1, 2), (await running, await queued));
        third.SetResult(3);
        Assert.Equal((3, 4), (await other, await waiting));
    }

    [Fact]
    public async Task A_report_runs_off_the_thread_pool_at_the_lowest_priority_before_and_after_it_awaits()
    {
        using var gate = new ReportGate(Options.Create(new ReportOptions()));

        var (before, after) = await gate.RunAsync("analyst-a", async () =>
        {
            var first = WhereAmI();
            await Task.Yield(); // a report awaits its store; the rest of it must come back to the report threads
            return (first, WhereAmI());
        }, default);

        var expected = (PoolThread: false, Nice: OperatingSystem.IsLinux() ? 19 : 0);
        Assert.Equal(expected, before);
        Assert.Equal(expected, after);
        Assert.Equal(0, NiceOfThisThread()); // only the report threads are lowered, never the requests' threads
    }

    // The calling thread's nice value, field 19 of its /proc stat line (0 where there is no /proc).
    private static int NiceOfThisThread() =>
        File.Exists("/proc/thread-self/stat")
            ? int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16],
                System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private static (bool PoolThread, int Nice) WhereAmI() => (Thread.CurrentThread.IsThreadPoolThread, NiceOfThisThread());
}
