using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Changes;

/// <summary>
/// The plain reads and writes a change is made of, inside one store transaction. Each store implements it with
/// its own statements and no rules: what may change, in which order things are locked, and what the trail says
/// are decided once, in <see cref="NetworkChanges"/>. A lock reads a record and, in a store that locks per
/// record, holds its write lock until the transaction ends; null means there is no such record.
/// </summary>
public interface IWriteTransaction
{
    Task<Client?> LockClientAsync(string clientId);
    Task<Family?> LockFamilyAsync(string familyId);
    /// <summary>The practitioner with the agency they work for.</summary>
    Task<PractitionerAccount?> LockPractitionerAsync(string practitionerId);
    Task<Agency?> LockAgencyAsync(string agencyId);
    /// <summary>The visit as every read shows it, restricted when any involvement of its practitioner with its client was.</summary>
    Task<Visit?> LockVisitAsync(string visitId);

    Task<Involvement?> FindCurrentInvolvementAsync(string practitionerId, string clientId);
    Task<IReadOnlyList<string>> GetAgencyNamesAsync();
    Task<bool> IsSubjectInUseAsync(string subject);
    /// <summary>Who a follow-up about the family could go to; lead agencies are those of <paramref name="leadKinds"/>.</summary>
    Task<FollowUpCandidates> GetFollowUpCandidatesAsync(string familyId, IReadOnlyCollection<AgencyKind> leadKinds);

    /// <summary>A new client, findable by name from the moment the transaction commits.</summary>
    Task InsertClientAsync(Client client);
    Task InsertFamilyAsync(Family family);
    Task SetFamilyAsync(string clientId, string familyId, string relationship);
    Task InsertInvolvementAsync(Involvement involvement);
    /// <summary>Ends the current involvement, if there still is one; says whether there was.</summary>
    Task<bool> EndInvolvementAsync(string practitionerId, string clientId, DateTimeOffset at, string reason);
    /// <summary>Ends every current involvement of the practitioner; the clients whose teams they left, in id order.</summary>
    Task<IReadOnlyList<string>> EndEveryInvolvementAsync(string practitionerId, DateTimeOffset at, string reason);
    /// <summary>Cancels the practitioner's planned visits with the client, or with anyone when <paramref name="clientId"/> is null; how many.</summary>
    Task<long> CancelPlannedVisitsAsync(string practitionerId, string? clientId);
    Task InsertVisitAsync(Visit visit);
    Task CompleteVisitAsync(string visitId, DateTimeOffset completedAt, VisitMode mode);
    Task CancelVisitAsync(string visitId);
    Task SetContactDetailsAsync(string practitionerId, ContactDetails details);
    Task InsertAgencyAsync(Agency agency);
    Task SetAgreementAsync(string agencyId, DataSharingAgreement agreement);
    Task InsertPractitionerAsync(Practitioner practitioner);
    Task MarkLeftAsync(string practitionerId);
    /// <summary>The request, and its place in each recipient agency's duty inbox when it was routed there.</summary>
    Task InsertFollowUpAsync(FollowUpRequest followUp);
    Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries);
}
