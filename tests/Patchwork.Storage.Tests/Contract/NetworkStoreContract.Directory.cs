using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Import, readiness, agencies and practitioners.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task A_new_store_is_ready_and_empty()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.IsReadyAsync(Ct));
        Assert.True(await store.IsEmptyAsync(Ct));
        Assert.Empty(await store.GetAgenciesAsync(Ct));
    }

    [ContractFact]
    public async Task After_an_import_the_store_is_not_empty()
    {
        var store = await NetworkAsync();

        Assert.False(await store.IsEmptyAsync(Ct));
    }

    [ContractFact]
    public async Task Imported_agencies_come_back_whole_and_ordered_by_name()
    {
        var store = await NetworkAsync();

        var agencies = await store.GetAgenciesAsync(Ct);

        Assert.Equal(Snapshot.Agencies.OrderBy(a => a.Name, StringComparer.Ordinal), agencies);
    }

    [ContractFact]
    public async Task Agencies_by_id_return_only_those_that_exist()
    {
        var store = await NetworkAsync();

        var agencies = await store.GetAgenciesByIdAsync([SexualHealth, School, "ag-missing"], Ct);

        Assert.Equal([School, SexualHealth], agencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(AgencyRecord(SexualHealth), agencies[SexualHealth]);
        Assert.True(agencies[SexualHealth].RestrictedService);
    }

    [ContractFact]
    public async Task Imported_practitioners_come_back_whole()
    {
        var store = await NetworkAsync();

        var practitioners = await store.GetPractitionersAsync(PractitionerIds, Ct);

        Assert.Equal(PractitionerIds.Count, practitioners.Count);
        foreach (var expected in Snapshot.Practitioners)
        {
            Assert.Equal(expected, practitioners[expected.Id]);
        }
    }

    [ContractFact]
    public async Task An_account_is_the_practitioner_a_subject_signs_in_as_with_their_agency_in_full()
    {
        var store = await NetworkAsync();

        Assert.Equal(new PractitionerAccount(PractitionerRecord(Nina), AgencyRecord(Health)),
            await store.FindAccountAsync(NetworkBuilder.SubjectOf(Nina), Ct));
        Assert.Equal(new PractitionerAccount(PractitionerRecord(Rita), AgencyRecord(SexualHealth)),
            await store.FindAccountAsync(NetworkBuilder.SubjectOf(Rita), Ct));
        Assert.Null(await store.FindAccountAsync("idp|nobody", Ct));
        Assert.Null(await store.FindAccountAsync("", Ct));
    }

    [ContractFact]
    public async Task An_account_comes_back_for_a_practitioner_who_left_and_for_an_agency_without_agreement()
    {
        var store = await NetworkAsync();
        var suspended = new DataSharingAgreement(AgreementStatus.Suspended, new DateOnly(2024, 1, 1), null);
        await Changes(store).SetAgreementAsync(Council, suspended, Admin, Ct);

        // The store reports; the viewer decides that neither may use Patchwork.
        Assert.Equal(new PractitionerAccount(PractitionerRecord(Fred), AgencyRecord(Council) with { Agreement = suspended }),
            await store.FindAccountAsync(NetworkBuilder.SubjectOf(Fred), Ct));
        Assert.Equal(PractitionerRecord(Sam), (await store.FindAccountAsync(NetworkBuilder.SubjectOf(Sam), Ct))!.Practitioner);
    }

    [ContractFact]
    public async Task Imported_clients_and_families_come_back_whole()
    {
        var store = await NetworkAsync();

        var clients = await store.GetClientsAsync(ClientIds, Ct);
        var families = await store.GetFamiliesAsync([Smiths, "fa-missing"], Ct);

        foreach (var expected in Snapshot.Clients)
        {
            Assert.Equal(expected, clients[expected.Id]);
        }
        Assert.Equal(Snapshot.Families.Single(), Assert.Single(families).Value);
    }

    [ContractFact]
    public async Task Imported_visits_come_back_whole_with_restricted_derived_from_the_involvements()
    {
        var store = await NetworkAsync();

        foreach (var expected in Snapshot.Visits)
        {
            Assert.Equal(expected, await store.GetVisitAsync(expected.Id, Ct));
        }
        Assert.True((await store.GetVisitAsync(RitaZoeNext, Ct))!.Restricted);
        Assert.Null(await store.GetVisitAsync("vi-missing", Ct));
    }

    [ContractFact]
    public async Task Asking_for_no_ids_returns_nothing()
    {
        var store = await NetworkAsync();

        Assert.Empty(await store.GetClientsAsync([], Ct));
        Assert.Empty(await store.GetFamiliesAsync([], Ct));
        Assert.Empty(await store.GetPractitionersAsync([], Ct));
        Assert.Empty(await store.GetAgenciesByIdAsync([], Ct));
        Assert.Empty(await store.GetClientTeamsAsync([], Ct));
        Assert.Empty(await store.GetFamilyTeamsAsync([], Ct));
        Assert.Empty(await store.GetUpcomingVisitsAsync([], 5, Ct));
        Assert.Empty(await store.GetClientsInReachAsync(Sam, [], Ct));
        Assert.Empty(await store.GetFamiliesInReachAsync(Sam, [], Ct));
        Assert.Empty(await store.GetTeamChangesAsync([], DateTimeOffset.MinValue, Ct));
    }
}
