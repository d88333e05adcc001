using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Who may see what, a practitioner's own clients, and household membership.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task A_practitioner_reaches_their_own_clients_and_every_member_of_their_families()
    {
        var store = await NetworkAsync();

        var reach = await store.GetClientsInReachAsync(Sam, ClientIds, Ct);

        // Sam supports Alice and Zoë; Ben is reached through the family. Nobody else.
        Assert.Equal([Alice, Ben, Zoe], Ids(reach));
        // Each comes back whole, as stored: the reach check is also the read.
        Assert.Equal(ClientRecord(Alice), reach[Alice]);
        Assert.Equal(ClientRecord(Ben), reach[Ben]);
        Assert.Equal(ClientRecord(Zoe), reach[Zoe]);
    }

    [ContractFact]
    public async Task A_client_outside_any_family_is_reached_only_by_their_own_team()
    {
        var store = await NetworkAsync();

        var reach = await store.GetClientsInReachAsync(Yara, ClientIds, Ct);

        Assert.Equal([Dana, Liam], Ids(reach));
        // A shielded client, outside any family: no family id or relationship comes back.
        Assert.Equal(ClientRecord(Dana), reach[Dana]);
        Assert.Equal(ClientRecord(Liam), reach[Liam]);
        Assert.Empty(await store.GetClientsInReachAsync(Oscar, ClientIds, Ct));
    }

    [ContractFact]
    public async Task An_ended_involvement_gives_no_reach()
    {
        var store = await NetworkAsync();

        Assert.Empty(await store.GetClientsInReachAsync(Fred, [Eve], Ct));
        Assert.Empty(await store.GetClientsInReachAsync(Rita, [Dana, Eve, "cl-missing"], Ct));
        Assert.Equal(ClientRecord(Ben), Assert.Single(await store.GetClientsInReachAsync(Rita, [Ben], Ct)).Value);
    }

    [ContractFact]
    public async Task Unknown_ids_are_never_in_reach()
    {
        var store = await NetworkAsync();

        Assert.Equal([Alice], Ids(await store.GetClientsInReachAsync(Sam, [Alice, "cl-missing"], Ct)));
        Assert.Empty(await store.GetFamiliesInReachAsync(Sam, ["fa-missing"], Ct));
        Assert.Equal([Smiths], Ids(await store.GetFamiliesInReachAsync(Sam, [Smiths, "fa-missing"], Ct)));
    }

    [ContractFact]
    public async Task A_family_is_in_reach_of_anyone_in_a_member_s_team()
    {
        var store = await NetworkAsync();

        var reach = await store.GetFamiliesInReachAsync(Tom, [Smiths], Ct);

        Assert.Equal(KeyValuePair.Create(Smiths, FamilyRecord(Smiths)), Assert.Single(reach));
        Assert.Empty(await store.GetFamiliesInReachAsync(Oscar, [Smiths], Ct));
        Assert.Empty(await store.GetFamiliesInReachAsync(Yara, [Smiths], Ct));
    }

    [ContractFact]
    public async Task Joining_a_member_s_team_brings_the_whole_family_into_reach()
    {
        var store = await NetworkAsync();
        await Changes(store).JoinTeamAsync(Ben, "School nurse referral", false, ActorFor(Oscar), Ct);

        Assert.Equal([Alice, Ben, Zoe], Ids(await store.GetClientsInReachAsync(Oscar, ClientIds, Ct)));
        Assert.Equal(FamilyRecord(Smiths), (await store.GetFamiliesInReachAsync(Oscar, [Smiths], Ct))[Smiths]);
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
