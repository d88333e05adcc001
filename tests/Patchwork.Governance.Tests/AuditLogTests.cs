using Patchwork.Api.Governance;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using static Patchwork.Governance.Tests.People;

namespace Patchwork.Governance.Tests;

/// <summary>One request's reads and refusals: each on the trail once, written in one append before the answer leaves.</summary>
public sealed class AuditLogTests
{
    private readonly Trail _trail = new();
    private readonly AuditLog _log;
    private readonly Viewer _viewer = PractitionerViewer("p1");

    public AuditLogTests() => _log = new AuditLog(_trail, new FixedTime(Monday));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<IReadOnlyCollection<AuditEntry>> FlushedAsync()
    {
        await _log.FlushAsync(default);
        return Assert.Single(_trail.Appends);
    }

    [Fact]
    public async Task An_entry_says_who_when_what_about_whom_why_and_on_which_request()
    {
        _log.Record(_viewer, AuditAction.Search, "c1", "f1", "reason", "detail");

        Assert.Equal([new AuditEntry(Monday, "sub-p1", "p1", AuditAction.Search, "c1", "f1", "reason", "detail", "req-p1")], await FlushedAsync());
    }

    [Fact]
    public async Task A_team_shown_twice_in_one_answer_is_one_view_and_views_of_other_teams_are_not()
    {
        _log.Record(_viewer, AuditAction.ViewClient, "c1");
        _log.Record(_viewer, AuditAction.ViewClient, "c1");
        _log.Record(_viewer, AuditAction.ViewClient, "c2");
        _log.Record(_viewer, AuditAction.ViewClient, "c1", "f1");
        _log.Record(_viewer, AuditAction.ViewFamily, familyId: "f1");
        _log.Record(_viewer, AuditAction.ViewFamily, familyId: "f1");
        _log.Record(_viewer, AuditAction.ViewFamily, "c1");

        Assert.Equal([(AuditAction.ViewClient, "c1", null), (AuditAction.ViewClient, "c2", null), (AuditAction.ViewClient, "c1", "f1"),
            (AuditAction.ViewFamily, null, "f1"), (AuditAction.ViewFamily, "c1", null)],
            (await FlushedAsync()).Select(e => (e.Action, e.ClientId, e.FamilyId)));
    }

    [Fact]
    public async Task Other_reads_are_each_on_the_trail()
    {
        _log.Record(_viewer, AuditAction.Search, detail: "same");
        _log.Record(_viewer, AuditAction.Search, detail: "same");
        _log.Record(_viewer, AuditAction.BreakGlass, "c1");
        _log.Record(_viewer, AuditAction.BreakGlass, "c1");

        Assert.Equal(4, (await FlushedAsync()).Count);
    }

    [Fact]
    public async Task A_refusal_recorded_where_it_was_decided_is_not_recorded_again_by_the_catch_all()
    {
        _log.Record(_viewer, AuditAction.Denied, "c1", detail: "joinTeam: shielded");
        _log.Record(_viewer, AuditAction.Denied, detail: "joinTeam: shielded");
        _log.Record(_viewer, AuditAction.Denied, detail: "client: not found");
        _log.Record(_viewer, AuditAction.Denied, "c2");
        _log.Record(_viewer, AuditAction.Denied, "c2");

        Assert.Equal([("c1", "joinTeam: shielded"), (null, "client: not found"), ("c2", null), ("c2", null)],
            (await FlushedAsync()).Select(e => (e.ClientId, e.Detail)));
    }

    [Fact]
    public async Task A_flush_writes_what_is_pending_once_and_nothing_when_nothing_is()
    {
        await _log.FlushAsync(default);
        Assert.Empty(_trail.Appends);

        _log.Record(_viewer, AuditAction.Search);
        await _log.FlushAsync(default);
        await _log.FlushAsync(default);
        _log.Record(_viewer, AuditAction.ViewFamily, familyId: "f1");
        await _log.FlushAsync(default);

        Assert.Equal([[AuditAction.Search], [AuditAction.ViewFamily]], _trail.Appends.Select(a => a.Select(e => e.Action).ToArray()));
    }

    [Fact]
    public async Task A_viewer_with_no_practitioner_is_recorded_by_subject_alone()
    {
        _log.Record(WithRoles(Role.Analyst), AuditAction.ViewReport, detail: "density");

        var entry = Assert.Single(await FlushedAsync());
        Assert.Equal(("sub-other", null, "req-other"), (entry.Subject, entry.PractitionerId, entry.RequestId));
    }
}
