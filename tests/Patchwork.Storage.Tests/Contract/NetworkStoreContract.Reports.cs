using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Storage.Tests.Contract.ReportNetwork;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Reports: the true figures each adapter must give (suppression and pseudonyms are applied above the port).
public abstract partial class NetworkStoreContract<TStore>
{
    protected async Task<TStore> ReportNetworkAsync(NetworkSnapshot? snapshot = null)
    {
        var store = await CreateStoreAsync();
        await store.ImportAsync(snapshot ?? ReportNetwork.Build(), Ct);
        return store;
    }

    private static ReportFilter Everything(DateTimeOffset? at = null) => new(null, null, at ?? Now);

    private static string Line(FamilyNetwork f) =>
        $"{f.FamilyId} {f.Area} members {f.MembersWithInvolvement}/{f.Members} practitioners {f.Practitioners} " +
        $"agencies {f.Agencies} keyworker {f.HasKeyWorker} last {f.LastContactAt?.ToString("O") ?? "-"} next {f.NextVisitAt?.ToString("O") ?? "-"}";

    [ContractFact]
    public async Task Each_family_network_counts_current_involvements_last_contact_and_next_visit()
    {
        var reports = await ReportNetworkAsync();

        var families = await reports.GetFamilyNetworksAsync(Everything(), withVisits: true, Ct);

        // Owen's ended involvement does not count; the next visit is Hugo's, the last contact Cara's.
        Assert.Equal(
            [
                $"{F1} North members 2/2 practitioners 3 agencies 3 keyworker True last {Days(-5):O} next {Days(3):O}",
                $"{F2} North members 1/1 practitioners 1 agencies 1 keyworker False last - next -",
                $"{F3} North members 0/2 practitioners 0 agencies 0 keyworker False last {Days(-200):O} next -",
                $"{F4} South members 1/1 practitioners 1 agencies 1 keyworker True last - next -",
                $"{F5} South members 1/1 practitioners 1 agencies 1 keyworker False last {Days(-1):O} next {Days(10):O}",
                $"{F6} East members 0/1 practitioners 0 agencies 0 keyworker False last - next -",
            ],
            families.Select(Line).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Without_visits_the_family_network_leaves_contact_and_next_visit_out()
    {
        var reports = await ReportNetworkAsync();

        var f1 = (await reports.GetFamilyNetworksAsync(Everything(), withVisits: false, Ct)).Single(f => f.FamilyId == F1);

        Assert.Equal($"{F1} North members 2/2 practitioners 3 agencies 3 keyworker True last - next -", Line(f1));
    }

    [ContractFact]
    public async Task As_it_was_on_a_date_counts_involvements_active_then_contacts_before_it_and_visits_planned_from_it()
    {
        var reports = await ReportNetworkAsync();

        var then = await reports.GetFamilyNetworksAsync(new ReportFilter("North", null, Days(-20)), withVisits: true, Ct);

        // 20 days ago Owen still supported Bilal (he left at −10d); Cara's visit (−5d) was still ahead, so it was the next one.
        Assert.Equal(
            [
                $"{F1} North members 2/2 practitioners 4 agencies 4 keyworker True last {Days(-40):O} next {Days(-5):O}",
                $"{F2} North members 1/1 practitioners 1 agencies 1 keyworker False last - next -",
                $"{F3} North members 0/2 practitioners 0 agencies 0 keyworker False last {Days(-200):O} next -",
            ],
            then.Select(Line).Order(StringComparer.Ordinal));
        // 200 days ago Carl supported Dev, and Hugo had not yet joined Asha's team.
        var earlier = await reports.GetFamilyNetworksAsync(new ReportFilter("North", null, Days(-200)), withVisits: false, Ct);
        Assert.Equal([1, 0, 1], earlier.OrderBy(f => f.FamilyId, StringComparer.Ordinal).Select(f => f.Practitioners));
    }

    [ContractFact]
    public async Task An_agency_kind_narrows_the_network_to_that_kind_and_keeps_every_family()
    {
        var reports = await ReportNetworkAsync();

        var health = await reports.GetFamilyNetworksAsync(new ReportFilter(null, AgencyKind.Health, Now), withVisits: true, Ct);

        Assert.Equal(
            [
                $"{F1} North members 1/2 practitioners 1 agencies 1 keyworker False last - next {Days(3):O}",
                $"{F2} North members 1/1 practitioners 1 agencies 1 keyworker False last - next -",
                $"{F3} North members 0/2 practitioners 0 agencies 0 keyworker False last - next -",
                $"{F4} South members 0/1 practitioners 0 agencies 0 keyworker False last - next -",
                $"{F5} South members 0/1 practitioners 0 agencies 0 keyworker False last - next -",
                $"{F6} East members 0/1 practitioners 0 agencies 0 keyworker False last - next -",
            ],
            health.Select(Line).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Agency_pairs_count_the_families_two_agencies_share_per_area()
    {
        var reports = await ReportNetworkAsync();

        var pairs = await reports.GetAgencyPairsAsync(Everything(), Ct);

        Assert.Equal(
            [new AgencyPairCount("North", Lead, Nhs, 1), new AgencyPairCount("North", Lead, Schools, 1),
             new AgencyPairCount("North", Nhs, Schools, 1)],
            pairs);
        Assert.Empty(await reports.GetAgencyPairsAsync(new ReportFilter("South", null, Now), Ct));
        // 20 days ago Owen's housing agency was around the Ahmeds too.
        Assert.Equal(6, (await reports.GetAgencyPairsAsync(Everything(Days(-20)), Ct)).Count);
    }

    [ContractFact]
    public async Task An_agency_pair_names_the_agency_with_the_lower_id_first_whichever_practitioner_came_first()
    {
        // The school's practitioner is loaded before the council's, whose agency id sorts first.
        var reports = await ReportNetworkAsync(new NetworkBuilder()
            .Agency(Schools, "Northgate Primary School", AgencyKind.School)
            .Agency(Lead, "Norfolk County Council", AgencyKind.CountyCouncil)
            .Practitioner(Sian, Schools, "Sian Lloyd", "Designated safeguarding lead")
            .Practitioner(Cara, Lead, "Cara Bell", "Social worker")
            .Family(F1, "the Ahmed household", "North")
            .Client(Asha, "Asha", "Ahmed", new DateOnly(2015, 3, 1), "NR1 1AA", F1, "child")
            .Involvement(Sian, Asha, Days(-30))
            .Involvement(Cara, Asha, Days(-20))
            .Build());

        Assert.Equal([new AgencyPairCount("North", Lead, Schools, 1)], await reports.GetAgencyPairsAsync(Everything(), Ct));
    }

    [ContractFact]
    public async Task Caseloads_count_distinct_families_and_clients_per_practitioner_agency_and_overall()
    {
        var reports = await ReportNetworkAsync();

        var caseloads = await reports.GetCaseloadsAsync(Everything(), Ct);

        // Xan is in no family: a client of Cara's, but no family.
        Assert.Equal(
            [
                new PractitionerCaseload(Cara, Lead, 1, 2),
                new PractitionerCaseload(Carl, Lead, 1, 1),
                new PractitionerCaseload(Hugo, Nhs, 2, 2),
                new PractitionerCaseload(Sian, Schools, 2, 2),
            ],
            caseloads.Practitioners);
        Assert.Equal(
            [new AgencyCaseloadCount(Lead, 2, 3), new AgencyCaseloadCount(Nhs, 2, 2), new AgencyCaseloadCount(Schools, 2, 2)],
            caseloads.Agencies);
        Assert.Equal((4, 6), (caseloads.Families, caseloads.Clients));

        var north = await reports.GetCaseloadsAsync(new ReportFilter("North", null, Now), Ct);
        Assert.Equal((2, 3), (north.Families, north.Clients));
        Assert.Equal([new PractitionerCaseload(Cara, Lead, 1, 1), new PractitionerCaseload(Hugo, Nhs, 2, 2),
            new PractitionerCaseload(Sian, Schools, 1, 1)], north.Practitioners);
    }
}
