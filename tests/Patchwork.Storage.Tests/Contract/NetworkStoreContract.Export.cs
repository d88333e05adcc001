using System.Text.Json;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Reading a whole network back out (INetworkExport), and loading it into another store, once or again.
public abstract partial class NetworkStoreContract<TStore>
{
    /// <summary>
    /// The store's bulk import in the mode that brings rows already present up to the incoming values. A store whose
    /// bulk import always does so (Neo4j merges by id) needs no override.
    /// </summary>
    protected virtual INetworkBulkImport MergingImport(TStore store) => store;

    private static readonly NetworkCounts TestNetworkCounts = new(
        Agencies: 4, Practitioners: 7, Families: 1, Clients: 7, Memberships: 3, Involvements: 11, Visits: 17,
        FollowUps: 0, FollowUpRecipients: 0, DutyInboxEntries: 0, AuditEntries: 0);

    [ContractFact]
    public async Task Counts_are_those_of_the_test_network()
    {
        var store = await NetworkAsync();
        Assert.Equal(TestNetworkCounts, await store.CountAsync(Ct));

        await store.AppendAuditAsync(Trail, Ct);
        await Changes(store).JoinTeamAsync(Eve, "Falls prevention visit", false, ActorFor(Oscar), Ct);
        // To the Smiths' team, whose practitioners are at all four agencies.
        await Changes(store).RequestFollowUpAsync(new NewFollowUp(Smiths, "No contact with Ben for a month"), Commissioner, Ct);

        Assert.Equal(TestNetworkCounts with { Involvements = 12, FollowUps = 1, FollowUpRecipients = 4, AuditEntries = 7 },
            await store.CountAsync(Ct));
    }

    [ContractFact]
    public async Task An_empty_store_exports_nothing_and_counts_zero()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await ToListAsync(store.ExportAsync(10, Ct)));
        Assert.Empty(await ToListAsync(store.ExportAuditAsync(10, Ct)));
        Assert.Equal(new NetworkCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await store.CountAsync(Ct));
    }

    [ContractFact]
    public async Task Pieces_hold_at_most_the_piece_size_and_refer_only_to_what_came_before()
    {
        var store = await NetworkAsync();

        var pieces = await ToListAsync(store.ExportAsync(3, Ct));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in pieces)
        {
            Assert.All(new[] { piece.Agencies.Count, piece.Practitioners.Count, piece.Families.Count, piece.Clients.Count,
                piece.Involvements.Count, piece.Visits.Count }, count => Assert.InRange(count, 0, 3));
            seen.UnionWith(piece.Agencies.Select(a => a.Id));
            Assert.All(piece.Practitioners, p => Assert.Contains(p.AgencyId, seen));
            seen.UnionWith(piece.Practitioners.Select(p => p.Id));
            seen.UnionWith(piece.Families.Select(f => f.Id));
            Assert.All(piece.Clients, c => Assert.True(c.FamilyId is null || seen.Contains(c.FamilyId), c.Id));
            seen.UnionWith(piece.Clients.Select(c => c.Id));
            Assert.All(piece.Involvements, i => Assert.True(seen.Contains(i.PractitionerId) && seen.Contains(i.ClientId)));
            Assert.All(piece.Visits, v => Assert.True(seen.Contains(v.PractitionerId) && seen.Contains(v.ClientId)));
        }
        Assert.Equal(Snapshot.Agencies.OrderBy(a => a.Id), pieces.SelectMany(p => p.Agencies).OrderBy(a => a.Id));
        Assert.Equal(Snapshot.Practitioners.OrderBy(p => p.Id), pieces.SelectMany(p => p.Practitioners).OrderBy(p => p.Id));
        Assert.Equal(Snapshot.Clients.OrderBy(c => c.Id), pieces.SelectMany(p => p.Clients).OrderBy(c => c.Id));
        Assert.Equal(Snapshot.Involvements.OrderBy(i => (i.PractitionerId, i.ClientId, i.Since)),
            pieces.SelectMany(p => p.Involvements).OrderBy(i => (i.PractitionerId, i.ClientId, i.Since)));
        Assert.Equal(VisitIds.Order(StringComparer.Ordinal), pieces.SelectMany(p => p.Visits).Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task An_involvement_written_during_an_export_shifts_no_piece_so_none_is_read_twice()
    {
        var store = await NetworkAsync();
        var involvements = new List<Involvement>();

        await foreach (var piece in store.ExportAsync(3, Ct))
        {
            if (piece.Involvements.Count > 0 && involvements.Count == 0)
            {
                // Alice's id comes first, so her new involvement sorts before every piece still to come.
                await Changes(store).JoinTeamAsync(Alice, "Covering for a colleague", false, ActorFor(Oscar), Ct);
            }
            involvements.AddRange(piece.Involvements);
        }

        var keys = involvements.Select(i => (i.PractitionerId, i.ClientId, i.Since)).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.Superset(Snapshot.Involvements.Select(i => (i.PractitionerId, i.ClientId, i.Since)).ToHashSet(), keys.ToHashSet());
    }

    [ContractFact]
    public async Task The_audit_trail_is_exported_oldest_first_in_pieces()
    {
        var store = await NetworkAsync();
        await store.AppendAuditAsync(Trail, Ct);

        var pieces = await ToListAsync(store.ExportAuditAsync(2, Ct));

        Assert.Equal([2, 2, 1], pieces.Select(p => p.Count));
        Assert.Equal(Trail, pieces.SelectMany(p => p));
    }

    [ContractFact]
    public async Task A_network_copied_into_a_fresh_store_shows_exactly_what_the_original_shows()
    {
        var source = await ChangedNetworkAsync();
        var copy = await CreateStoreAsync();

        await CopyAsync(source, copy, copy);

        Assert.Equal(await source.CountAsync(Ct), await copy.CountAsync(Ct));
        Assert.Equal(await ObservableStateAsync(source), await ObservableStateAsync(copy));
        Assert.Equal(await SearchesAsync(source), await SearchesAsync(copy));
    }

    [ContractFact]
    public async Task Merging_the_same_network_again_changes_nothing()
    {
        var source = await ChangedNetworkAsync();
        var copy = await CreateStoreAsync();
        await CopyAsync(source, copy, copy);
        var once = await ObservableStateAsync(copy);

        await CopyAsync(source, MergingImport(copy), copy);

        Assert.Equal(await source.CountAsync(Ct), await copy.CountAsync(Ct));
        Assert.Equal(once, await ObservableStateAsync(copy));
        Assert.Equal(await SearchesAsync(source), await SearchesAsync(copy));
    }

    [ContractFact]
    public async Task Merging_a_network_changed_since_the_first_copy_brings_the_copy_up_to_date()
    {
        var source = await NetworkAsync();
        var copy = await CreateStoreAsync();
        await CopyAsync(source, copy, copy);

        await ChangeAsync(source);
        await CopyAsync(source, MergingImport(copy), copy);

        Assert.Equal(await source.CountAsync(Ct), await copy.CountAsync(Ct));
        Assert.Equal(await ObservableStateAsync(source), await ObservableStateAsync(copy));
        Assert.Equal(await SearchesAsync(source), await SearchesAsync(copy));
    }

    [ContractFact]
    public async Task A_load_holding_an_email_no_write_would_accept_is_refused_whole_in_every_import()
    {
        var store = await NetworkAsync();
        var (before, counted) = (await ObservableStateAsync(store), await store.CountAsync(Ct));
        var council = AgencyRecord(Council);
        var hostileAgency = council with { Id = "ag-hostile", Name = "Hostile", DutyEmail = "duty@council.example?cc=evil%40x.example" };
        var hostilePractitioner = PractitionerRecord(Sam) with
        {
            Id = "pr-hostile",
            Email = "sam@council.example&bcc=evil%40x.example",
            Subject = "idp|hostile",
        };
        NetworkSnapshot[] hostile = [new([hostileAgency], [], [], [], [], []), new([], [hostilePractitioner], [], [], [], [])];

        foreach (var snapshot in hostile)
        {
            await Assert.ThrowsAsync<PatchworkException>(() => store.ImportAsync(snapshot, Ct));
            INetworkBulkImport bulk = store;
            await Assert.ThrowsAsync<PatchworkException>(() => bulk.ImportAsync(AfterAFinePiece(council, snapshot), null, Ct));
            await Assert.ThrowsAsync<PatchworkException>(() => MergingImport(store).ImportAsync(AfterAFinePiece(council, snapshot), null, Ct));
        }

        Assert.Equal(before, await ObservableStateAsync(store));
        Assert.Equal(counted, await store.CountAsync(Ct));
    }

    /// <summary>A piece holding a new agency that is fine, then the given one: a load refused part-way.</summary>
    private static async IAsyncEnumerable<NetworkSnapshot> AfterAFinePiece(Agency like, NetworkSnapshot then)
    {
        await Task.Yield();
        var id = Guid.NewGuid().ToString("N");
        yield return new NetworkSnapshot([like with { Id = id, Name = "Fine " + id }], [], [], [], [], []);
        yield return then;
    }

    public async Task A_client_merged_again_with_another_household_or_none_is_in_exactly_that_one()
    {
        var store = await NetworkAsync();
        var joneses = new Family("fa-jones", "the Jones household", "Norwich North");
        var again = new NetworkSnapshot([], [], [joneses],
            [
                ClientRecord(Alice) with { FamilyId = joneses.Id, FamilyRelationship = "aunt" },
                ClientRecord(Zoe),
                ClientRecord(Ben) with { FamilyId = null, FamilyRelationship = null },
            ], [], []);

        await MergingImport(store).ImportAsync(OnePiece(again), null, Ct);
        await MergingImport(store).ImportAsync(OnePiece(again), null, Ct);

        var members = await store.GetFamilyMembersAsync([Smiths, joneses.Id], Ct);
        Assert.Equal([Zoe], members[Smiths].Select(c => c.Id));
        Assert.Equal([Alice], members[joneses.Id].Select(c => c.Id));
        var clients = await store.GetClientsAsync([Alice, Ben], Ct);
        Assert.Equal((joneses.Id, "aunt"), (clients[Alice].FamilyId, clients[Alice].FamilyRelationship));
        Assert.Equal((null, null), (clients[Ben].FamilyId, clients[Ben].FamilyRelationship));
        Assert.Equal(TestNetworkCounts with { Families = 2, Memberships = 2 }, await store.CountAsync(Ct));
    }

    [ContractFact]
    public async Task A_merge_giving_a_practitioner_the_sign_in_of_another_is_a_conflict_that_says_so()
    {
        var store = await NetworkAsync();
        var impostor = PractitionerRecord(Tom) with { Id = "pr-impostor", Subject = PractitionerRecord(Sam).Subject };

        var refused = await Assert.ThrowsAsync<PatchworkException>(() => MergingImport(store).ImportAsync(
            OnePiece(new NetworkSnapshot([], [impostor], [], [], [], [])), null, Ct));

        Assert.Equal(ErrorCode.Conflict, refused.Code);
        Assert.Contains("a practitioner signs in with the subject of another practitioner", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetPractitionersAsync([impostor.Id], Ct));
        Assert.Equal(TestNetworkCounts, await store.CountAsync(Ct));
    }

    [ContractFact]
    public async Task Follow_ups_and_the_duty_inboxes_they_fill_are_copied_and_merged_again_without_doubling()
    {
        var source = await ReportNetworkAsync();
        await Changes(source).RequestFollowUpAsync(new NewFollowUp(ReportNetwork.F1, "Check on the children"), Commissioner, Ct);
        Time.Now = Now.AddMinutes(1);
        await Changes(source).RequestFollowUpAsync(new NewFollowUp(ReportNetwork.F3, "Nobody has seen the Clays since the case closed"), Commissioner, Ct);
        Time.Now = Now.AddMinutes(2);
        await Changes(source).RequestFollowUpAsync(new NewFollowUp(ReportNetwork.F6, "Referred but never allocated"), Commissioner, Ct);
        var copy = await CreateStoreAsync();

        await CopyAsync(source, copy, copy);
        await CopyAsync(source, MergingImport(copy), copy);

        // The Smiths' team of three agencies; the Clays and the Fords, without a team, in the lead agency's duty inbox.
        var counts = await copy.CountAsync(Ct);
        Assert.Equal((3L, 5L, 2L), (counts.FollowUps, counts.FollowUpRecipients, counts.DutyInboxEntries));
        Assert.Equal(await source.CountAsync(Ct), counts);
        Assert.Equal(await FollowUpsAsync(source), await FollowUpsAsync(copy));
    }

    /// <summary>Every family's follow-up requests and every agency's duty inbox, as one comparable text.</summary>
    private static async Task<string> FollowUpsAsync(TStore reports)
    {
        var families = await reports.GetFollowUpRequestsAsync(await reports.GetFamilyIdsAsync(Ct), Ct);
        var inboxes = new List<IReadOnlyList<FollowUpRequest>>();
        foreach (var agency in await (reports).GetAgenciesAsync(Ct))
        {
            inboxes.Add(await reports.GetDutyFollowUpRequestsAsync(agency.Id, 100, Ct));
        }
        return JsonSerializer.Serialize(new { Families = Flat(families), Inboxes = inboxes });
    }

    /// <summary>The test network after a day's work: joins, a leave, a contact, new details, a new client and household, reads, a follow-up.</summary>
    private async Task<TStore> ChangedNetworkAsync()
    {
        var store = await NetworkAsync();
        await ChangeAsync(store);
        return store;
    }

    private async Task ChangeAsync(TStore store)
    {
        await store.AppendAuditAsync(Trail, Ct);
        await Changes(store).JoinTeamAsync(Alice, "Falls prevention visit", false, ActorFor(Oscar), Ct);
        await Changes(store).LeaveTeamAsync(Zoe, "Case transferred", ActorFor(Sam), Ct);
        await Changes(store).RecordContactAsync(new NewContact(Alice, Now.AddHours(-1), VisitMode.HomeVisit, SamAliceOverdue), ActorFor(Sam), Ct);
        await Changes(store).UpdateContactDetailsAsync(new ContactDetails("nina.okafor@nhs.example", null, "01603 960123", ContactMethod.Email),
            ActorFor(Nina), Ct);
        await Changes(store).RegisterClientAsync(new NewClient("Ruth", "Newman", new DateOnly(1960, 5, 17), "9 Oak Lane, Norwich",
            "NR4 7TJ", null, false, "Referred by the GP"), ActorFor(Tom), Ct);
        // Clients already copied become members of a household that was not there.
        var joneses = await Changes(store).CreateFamilyAsync(new NewFamily("the Jones household", "Norwich North", Dana, "mother"), ActorFor(Yara), Ct);
        await Changes(store).AddFamilyMemberAsync(joneses.Id, Daniel, "son", ActorFor(Yara), Ct);
        await Changes(store).RequestFollowUpAsync(new NewFollowUp(Smiths, "No contact with Ben for a month"), Commissioner, Ct);
    }

    /// <summary>
    /// A move between stores as the move command makes it, through the ports alone: the network in pieces into the
    /// target's bulk import, then the source's audit entries beyond as many as the target already holds.
    /// </summary>
    private static async Task CopyAsync(TStore source, INetworkBulkImport target, TStore targetStore)
    {
        await target.ImportAsync(source.ExportAsync(4, Ct), null, Ct);
        var held = (await targetStore.CountAsync(Ct)).AuditEntries;
        var missing = (await ToListAsync(source.ExportAuditAsync(3, Ct))).SelectMany(p => p).Skip((int)held).ToList();
        await targetStore.AppendAuditAsync(missing, Ct);
    }

    /// <summary>What name searches find, as each of two practitioners (one of them in the shielded client's team).</summary>
    private static async Task<string> SearchesAsync(TStore store)
    {
        var found = new List<string>();
        foreach (var (query, practitioner) in new[] { ("smith", Sam), ("jones", Yara), ("jones", Sam), ("ruth newman", Tom), ("zo", Nina) })
        {
            var matches = await store.SearchClientsAsync(new ClientSearch(query, null, 20, practitioner), Ct);
            found.Add($"{query}/{practitioner}: {System.Text.Json.JsonSerializer.Serialize(matches)}");
        }
        return string.Join("\n", found);
    }

    private static async IAsyncEnumerable<NetworkSnapshot> OnePiece(NetworkSnapshot piece)
    {
        await Task.Yield();
        yield return piece;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }
}
