using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Domain.Tests.Changes;

/// <summary>
/// The transaction port as the changes see it, recording each call in order: the records it is given to read, and
/// what each change asked for. Not a store (nothing here decides anything); the contract suite runs the same changes
/// on both real stores.
/// </summary>
internal sealed class RecordingTransaction : IWriteTransaction, IWriteStore
{
    public List<string> Calls { get; } = [];
    public Dictionary<string, Client> Clients { get; } = [];
    public Dictionary<string, Family> Families { get; } = [];
    public Dictionary<string, PractitionerAccount> Accounts { get; } = [];
    public Dictionary<string, Agency> Agencies { get; } = [];
    public Dictionary<string, Visit> Visits { get; } = [];
    public List<Involvement> Involvements { get; } = [];
    public HashSet<string> SubjectsInUse { get; } = [];
    public FollowUpCandidates Candidates { get; set; } = new([], [], []);

    /// <summary>Whether ending an involvement finds it still there (another change may have ended it first).</summary>
    public bool EndFindsInvolvement { get; set; } = true;

    public IReadOnlyList<string> EndedClients { get; set; } = [];
    public long CancelledVisits { get; set; }

    public List<object> Written { get; } = [];
    public List<AuditEntry> Audit { get; } = [];

    public Task<T> WriteAsync<T>(Func<IWriteTransaction, Task<T>> change, CancellationToken cancellationToken) => change(this);

    private Task<T> Call<T>(string call, T result)
    {
        Calls.Add(call);
        return Task.FromResult(result);
    }

    private Task Wrote(string call, object record)
    {
        Calls.Add(call);
        Written.Add(record);
        return Task.CompletedTask;
    }

    public Task<Client?> LockClientAsync(string clientId) => Call($"LockClient {clientId}", Clients.GetValueOrDefault(clientId));
    public Task<Family?> LockFamilyAsync(string familyId) => Call($"LockFamily {familyId}", Families.GetValueOrDefault(familyId));
    public Task<PractitionerAccount?> LockPractitionerAsync(string practitionerId) =>
        Call($"LockPractitioner {practitionerId}", Accounts.GetValueOrDefault(practitionerId));
    public Task<Agency?> LockAgencyAsync(string agencyId) => Call($"LockAgency {agencyId}", Agencies.GetValueOrDefault(agencyId));
    public Task<Visit?> LockVisitAsync(string visitId) => Call($"LockVisit {visitId}", Visits.GetValueOrDefault(visitId));

    public Task<Involvement?> FindCurrentInvolvementAsync(string practitionerId, string clientId) =>
        Call($"FindCurrentInvolvement {practitionerId} {clientId}",
            Involvements.FirstOrDefault(i => i.PractitionerId == practitionerId && i.ClientId == clientId && i.EndedOn is null));

    public Task<IReadOnlyList<string>> GetAgencyNamesAsync() =>
        Call("GetAgencyNames", (IReadOnlyList<string>)[.. Agencies.Values.Select(a => a.Name)]);

    public Task<bool> IsSubjectInUseAsync(string subject) => Call($"IsSubjectInUse {subject}", SubjectsInUse.Contains(subject));

    public Task<FollowUpCandidates> GetFollowUpCandidatesAsync(string familyId, IReadOnlyCollection<AgencyKind> leadKinds) =>
        Call($"GetFollowUpCandidates {familyId} {string.Join(",", leadKinds)}", Candidates);

    public Task InsertClientAsync(Client client) => Wrote("InsertClient", client);
    public Task InsertFamilyAsync(Family family) => Wrote("InsertFamily", family);
    public Task SetFamilyAsync(string clientId, string familyId, string relationship) =>
        Wrote($"SetFamily {clientId} {familyId} {relationship}", (clientId, familyId, relationship));
    public Task InsertInvolvementAsync(Involvement involvement) => Wrote("InsertInvolvement", involvement);

    public Task<bool> EndInvolvementAsync(string practitionerId, string clientId, DateTimeOffset at, string reason) =>
        Call($"EndInvolvement {practitionerId} {clientId} {at:O} {reason}", EndFindsInvolvement);

    public Task<IReadOnlyList<string>> EndEveryInvolvementAsync(string practitionerId, DateTimeOffset at, string reason) =>
        Call($"EndEveryInvolvement {practitionerId} {at:O} {reason}", EndedClients);

    public Task<long> CancelPlannedVisitsAsync(string practitionerId, string? clientId) =>
        Call($"CancelPlannedVisits {practitionerId} {clientId ?? "(anyone)"}", CancelledVisits);

    public Task InsertVisitAsync(Visit visit)
    {
        Visits[visit.Id] = visit with { Restricted = Involvements.Any(i => i.PractitionerId == visit.PractitionerId && i.ClientId == visit.ClientId && i.Restricted) };
        return Wrote("InsertVisit", visit);
    }

    public Task CompleteVisitAsync(string visitId, DateTimeOffset completedAt, VisitMode mode)
    {
        Visits[visitId] = Visits[visitId] with { Status = VisitStatus.Completed, CompletedAt = completedAt, Mode = mode };
        return Wrote($"CompleteVisit {visitId} {completedAt:O} {mode}", visitId);
    }

    public Task CancelVisitAsync(string visitId) => Wrote($"CancelVisit {visitId}", visitId);
    public Task SetContactDetailsAsync(string practitionerId, ContactDetails details) => Wrote($"SetContactDetails {practitionerId}", details);
    public Task InsertAgencyAsync(Agency agency) => Wrote("InsertAgency", agency);
    public Task SetAgreementAsync(string agencyId, DataSharingAgreement agreement) => Wrote($"SetAgreement {agencyId}", agreement);
    public Task InsertPractitionerAsync(Practitioner practitioner) => Wrote("InsertPractitioner", practitioner);
    public Task MarkLeftAsync(string practitionerId) => Wrote($"MarkLeft {practitionerId}", practitionerId);
    public Task InsertFollowUpAsync(FollowUpRequest followUp) => Wrote("InsertFollowUp", followUp);

    public Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries)
    {
        Calls.Add("AppendAudit");
        Audit.AddRange(entries);
        return Task.CompletedTask;
    }
}
