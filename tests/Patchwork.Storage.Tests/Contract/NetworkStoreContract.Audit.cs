using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// The audit trail.
public abstract partial class NetworkStoreContract<TStore>
{
    private static AuditEntry Entry(double days, string practitionerId, AuditAction action, string? clientId, string? familyId = null) =>
        new(Days(days), NetworkBuilder.SubjectOf(practitionerId), practitionerId, action, clientId, familyId,
            Reason: action == AuditAction.Denied ? "not in the team" : null, Detail: $"{action} at {days}", RequestId: $"req-{days}");

    private static readonly AuditEntry[] Trail =
    [
        Entry(-5, Sam, AuditAction.ViewClient, Alice),
        Entry(-4, Oscar, AuditAction.Denied, Alice),
        Entry(-3, Sam, AuditAction.ViewFamily, null, Smiths),
        Entry(-2, Nina, AuditAction.ViewClient, Ben),
        Entry(-1, Sam, AuditAction.Search, null),
    ];

    [ContractFact]
    public async Task Appended_entries_come_back_whole_newest_first()
    {
        var store = await NetworkAsync();

        await store.AppendAuditAsync(Trail, Ct);

        Assert.Equal(Trail.Reverse(), await AuditTrailAsync(store));
    }

    [ContractFact]
    public async Task Every_kind_of_entry_is_kept_and_found_by_its_action()
    {
        var store = await NetworkAsync();
        var kinds = Enum.GetValues<AuditAction>();
        await store.AppendAuditAsync([.. kinds.Select((action, i) => Entry(-i - 1, Sam, action, Alice))], Ct);

        foreach (var action in kinds)
        {
            var found = await store.GetAuditTrailAsync(new AuditQuery(Alice, null, null, null, 10, action), Ct);
            Assert.Equal(action, Assert.Single(found).Action);
        }
    }

    [ContractFact]
    public async Task Entries_made_in_the_same_millisecond_come_back_last_made_first()
    {
        // A break glass's status is its latest review, however close together two reviews were made.
        var store = await NetworkAsync();
        var at = Days(-1);
        AuditEntry Review(string status) => new(at, "admin", null, AuditAction.ReviewBreakGlass, Alice, null, "Reviewed in a sentence.",
            $"{status}: break glass req-1", $"review-{status}");

        await store.AppendAuditAsync([Review("Reviewed")], Ct);
        await store.AppendAuditAsync([Review("Closed")], Ct);

        var reviews = await store.GetAuditTrailAsync(new AuditQuery(Alice, null, null, null, 10, AuditAction.ReviewBreakGlass), Ct);
        Assert.Equal(["review-Closed", "review-Reviewed"], reviews.Select(e => e.RequestId));
    }

    [ContractFact]
    public async Task The_audit_trail_can_be_filtered_by_client_practitioner_and_time()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync(Trail, Ct);

        var aboutAlice = await store.GetAuditTrailAsync(new AuditQuery(Alice, null, null, null, 100), Ct);
        var bySam = await store.GetAuditTrailAsync(new AuditQuery(null, Sam, null, null, 100), Ct);
        var samOnAlice = await store.GetAuditTrailAsync(new AuditQuery(Alice, Sam, null, null, 100), Ct);
        var window = await store.GetAuditTrailAsync(new AuditQuery(null, null, Days(-4), Days(-2), 100), Ct);
        var samInWindow = await store.GetAuditTrailAsync(new AuditQuery(null, Sam, Days(-4), null, 100), Ct);

        Assert.Equal(["req--4", "req--5"], aboutAlice.Select(e => e.RequestId));
        Assert.Equal(["req--1", "req--3", "req--5"], bySam.Select(e => e.RequestId));
        Assert.Equal(["req--5"], samOnAlice.Select(e => e.RequestId));
        // From is inclusive and To exclusive.
        Assert.Equal(["req--3", "req--4"], window.Select(e => e.RequestId));
        Assert.Equal(["req--1", "req--3"], samInWindow.Select(e => e.RequestId));
    }

    [ContractFact]
    public async Task The_audit_trail_can_be_filtered_by_action_alone_or_with_the_other_filters()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync(Trail, Ct);

        var views = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100, Action: AuditAction.ViewClient), Ct);
        var samsViews = await store.GetAuditTrailAsync(new AuditQuery(null, Sam, null, null, 100, Action: AuditAction.ViewClient), Ct);
        var aliceDenied = await store.GetAuditTrailAsync(new AuditQuery(Alice, null, null, null, 100, Action: AuditAction.Denied), Ct);
        var recentViews = await store.GetAuditTrailAsync(new AuditQuery(null, null, Days(-3), null, 100, Action: AuditAction.ViewClient), Ct);
        var joins = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100, Action: AuditAction.JoinTeam), Ct);

        Assert.Equal(["req--2", "req--5"], views.Select(e => e.RequestId));
        Assert.Equal(["req--5"], samsViews.Select(e => e.RequestId));
        Assert.Equal(["req--4"], aliceDenied.Select(e => e.RequestId));
        Assert.Equal(["req--2"], recentViews.Select(e => e.RequestId));
        Assert.Empty(joins);
    }

    [ContractFact]
    public async Task The_audit_trail_of_a_family_is_about_the_family_and_its_members_and_no_one_else()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync(
            [
                .. Trail,
                Entry(-4.5, Yara, AuditAction.ViewClient, Dana),
                Entry(-3.5, Sam, AuditAction.ViewFamily, null, "fa-other"),
                Entry(-2.5, Oscar, AuditAction.Denied, Eve),
                Entry(-1.5, Sam, AuditAction.AddFamilyMember, Daniel, "fa-other"),
            ], Ct);

        var smiths = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100, FamilyId: Smiths), Ct);
        var other = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100, FamilyId: "fa-other"), Ct);

        // The family itself (−3), Alice (−4, −5) and Ben (−2); not the search, nor Dana, Eve or the other family.
        Assert.Equal(["req--2", "req--3", "req--4", "req--5"], smiths.Select(e => e.RequestId));
        Assert.Equal(["req--1.5", "req--3.5"], other.Select(e => e.RequestId));
        Assert.Equal(Trail[3], smiths[0]);
    }

    [ContractFact]
    public async Task The_audit_trail_of_a_family_combines_with_every_other_filter()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync([.. Trail, Entry(-2.5, Oscar, AuditAction.Denied, Eve)], Ct);

        async Task<IEnumerable<string>> AboutSmithsAsync(string? client = null, string? practitioner = null,
            DateTimeOffset? from = null, DateTimeOffset? to = null, int first = 100, AuditAction? action = null) =>
            (await store.GetAuditTrailAsync(new AuditQuery(client, practitioner, from, to, first, action, Smiths), Ct))
                .Select(e => e.RequestId);

        Assert.Equal(["req--3", "req--5"], await AboutSmithsAsync(practitioner: Sam));
        Assert.Equal(["req--4"], await AboutSmithsAsync(action: AuditAction.Denied));
        Assert.Equal(["req--2"], await AboutSmithsAsync(client: Ben));
        Assert.Empty(await AboutSmithsAsync(client: Eve));
        Assert.Equal(["req--3", "req--4"], await AboutSmithsAsync(from: Days(-4), to: Days(-2)));
        Assert.Equal(["req--2"], await AboutSmithsAsync(first: 1));
        Assert.Equal(["req--5"], await AboutSmithsAsync(practitioner: Sam, action: AuditAction.ViewClient, to: Days(-3)));
    }

    [ContractFact]
    public async Task The_audit_trail_of_a_family_follows_its_current_members()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync([.. Trail, Entry(-2.5, Oscar, AuditAction.Denied, Eve)], Ct);

        await Changes(store).AddFamilyMemberAsync(Smiths, Eve, "grandmother", ActorFor(Sam), Ct);

        // Eve is a member now, so what was written about her before she joined is about the family too.
        var smiths = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100, FamilyId: Smiths), Ct);
        Assert.Equal(["req-" + Sam, "req--2", "req--2.5", "req--3", "req--4", "req--5"], smiths.Select(e => e.RequestId));
    }

    [ContractTheory]
    [InlineData(2, 2)]
    [InlineData(0, 1)]
    [InlineData(10_000, 5)]
    public async Task The_audit_trail_returns_at_most_first_newest_entries(int first, int expected)
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync(Trail, Ct);

        var entries = await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, first), Ct);

        Assert.Equal(Trail.Reverse().Take(expected), entries);
    }

    [ContractFact]
    public async Task The_audit_trail_never_returns_more_than_500()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync([.. Enumerable.Range(0, 520).Select(i => Entry(-i / 1000.0, Sam, AuditAction.Search, null))], Ct);

        Assert.Equal(500, (await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 1_000), Ct)).Count);
    }

    [ContractFact]
    public async Task Entries_appended_together_are_all_kept()
    {
        var store = await NetworkAsync();

        await store.AppendAuditAsync(Trail[..2], Ct);
        await store.AppendAuditAsync(Trail[2..], Ct);
        await store.AppendAuditAsync([], Ct);

        Assert.Equal(5, (await AuditTrailAsync(store)).Count);
    }

    [ContractFact]
    public async Task Every_write_audits_who_made_it_when_and_on_which_request()
    {
        var store = await NetworkAsync();

        await Changes(store).JoinTeamAsync(Eve, "Referral", false, ActorFor(Oscar), Ct);
        Time.Now = Now.AddMinutes(1);
        await Changes(store).ScheduleVisitAsync(new NewVisit(Eve, Days(1), VisitMode.HomeVisit), ActorFor(Oscar), Ct);

        var entries = await AuditTrailAsync(store);

        Assert.Equal([(AuditAction.ScheduleVisit, Now.AddMinutes(1)), (AuditAction.JoinTeam, Now)], entries.Select(e => (e.Action, e.At)));
        Assert.All(entries, e => Assert.Equal((NetworkBuilder.SubjectOf(Oscar), Oscar, Eve, "req-" + Oscar),
            (e.Subject, e.PractitionerId, e.ClientId, e.RequestId)));
    }
}
