using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Tests.Contract.ReportNetwork;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Families without contact, and how writes move a family on or off the list.
public abstract partial class NetworkStoreContract<TStore>
{
    private static NoContactQuery NoContact(int days = 30, string? area = null, AgencyKind? kind = null, params NoContactReason[] reasons) =>
        new(area, kind, Now, Now.AddDays(-days), reasons.Length == 0 ? Enum.GetValues<NoContactReason>().ToHashSet() : reasons.ToHashSet());

    private static string Line(FamilyActivity f) =>
        $"{f.FamilyId} {f.Area} last {f.LastContactAt?.ToString("O") ?? "-"} active {f.HasActiveInvolvement} " +
        $"planned {f.LatestPlannedVisit?.ToString("O") ?? "-"}";

    private static async Task<List<string>> NoContactLinesAsync(INetworkReports reports, NoContactQuery query) =>
        [.. (await reports.FindFamiliesWithoutContactAsync(query, Ct)).Select(Line).Order(StringComparer.Ordinal)];

    [ContractFact]
    public async Task Families_without_contact_are_those_not_contacted_for_n_days_unsupported_or_only_overdue()
    {
        var reports = await ReportNetworkAsync();

        // F1 was seen 5 days ago and F5 yesterday; F2 never; F3 long ago and nobody is with it; F4's only visit is overdue.
        Assert.Equal(
            [
                $"{F2} North last - active True planned -",
                $"{F3} North last {Days(-200):O} active False planned -",
                $"{F4} South last - active True planned {Days(-2):O}",
                $"{F6} East last - active False planned -",
            ],
            await NoContactLinesAsync(reports, NoContact()));
        // With 3 days, the Ahmeds' contact 5 days ago is too long ago as well.
        Assert.Contains(F1, (await reports.FindFamiliesWithoutContactAsync(NoContact(days: 3), Ct)).Select(f => f.FamilyId));
    }

    [ContractFact]
    public async Task Each_reason_alone_selects_only_its_families_and_an_area_narrows_them()
    {
        var reports = await ReportNetworkAsync();

        Assert.Equal([F3, F6], await IdsAsync(reports, NoContact(reasons: NoContactReason.NoActiveInvolvement)));
        Assert.Equal([F4], await IdsAsync(reports, NoContact(reasons: NoContactReason.OnlyOverdueVisits)));
        Assert.Equal([F2, F3, F4, F6], await IdsAsync(reports, NoContact(reasons: NoContactReason.NoRecentContact)));
        Assert.Equal([F4], await IdsAsync(reports, NoContact(area: "South")));
        Assert.Empty(await IdsAsync(reports, NoContact(area: "Nowhere")));
    }

    [ContractFact]
    public async Task An_agency_kind_counts_only_that_kinds_contacts_involvements_and_visits()
    {
        var reports = await ReportNetworkAsync();

        // The school's last contact with the Ahmeds was 40 days ago; with the Eyres yesterday; it works with nobody else.
        Assert.Equal(
            [
                $"{F1} North last {Days(-40):O} active True planned -",
                $"{F2} North last - active False planned -",
                $"{F3} North last - active False planned -",
                $"{F4} South last - active False planned -",
                $"{F6} East last - active False planned -",
            ],
            await NoContactLinesAsync(reports, NoContact(kind: AgencyKind.School)));
    }

    [ContractFact]
    public async Task The_list_is_as_it_was_at_its_moment_so_later_contacts_and_involvements_do_not_move_it()
    {
        var reports = await ReportNetworkAsync();
        var at = Days(-15);

        // Fifteen days ago the Ahmeds' contacts since were not yet made (their −40d one counts); the Eyres' −1d contact
        // neither, so they had none; Carl had not yet begun with Gus (−10d), and Owen was still with Bilal.
        Assert.Equal(
            [
                $"{F2} North last - active True planned -",
                $"{F3} North last {Days(-200):O} active False planned -",
                $"{F4} South last - active False planned {Days(-2):O}",
                $"{F5} South last - active True planned {Days(10):O}",
                $"{F6} East last - active False planned -",
            ],
            await NoContactLinesAsync(reports, new NoContactQuery(null, null, at, at.AddDays(-30), Enum.GetValues<NoContactReason>().ToHashSet())));
        // The same moment, one kind of agency: the school's −40d contact with Bilal, and Sian already with Hal.
        Assert.Equal(
            [
                $"{F2} North last - active False planned -",
                $"{F3} North last - active False planned -",
                $"{F4} South last - active False planned -",
                $"{F5} South last - active True planned {Days(10):O}",
                $"{F6} East last - active False planned -",
            ],
            await NoContactLinesAsync(reports, new NoContactQuery(null, AgencyKind.School, at, at.AddDays(-30), Enum.GetValues<NoContactReason>().ToHashSet())));
    }

    [ContractFact]
    public async Task A_household_registered_after_a_moment_is_in_no_network_as_at_then_but_is_on_that_moments_list()
    {
        var reports = await ReportNetworkAsync();
        var store = reports;
        var client = await Changes(store).RegisterClientAsync(new NewClient("Nia", "Okoro", new DateOnly(2015, 3, 1), "1 New Road, Norwich",
            "NR1 1AA", null, Shielded: false, "Registered after a referral"), ActorFor(Hugo), Ct);
        var family = await Changes(store).CreateFamilyAsync(new NewFamily("Okoro", "North", client.Id, "Child"), ActorFor(Hugo), Ct);
        var everyReason = Enum.GetValues<NoContactReason>().ToHashSet();

        // Registered now, by Hugo, who is in its team from then on: a day ago's networks leave it out, now's have it.
        // The list of either moment has it, never contacted, since nobody had contacted it by then and it is to be
        // acted on; a day ago nobody was involved, and now Hugo is (unless only schools count).
        foreach (var (at, inNetworks) in new[] { (Now.AddDays(-1), false), (Now.AddMinutes(1), true) })
        {
            var networks = await reports.GetFamilyNetworksAsync(new ReportFilter(null, null, at), withVisits: true, Ct);
            Assert.Equal(inNetworks, networks.Any(f => f.FamilyId == family.Id));
            Assert.Equal(inNetworks, (await reports.GetFamilyNetworksAsync(new ReportFilter("North", null, at), withVisits: false, Ct))
                .Any(f => f.FamilyId == family.Id));
            foreach (var kind in new AgencyKind?[] { null, AgencyKind.School })
            {
                var listed = await reports.FindFamiliesWithoutContactAsync(new NoContactQuery(null, kind, at, at.AddDays(-30), everyReason), Ct);
                Assert.Equal($"{family.Id} North last - active {inNetworks && kind is null} planned -",
                    Line(Assert.Single(listed, f => f.FamilyId == family.Id)));
            }
        }
        // The households that were there a day ago are all still there: only the new one is left out.
        Assert.Equal(
            (await reports.GetFamilyNetworksAsync(new ReportFilter(null, null, Now.AddMinutes(1)), withVisits: false, Ct)).Count - 1,
            (await reports.GetFamilyNetworksAsync(new ReportFilter(null, null, Now.AddDays(-1)), withVisits: false, Ct)).Count);
    }

    [ContractFact]
    public async Task Recording_a_contact_joining_and_leaving_move_families_on_and_off_the_list()
    {
        var reports = await ReportNetworkAsync();
        var store = reports;

        await Changes(store).RecordContactAsync(new NewContact(Cal, Now.AddHours(-1), VisitMode.Phone, null), ActorFor(Hugo), Ct);
        await Changes(store).RecordContactAsync(new NewContact(Gus, Now.AddHours(-2), VisitMode.HomeVisit, "vi-carl-gus"), ActorFor(Carl), Ct);
        await Changes(store).JoinTeamAsync(Jo, "Referred by the GP", restricted: false, ActorFor(Hugo), Ct);
        await Changes(store).LeaveTeamAsync(Hal, "Moved school", ActorFor(Sian), Ct);

        // F2 and F4 have been contacted (F4's overdue visit was the one completed); F6 now has Hugo; F5 has nobody.
        Assert.Equal(
            [
                $"{F3} North last {Days(-200):O} active False planned -",
                $"{F5} South last {Days(-1):O} active False planned -",
                $"{F6} East last - active True planned -",
            ],
            await NoContactLinesAsync(reports, NoContact()));
    }

    [ContractFact]
    public async Task Cancelling_the_only_overdue_visit_takes_the_family_off_the_overdue_list()
    {
        var reports = await ReportNetworkAsync();
        var store = reports;

        await Changes(store).CancelVisitAsync("vi-carl-gus", ActorFor(Carl), Ct);

        Assert.Empty(await IdsAsync(reports, NoContact(reasons: NoContactReason.OnlyOverdueVisits)));
    }

    private static async Task<List<string>> IdsAsync(INetworkReports reports, NoContactQuery query) =>
        [.. (await reports.FindFamiliesWithoutContactAsync(query, Ct)).Select(f => f.FamilyId).Order(StringComparer.Ordinal)];
}
