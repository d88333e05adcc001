using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Planning, recording and cancelling visits.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task Scheduling_a_visit_plans_it_and_makes_it_the_next_visit()
    {
        var store = await NetworkAsync();

        var visit = await Changes(store).ScheduleVisitAsync(new NewVisit(Alice, Days(1), VisitMode.Video), ActorFor(Sam), Ct);

        Assert.Equal(new Visit(visit.Id, Alice, Sam, VisitMode.Video, VisitStatus.Planned, Days(1), null, false), visit);
        Assert.Equal(visit, await store.GetVisitAsync(visit.Id, Ct));
        var sam = (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Single(m => m.Practitioner.Id == Sam);
        Assert.Equal(Days(1), sam.NextVisitAt);
        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal((AuditAction.ScheduleVisit, Alice, Sam), (entry.Action, entry.ClientId, entry.PractitionerId));
    }

    [ContractFact]
    public async Task A_visit_planned_by_a_restricted_involvement_is_restricted()
    {
        var store = await NetworkAsync();

        var visit = await Changes(store).ScheduleVisitAsync(new NewVisit(Zoe, Days(4), VisitMode.Office), ActorFor(Rita), Ct);

        Assert.True(visit.Restricted);
        Assert.True((await store.GetVisitAsync(visit.Id, Ct))!.Restricted);
    }

    [ContractFact]
    public async Task Scheduling_a_visit_outside_the_team_is_forbidden_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Forbidden,
            () => Changes(store).ScheduleVisitAsync(new NewVisit(Alice, Days(1), VisitMode.HomeVisit), ActorFor(Oscar), Ct));
        // A family member's team is not enough to book visits with the client.
        await AssertRejectedAsync(store, ErrorCode.Forbidden,
            () => Changes(store).ScheduleVisitAsync(new NewVisit(Ben, Days(1), VisitMode.HomeVisit), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Scheduling_a_visit_with_an_unknown_client_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).ScheduleVisitAsync(new NewVisit("cl-missing", Days(1), VisitMode.HomeVisit), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Scheduling_a_visit_in_the_past_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).ScheduleVisitAsync(new NewVisit(Alice, Days(-1), VisitMode.HomeVisit), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Recording_an_unplanned_contact_adds_a_completed_visit_and_becomes_the_last_contact()
    {
        var store = await NetworkAsync();

        var visit = await Changes(store).RecordContactAsync(new NewContact(Alice, Now.AddHours(-2), VisitMode.Phone, null), ActorFor(Nina), Ct);

        Assert.Equal(new Visit(visit.Id, Alice, Nina, VisitMode.Phone, VisitStatus.Completed, null, Now.AddHours(-2), false), visit);
        Assert.Equal(visit.Id, (await store.GetRecentContactsAsync([Alice], 1, Ct))[Alice].Single().Id);
        var nina = (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Single(m => m.Practitioner.Id == Nina);
        Assert.Equal(Now.AddHours(-2), nina.LastContactAt);
        Assert.Equal(AuditAction.RecordContact, Assert.Single(await AuditTrailAsync(store)).Action);
    }

    [ContractFact]
    public async Task Recording_a_planned_visit_completes_it()
    {
        var store = await NetworkAsync();
        Time.Now = Days(5).AddHours(2);

        var visit = await Changes(store).RecordContactAsync(new NewContact(Alice, Days(5).AddHours(1), VisitMode.Office, SamAliceNext), ActorFor(Sam), Ct);

        Assert.Equal(
            VisitRecord(SamAliceNext) with { Status = VisitStatus.Completed, CompletedAt = Days(5).AddHours(1), Mode = VisitMode.Office },
            visit);
        var sam = (await store.GetClientTeamsAsync([Alice], Ct))[Alice].Single(m => m.Practitioner.Id == Sam);
        Assert.Equal((Days(5).AddHours(1), Days(40)), (sam.LastContactAt, sam.NextVisitAt));
    }

    [ContractFact]
    public async Task Recording_a_contact_outside_the_team_is_forbidden_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Forbidden,
            () => Changes(store).RecordContactAsync(new NewContact(Alice, Now, VisitMode.Phone, null), ActorFor(Oscar), Ct));
    }

    [ContractFact]
    public async Task Recording_an_unknown_visit_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).RecordContactAsync(new NewContact(Alice, Now, VisitMode.Phone, "vi-missing"), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Recording_a_visit_with_another_client_is_bad_input_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).RecordContactAsync(new NewContact(Alice, Now, VisitMode.Phone, SamZoeNext), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Recording_someone_else_s_visit_is_forbidden_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Forbidden,
            () => Changes(store).RecordContactAsync(new NewContact(Alice, Now, VisitMode.Phone, NinaAliceNext), ActorFor(Sam), Ct));
    }

    [ContractTheory]
    [InlineData(SamAliceCancelled)]
    [InlineData(SamAliceVisited)]
    public async Task Recording_a_visit_that_is_no_longer_planned_is_a_conflict_and_changes_nothing(string visitId)
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).RecordContactAsync(new NewContact(Alice, Now, VisitMode.Phone, visitId), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Recording_a_contact_in_the_future_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).RecordContactAsync(new NewContact(Alice, Now.AddHours(1), VisitMode.Phone, null), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Cancelling_a_visit_takes_it_out_of_the_upcoming_visits()
    {
        var store = await NetworkAsync();

        var visit = await Changes(store).CancelVisitAsync(NinaAliceNext, ActorFor(Nina), Ct);

        Assert.Equal(VisitRecord(NinaAliceNext) with { Status = VisitStatus.Cancelled }, visit);
        Assert.Equal([SamAliceNext, SamAliceLater], (await store.GetUpcomingVisitsAsync([Alice], 10, Ct))[Alice].Select(v => v.Id));
        Assert.Null((await store.GetClientTeamsAsync([Alice], Ct))[Alice].Single(m => m.Practitioner.Id == Nina).NextVisitAt);
        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal((AuditAction.CancelVisit, Alice), (entry.Action, entry.ClientId));
    }

    [ContractFact]
    public async Task Cancelling_an_unknown_visit_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound, () => Changes(store).CancelVisitAsync("vi-missing", ActorFor(Nina), Ct));
    }

    [ContractFact]
    public async Task Cancelling_someone_else_s_visit_is_forbidden_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Forbidden, () => Changes(store).CancelVisitAsync(NinaAliceNext, ActorFor(Sam), Ct));
    }

    [ContractTheory]
    [InlineData(SamAliceVisited)]
    [InlineData(SamAliceCancelled)]
    public async Task Cancelling_a_visit_that_is_no_longer_planned_is_a_conflict_and_changes_nothing(string visitId)
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict, () => Changes(store).CancelVisitAsync(visitId, ActorFor(Sam), Ct));
    }
}
