using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// How a team is told who has joined and who has left.
public abstract partial class NetworkStoreContract<TStore>
{
    private const string Referred = "Referred by the duty team";

    [ContractFact]
    public async Task Team_changes_are_the_joins_and_leaves_since_a_moment_newest_first()
    {
        var store = await NetworkAsync();

        var changes = await store.GetTeamChangesAsync([Zoe, Ben, Eve, Daniel], Days(-130), Ct);

        Assert.Equal(
            [
                ChangeLine(TeamChangeKind.Joined, Rita, Days(-50), Referred, restricted: true),
                ChangeLine(TeamChangeKind.Joined, Sam, Days(-100), Referred),
                ChangeLine(TeamChangeKind.Joined, Tom, Days(-120), Referred),
            ],
            changes[Zoe].Select(ChangeLine));
        // Tom joined Ben's team and Rita left it before the moment asked about.
        Assert.Equal([ChangeLine(TeamChangeKind.Joined, Nina, Days(-80), Referred, restricted: true)], changes[Ben].Select(ChangeLine));
        // Fred joined long ago; only his leaving is a change since then.
        Assert.Equal([ChangeLine(TeamChangeKind.Left, Fred, Days(-30), "Case closed")], changes[Eve].Select(ChangeLine));
        Assert.Empty(changes[Daniel]);
    }

    [ContractFact]
    public async Task Team_changes_include_those_at_exactly_the_moment_asked_about()
    {
        var store = await NetworkAsync();

        var from = await store.GetTeamChangesAsync([Ben], Days(-200), Ct);
        var after = await store.GetTeamChangesAsync([Ben], Days(-200).AddMilliseconds(1), Ct);

        Assert.Equal(
            [
                ChangeLine(TeamChangeKind.Joined, Nina, Days(-80), Referred, restricted: true),
                ChangeLine(TeamChangeKind.Joined, Tom, Days(-150), Referred),
                ChangeLine(TeamChangeKind.Left, Rita, Days(-200), "Discharged", restricted: true),
            ],
            from[Ben].Select(ChangeLine));
        Assert.Equal(2, after[Ben].Count);
    }

    [ContractFact]
    public async Task A_team_change_carries_the_client_practitioner_and_agency_in_full()
    {
        var store = await NetworkAsync();

        var change = Assert.Single((await store.GetTeamChangesAsync([Eve], Days(-100), Ct))[Eve]);

        Assert.Equal(
            new TeamChange(Eve, PractitionerRecord(Fred), AgencyRecord(Council), TeamChangeKind.Left, Days(-30), "Case closed", false),
            change);
    }

    [ContractFact]
    public async Task Joining_and_leaving_show_as_team_changes_with_the_reasons_given()
    {
        var store = await NetworkAsync();
        await Changes(store).JoinTeamAsync(Eve, "Falls prevention visit", false, ActorFor(Oscar), Ct);
        Time.Now = Now.AddHours(1);
        await Changes(store).LeaveTeamAsync(Eve, "Referred on to the falls clinic", ActorFor(Oscar), Ct);
        Time.Now = Now.AddHours(2);
        await Changes(store).JoinTeamAsync(Eve, "Fell again", true, ActorFor(Oscar), Ct);

        var changes = await store.GetTeamChangesAsync([Eve], Now, Ct);

        // The restricted flag is the involvement's: the first was ordinary, the second restricted.
        Assert.Equal(
            [
                ChangeLine(TeamChangeKind.Joined, Oscar, Now.AddHours(2), "Fell again", restricted: true),
                ChangeLine(TeamChangeKind.Left, Oscar, Now.AddHours(1), "Referred on to the falls clinic"),
                ChangeLine(TeamChangeKind.Joined, Oscar, Now, "Falls prevention visit"),
            ],
            changes[Eve].Select(ChangeLine));
    }

    [ContractFact]
    public async Task A_leave_at_the_same_moment_as_a_join_is_listed_first()
    {
        var store = await NetworkAsync();
        await Changes(store).JoinTeamAsync(Daniel, "Duty visit", false, ActorFor(Oscar), Ct);
        await Changes(store).LeaveTeamAsync(Daniel, "Nothing further", ActorFor(Oscar), Ct);

        var changes = await store.GetTeamChangesAsync([Daniel], Now, Ct);

        Assert.Equal(
            [
                ChangeLine(TeamChangeKind.Left, Oscar, Now, "Nothing further"),
                ChangeLine(TeamChangeKind.Joined, Oscar, Now, "Duty visit"),
            ],
            changes[Daniel].Select(ChangeLine));
    }

    [ContractFact]
    public async Task A_restricted_service_leaving_is_a_restricted_change_in_every_team_it_was_in()
    {
        var store = await NetworkAsync();
        await Changes(store).JoinTeamAsync(Daniel, "Clinic referral", false, ActorFor(Rita), Ct);
        Time.Now = Days(1);

        await Changes(store).RecordPractitionerLeftAsync(Rita, Admin, Ct);

        var changes = await store.GetTeamChangesAsync([Zoe, Daniel], Days(1), Ct);
        var left = ChangeLine(TeamChangeKind.Left, Rita, Days(1), "Left Sexual Health Norfolk", restricted: true);
        Assert.Equal([left], changes[Zoe].Select(ChangeLine));
        Assert.Equal([left], changes[Daniel].Select(ChangeLine));
        Assert.Equal(VisitStatus.Cancelled, (await store.GetVisitAsync(RitaZoeNext, Ct))!.Status);
    }

    [ContractFact]
    public async Task Clients_whose_teams_have_not_changed_and_unknown_clients_have_no_team_changes()
    {
        var store = await NetworkAsync();

        var changes = await store.GetTeamChangesAsync([Alice, Dana, Daniel, "cl-missing"], Days(-10), Ct);

        // Every client asked for is in the answer, with no changes.
        Assert.Equal([Alice, Dana, Daniel, "cl-missing"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.All(changes.Values, Assert.Empty);
    }
}
