using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Who may see what, a practitioner's own clients, and household membership.
public abstract partial class NetworkStoreContract
{
    [ContractFact]
    public async Task A_practitioner_reaches_their_own_clients_and_every_member_of_their_families()
    {
        var store = await NetworkAsync();

        var reach = await store.FindClientsInReachAsync(Sam, ClientIds, Ct);

        // Sam supports Alice and Zoë; Ben is reached through the family. Nobody else.
        Assert.Equal([Alice, Ben, Zoe], reach.Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task A_client_outside_any_family_is_reached_only_by_their_own_team()
    {
        var store = await NetworkAsync();

        Assert.Equal([Dana, Liam], (await store.FindClientsInReachAsync(Yara, ClientIds, Ct)).Order(StringComparer.Ordinal));
        Assert.Empty(await store.FindClientsInReachAsync(Oscar, ClientIds, Ct));
    }

    [ContractFact]
    public async Task An_ended_involvement_gives_no_reach()
    {
        var store = await NetworkAsync();

        Assert.Empty(await store.FindClientsInReachAsync(Fred, [Eve], Ct));
        Assert.Empty(await store.FindClientsInReachAsync(Rita, [Dana, Eve, "cl-missing"], Ct));
        Assert.Equal([Ben], await store.FindClientsInReachAsync(Rita, [Ben], Ct));
    }

    [ContractFact]
    public async Task Unknown_ids_are_never_in_reach()
    {
        var store = await NetworkAsync();

        Assert.Equal([Alice], await store.FindClientsInReachAsync(Sam, [Alice, "cl-missing"], Ct));
        Assert.Empty(await store.FindFamiliesInReachAsync(Sam, ["fa-missing"], Ct));
    }

    [ContractFact]
    public async Task A_family_is_in_reach_of_anyone_in_a_member_s_team()
    {
        var store = await NetworkAsync();

        Assert.Equal([Smiths], await store.FindFamiliesInReachAsync(Tom, [Smiths], Ct));
        Assert.Empty(await store.FindFamiliesInReachAsync(Oscar, [Smiths], Ct));
        Assert.Empty(await store.FindFamiliesInReachAsync(Yara, [Smiths], Ct));
    }

    [ContractFact]
    public async Task Joining_a_member_s_team_brings_the_whole_family_into_reach()
    {
        var store = await NetworkAsync();
        await store.JoinTeamAsync(Ben, "School nurse referral", false, ActorFor(Oscar), Ct);

        Assert.Equal([Alice, Ben, Zoe], (await store.FindClientsInReachAsync(Oscar, ClientIds, Ct)).Order(StringComparer.Ordinal));
        Assert.Equal([Smiths], await store.FindFamiliesInReachAsync(Oscar, [Smiths], Ct));
    }

    [ContractFact]
    public async Task My_clients_are_my_current_involvements_ordered_by_name()
    {
        var store = await NetworkAsync();

        Assert.Equal([ClientRecord(Dana), ClientRecord(Liam)], await store.GetMyClientsAsync(Yara, Ct));
        Assert.Equal([Alice, Zoe], (await store.GetMyClientsAsync(Sam, Ct)).Select(c => c.Id));
        Assert.Empty(await store.GetMyClientsAsync(Fred, Ct));
        Assert.Empty(await store.GetMyClientsAsync(Oscar, Ct));
    }

    [ContractFact]
    public async Task Family_members_are_listed_oldest_first_under_their_family()
    {
        var store = await NetworkAsync();

        var members = await store.GetFamilyMembersAsync([Smiths, "fa-missing"], Ct);

        Assert.Equal([ClientRecord(Alice), ClientRecord(Zoe), ClientRecord(Ben)], members[Smiths]);
        Assert.Empty(members["fa-missing"]);
    }
}
