using Microsoft.Extensions.Options;
using Patchwork.Api.Reports;

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
        var viewed = await app.Store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, AuditAction.ViewReport), default);
        Assert.Single(viewed);
    }

    [Fact]
    public async Task A_second_report_by_the_same_user_while_one_runs_is_refused_and_another_user_waits_for_a_free_slot()
    {
        using var gate = new ReportGate(Options.Create(new ReportOptions { MaxConcurrent = 1 }));
        var first = new TaskCompletionSource<int>();

        var running = gate.RunAsync("analyst-a", () => first.Task, default);
        var same = await Assert.ThrowsAsync<PatchworkException>(() => gate.RunAsync("analyst-a", () => Task.FromResult(2), default));
        var other = gate.RunAsync("analyst-b", () => Task.FromResult(3), default);
        await Task.Delay(100);

        Assert.Equal(ErrorCode.RateLimited, same.Code);
        Assert.False(other.IsCompleted, "The second user's report waits while the only slot is taken.");
        first.SetResult(1);
        Assert.Equal((1, 3), (await running, await other));
        // Free again: the first user may run another.
        Assert.Equal(4, await gate.RunAsync("analyst-a", () => Task.FromResult(4), default));
    }
}
