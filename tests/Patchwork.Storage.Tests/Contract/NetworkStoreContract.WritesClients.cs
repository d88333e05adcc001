using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Registering clients and forming families.
public abstract partial class NetworkStoreContract<TStore>
{
    private static NewClient NewClientInput(string givenName = "Ruth") =>
        new(givenName, "Newman", new DateOnly(1960, 5, 17), " 9 Oak Lane, Norwich ", "nr4 7tj", "943 476 5919", false,
            "Referred by the GP");

    [ContractFact]
    public async Task Registering_a_client_stores_them_normalised_and_puts_the_registrant_in_the_team()
    {
        var store = await NetworkAsync();

        var client = await Changes(store).RegisterClientAsync(NewClientInput(), ActorFor(Sam), Ct);

        Assert.Equal(
            new Client(client.Id, "Ruth", "Newman", new DateOnly(1960, 5, 17), "9 Oak Lane, Norwich", "NR4 7TJ",
                "9434765919", false, null, null),
            client);
        Assert.Equal(client, (await store.GetClientsAsync([client.Id], Ct))[client.Id]);
        Assert.Equal([Line(Sam, [client.Id], Now, null, null)], (await store.GetClientTeamsAsync([client.Id], Ct))[client.Id].Select(Line));
        Assert.Contains(client.Id, (await store.GetMyClientsAsync(Sam, Ct)).Select(c => c.Id));
        Assert.Equal(client.Id, Assert.Single(await store.SearchClientsAsync(new ClientSearch("ruth newman", null, 5, Oscar), Ct)).ClientId);
    }

    [ContractFact]
    public async Task Registering_a_client_is_audited_with_the_reason()
    {
        var store = await NetworkAsync();

        var client = await Changes(store).RegisterClientAsync(NewClientInput(), ActorFor(Sam), Ct);

        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal(
            (Now, NetworkBuilder.SubjectOf(Sam), Sam, AuditAction.RegisterClient, client.Id, (string?)null, "Referred by the GP", "req-" + Sam),
            (entry.At, entry.Subject, entry.PractitionerId, entry.Action, entry.ClientId, entry.FamilyId, entry.Reason, entry.RequestId));
    }

    [ContractFact]
    public async Task A_client_registered_by_a_restricted_service_has_a_restricted_team_entry()
    {
        var store = await NetworkAsync();

        var client = await Changes(store).RegisterClientAsync(NewClientInput(), ActorFor(Rita), Ct);

        Assert.True(Assert.Single((await store.GetClientTeamsAsync([client.Id], Ct))[client.Id]).Restricted);
    }

    [ContractFact]
    public async Task Registering_a_client_with_bad_input_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).RegisterClientAsync(NewClientInput(givenName: "  "), ActorFor(Sam), Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).RegisterClientAsync(NewClientInput() with { DateOfBirth = DateOnly.FromDateTime(Now.AddDays(1).UtcDateTime) }, ActorFor(Sam), Ct));
        Assert.Empty(await store.SearchClientsAsync(new ClientSearch("newman", null, 5, Sam), Ct));
    }

    [ContractFact]
    public async Task Registering_a_client_as_an_unknown_practitioner_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).RegisterClientAsync(NewClientInput(), ActorFor("pr-missing"), Ct));
        Assert.Empty(await store.SearchClientsAsync(new ClientSearch("newman", null, 5, Sam), Ct));
    }

    [ContractFact]
    public async Task Creating_a_family_makes_the_first_member_part_of_it()
    {
        var store = await NetworkAsync();

        var family = await Changes(store).CreateFamilyAsync(new NewFamily(" the Jones household ", "Norwich South", Daniel, "father"), ActorFor(Sam), Ct);

        Assert.Equal(new Family(family.Id, "the Jones household", "Norwich South"), family);
        Assert.Equal(family, (await store.GetFamiliesAsync([family.Id], Ct))[family.Id]);
        Assert.Equal([ClientRecord(Daniel) with { FamilyId = family.Id, FamilyRelationship = "father" }],
            (await store.GetFamilyMembersAsync([family.Id], Ct))[family.Id]);
        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal((AuditAction.CreateFamily, Daniel, family.Id), (entry.Action, entry.ClientId, entry.FamilyId));
    }

    [ContractFact]
    public async Task Creating_a_family_around_an_unknown_client_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).CreateFamilyAsync(new NewFamily("the Ghosts", "Nowhere", "cl-missing", "self"), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Creating_a_family_around_a_client_already_in_one_is_a_conflict_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).CreateFamilyAsync(new NewFamily("the Other Smiths", "Norwich", Alice, "mother"), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Creating_a_family_with_bad_input_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).CreateFamilyAsync(new NewFamily("", "Norwich", Daniel, "father"), ActorFor(Sam), Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).CreateFamilyAsync(new NewFamily("the Joneses", "Norwich", "not an id!", "father"), ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Adding_a_family_member_joins_them_to_the_household()
    {
        var store = await NetworkAsync();

        var eve = await Changes(store).AddFamilyMemberAsync(Smiths, Eve, " grandmother ", ActorFor(Sam), Ct);

        Assert.Equal(ClientRecord(Eve) with { FamilyId = Smiths, FamilyRelationship = "grandmother" }, eve);
        Assert.Equal(eve, (await store.GetClientsAsync([Eve], Ct))[Eve]);
        Assert.Equal([Eve, Alice, Zoe, Ben], (await store.GetFamilyMembersAsync([Smiths], Ct))[Smiths].Select(c => c.Id));
        // The family's teams now reach the new member, and read them as they now are.
        Assert.Equal(eve, (await store.GetClientsInReachAsync(Sam, [Eve], Ct))[Eve]);
        var entry = Assert.Single(await AuditTrailAsync(store));
        Assert.Equal((AuditAction.AddFamilyMember, Eve, Smiths), (entry.Action, entry.ClientId, entry.FamilyId));
    }

    [ContractFact]
    public async Task Adding_a_member_to_an_unknown_family_or_an_unknown_client_is_not_found_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).AddFamilyMemberAsync("fa-missing", Eve, "aunt", ActorFor(Sam), Ct));
        await AssertRejectedAsync(store, ErrorCode.NotFound,
            () => Changes(store).AddFamilyMemberAsync(Smiths, "cl-missing", "aunt", ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Adding_a_client_who_is_already_in_a_family_is_a_conflict_and_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.Conflict,
            () => Changes(store).AddFamilyMemberAsync(Smiths, Zoe, "daughter", ActorFor(Sam), Ct));
    }

    [ContractFact]
    public async Task Adding_a_family_member_without_a_relationship_changes_nothing()
    {
        var store = await NetworkAsync();

        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).AddFamilyMemberAsync(Smiths, Eve, " ", ActorFor(Sam), Ct));
        await AssertRejectedAsync(store, ErrorCode.BadUserInput,
            () => Changes(store).AddFamilyMemberAsync(Smiths, Eve, new string('x', 51), ActorFor(Sam), Ct));
    }
}
