using System.Text.Json;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

/// <summary>
/// The behaviour every store must show, written against its ports alone so the same tests run unchanged against
/// each adapter; changes go through <see cref="NetworkChanges"/>, as the API makes them. A subclass supplies a fresh, empty, initialised store per test that
/// reads its clock from <see cref="Time"/>.
/// </summary>
public abstract partial class NetworkStoreContract<TStore>
    where TStore : IDirectoryReads, IBatchReads, IPractitionerQueries, IReach, IAuditTrail, IWriteStore, INetworkReports, INetworkExport, INetworkBulkImport, IStoreLifecycle
{
    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>The store's clock; fixed at <see cref="TestNetwork.Now"/> unless a test moves it.</summary>
    protected FixedTimeProvider Time { get; } = new(TestNetwork.Now);

    protected abstract Task<TStore> CreateStoreAsync();

    /// <summary>Every change, made as the API makes it: through the domain's one write path, on this store.</summary>
    protected NetworkChanges Changes(IWriteStore store) => new(store, Time);

    /// <summary>A fresh store holding the test network.</summary>
    protected async Task<TStore> NetworkAsync()
    {
        var store = await CreateStoreAsync();
        await store.ImportAsync(Build(), Ct);
        return store;
    }

    protected static NetworkSnapshot Snapshot { get; } = Build();

    protected static Practitioner PractitionerRecord(string id) => Snapshot.Practitioners.Single(p => p.Id == id);

    protected static Agency AgencyRecord(string id) => Snapshot.Agencies.Single(a => a.Id == id);

    protected static Client ClientRecord(string id) => Snapshot.Clients.Single(c => c.Id == id);

    protected static Family FamilyRecord(string id) => Snapshot.Families.Single(f => f.Id == id);

    /// <summary>The ids a reach query returned, in order, to compare with the expected ones.</summary>
    protected static IEnumerable<string> Ids<T>(IReadOnlyDictionary<string, T> records) => records.Keys.Order(StringComparer.Ordinal);

    protected static Visit VisitRecord(string id) => Snapshot.Visits.Single(v => v.Id == id);

    /// <summary>A team member as a comparable line: who, which clients, since, last, next, restricted.</summary>
    protected static string Line(TeamMember m) =>
        Line(m.Practitioner.Id, [.. m.Supports.Select(c => c.Id)], m.Since, m.LastContactAt, m.NextVisitAt, m.Restricted);

    protected static string Line(string practitionerId, string[] supports, DateTimeOffset since,
        DateTimeOffset? last, DateTimeOffset? next, bool restricted = false) =>
        $"{practitionerId} [{string.Join(",", supports)}] since {since:O} " +
        $"last {last?.ToString("O") ?? "-"} next {next?.ToString("O") ?? "-"}" +
        (restricted ? " restricted" : "");

    protected static async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(IAuditTrail store) =>
        await store.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 500), Ct);

    /// <summary>A team change as a comparable line: what, who, when, why, restricted.</summary>
    protected static string ChangeLine(TeamChange c) => ChangeLine(c.Kind, c.Practitioner.Id, c.At, c.Reason, c.Restricted);

    protected static string ChangeLine(TeamChangeKind kind, string practitionerId, DateTimeOffset at, string reason,
        bool restricted = false) =>
        $"{kind} {practitionerId} at {at:O} '{reason}'" + (restricted ? " restricted" : "");

    /// <summary>
    /// Asserts that a write fails with the given code and that nothing anyone can read has changed:
    /// not the nodes, not the teams or how they changed, not the visits, the follow-ups, nor the audit trail.
    /// </summary>
    protected static async Task AssertRejectedAsync(TStore store, ErrorCode code, Func<Task> write)
    {
        var before = await ObservableStateAsync(store);
        var error = await Assert.ThrowsAsync<PatchworkException>(write);
        Assert.Equal(code, error.Code);
        Assert.Equal(before, await ObservableStateAsync(store));
    }

    /// <summary>Everything the port can show about the test network, as one comparable text.</summary>
    private static async Task<string> ObservableStateAsync(TStore store)
    {
        var visits = new List<Visit?>();
        foreach (var id in VisitIds)
        {
            visits.Add(await store.GetVisitAsync(id, Ct));
        }
        var myClients = new List<IReadOnlyList<Client>>();
        foreach (var id in PractitionerIds)
        {
            myClients.Add(await store.GetMyClientsAsync(id, Ct));
        }
        var state = new
        {
            Agencies = await store.GetAgenciesAsync(Ct),
            Practitioners = Sorted(await store.GetPractitionersAsync(PractitionerIds, Ct)),
            Clients = Sorted(await store.GetClientsAsync(ClientIds, Ct)),
            Families = Sorted(await store.GetFamiliesAsync([Smiths], Ct)),
            Members = Flat(await store.GetFamilyMembersAsync([Smiths], Ct)),
            ClientTeams = Flat(await store.GetClientTeamsAsync(ClientIds, Ct)),
            FamilyTeams = Flat(await store.GetFamilyTeamsAsync([Smiths], Ct)),
            Upcoming = Flat(await store.GetUpcomingVisitsAsync(ClientIds, 100, Ct)),
            Recent = Flat(await store.GetRecentContactsAsync(ClientIds, 100, Ct)),
            Visits = visits,
            MyClients = myClients,
            TeamChanges = Flat(await store.GetTeamChangesAsync(ClientIds, DateTimeOffset.MinValue, Ct)),
            FollowUps = await FollowUpsAsync(store),
            Audit = await AuditTrailAsync(store),
        };
        return JsonSerializer.Serialize(state);
    }

    private static List<T> Sorted<T>(IReadOnlyDictionary<string, T> byId) =>
        [.. byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];

    private static List<KeyValuePair<string, T>> Flat<T>(IReadOnlyDictionary<string, IReadOnlyList<T>> batch) =>
        [.. batch.OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Value.Select(v => KeyValuePair.Create(g.Key, v)))];
}
