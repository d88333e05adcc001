using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using Patchwork.Storage.Neo4j.Http;
using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// The plain reads and writes every change is made of (the changes themselves are in NetworkChanges), each one
// statement under cypher/ run in the change's explicit transaction. A lock statement bumps the node's revision,
// which takes its write lock until the transaction ends.
public sealed partial class Neo4jNetworkStore : IWriteStore
{
    /// <summary>
    /// Runs a change in one explicit transaction. A uniqueness constraint that refuses the change (two writers
    /// racing for the same subject or agency name) is a CONFLICT, as the checks inside the change would have said.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<IWriteTransaction, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            return await _client.InTransactionAsync(t => change(new WriteTransaction(new Transaction(t, _cypher, cancellationToken))),
                cancellationToken);
        }
        catch (Neo4jException e) when (e.Code == Neo4jException.ConstraintValidationFailed)
        {
            throw PatchworkException.Conflict("Another change made the same thing at the same moment; nothing was changed.");
        }
    }

    private sealed class WriteTransaction(Transaction tx) : IWriteTransaction
    {
        public async Task<Client?> LockClientAsync(string clientId) =>
            await tx.SingleAsync(LockClient, "client", ("id", clientId)) is { } found ? Records.Client(found) : null;

        public async Task<Family?> LockFamilyAsync(string familyId) =>
            await tx.SingleAsync(LockFamily, "family", ("id", familyId)) is { } found ? Records.Family(found) : null;

        public async Task<PractitionerAccount?> LockPractitionerAsync(string practitionerId) =>
            (await tx.RunAsync(LockPractitioner, ("id", practitionerId))).Values.SingleOrDefault() is { } found
                ? new PractitionerAccount(Records.Practitioner(Map(found[0])), Records.Agency(Map(found[1])))
                : null;

        public async Task<Agency?> LockAgencyAsync(string agencyId) =>
            await tx.SingleAsync(LockAgency, "agency", ("id", agencyId)) is { } found ? Records.Agency(found) : null;

        public async Task<Visit?> LockVisitAsync(string visitId) =>
            await tx.SingleAsync(LockVisit, "visit", ("id", visitId)) is { } found ? Records.Visit(found) : null;

        public async Task<Involvement?> FindCurrentInvolvementAsync(string practitionerId, string clientId) =>
            await tx.SingleAsync(CurrentInvolvement, "involvement", ("practitionerId", practitionerId), ("clientId", clientId)) is { } found
                ? Records.Involvement(found)
                : null;

        public async Task<IReadOnlyList<string>> GetAgencyNamesAsync() => [.. (await tx.RunAsync(AgencyNames)).Column<string>("name")];

        public async Task<bool> IsSubjectInUseAsync(string subject) =>
            (await tx.RunAsync(SubjectInUse, ("subject", subject))).Column<bool>("inUse").Single();

        public async Task<FollowUpCandidates> GetFollowUpCandidatesAsync(string familyId, IReadOnlyCollection<AgencyKind> leadKinds)
        {
            var recipients = (await tx.RunAsync(FollowUpRecipients, ("familyId", familyId),
                ("leadKinds", leadKinds.Select(k => k.ToString()).ToList()))).Rows().Single();
            List<Agency> Agencies(string field) => [.. ((IEnumerable<object?>)recipients[field]!).Select(a => Records.Agency(Map(a)))];
            return new FollowUpCandidates(Agencies("team"), Agencies("worked"), Agencies("leads"));
        }

        public Task InsertClientAsync(Client client) => tx.RunAsync(InsertClient, ("client", Records.Map(client)));

        public Task InsertFamilyAsync(Family family) => tx.RunAsync(InsertFamily, ("family", Records.Map(family)));

        public Task SetFamilyAsync(string clientId, string familyId, string relationship) =>
            tx.RunAsync(SetFamily, ("familyId", familyId), ("clientId", clientId), ("relationship", relationship));

        public Task InsertInvolvementAsync(Involvement involvement) => tx.RunAsync(InsertInvolvement,
            ("practitionerId", involvement.PractitionerId), ("clientId", involvement.ClientId), ("since", involvement.Since),
            ("reason", involvement.Reason), ("restricted", involvement.Restricted));

        public async Task<bool> EndInvolvementAsync(string practitionerId, string clientId, DateTimeOffset at, string reason) =>
            (await tx.RunAsync(EndInvolvement, ("practitionerId", practitionerId), ("clientId", clientId), ("now", at),
                ("reason", reason))).Column<long>("ended").Single() > 0;

        public async Task<IReadOnlyList<string>> EndEveryInvolvementAsync(string practitionerId, DateTimeOffset at, string reason)
        {
            var ended = (await tx.RunAsync(EndEveryInvolvement, ("id", practitionerId), ("now", at), ("reason", reason))).Values.Single();
            return [.. ((List<object?>)ended[0]!).Cast<string>().Order(StringComparer.Ordinal)];
        }

        public async Task<long> CancelPlannedVisitsAsync(string practitionerId, string? clientId) =>
            (await tx.RunAsync(CancelPlannedVisits, ("practitionerId", practitionerId), ("clientId", clientId)))
                .Column<long>("cancelled").SingleOrDefault();

        public Task InsertVisitAsync(Visit visit) => tx.RunAsync(InsertVisit, ("visit", Records.Map(visit)));

        public Task CompleteVisitAsync(string visitId, DateTimeOffset completedAt, VisitMode mode) =>
            tx.RunAsync(CompleteVisit, ("id", visitId), ("completedAt", completedAt), ("mode", mode));

        public Task CancelVisitAsync(string visitId) => tx.RunAsync(CancelVisit, ("id", visitId));

        public Task SetContactDetailsAsync(string practitionerId, ContactDetails details) => tx.RunAsync(SetContactDetails,
            ("id", practitionerId), ("email", details.Email), ("mobile", details.Mobile), ("landline", details.Landline),
            ("preferredContact", details.PreferredContact));

        public Task InsertAgencyAsync(Agency agency) => tx.RunAsync(InsertAgency, ("agency", Records.Map(agency)));

        public Task SetAgreementAsync(string agencyId, DataSharingAgreement agreement) => tx.RunAsync(SetAgreement,
            ("id", agencyId), ("status", agreement.Status), ("signedOn", agreement.SignedOn), ("expiresOn", agreement.ExpiresOn));

        public Task InsertPractitionerAsync(Practitioner practitioner) =>
            tx.RunAsync(InsertPractitioner, ("practitioner", Records.Map(practitioner)));

        public Task MarkLeftAsync(string practitionerId) => tx.RunAsync(MarkLeft, ("id", practitionerId));

        public Task InsertFollowUpAsync(FollowUpRequest followUp) => tx.RunAsync(InsertFollowUp, ("followUp", Records.Map(followUp)));

        public Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries) => tx.RunAsync(AppendAudit, AuditRows(entries));
    }

    /// <summary>The append statement's parameter: each entry with its place in the trail's order.</summary>
    private static (string, object?) AuditRows(IEnumerable<AuditEntry> entries) =>
        ("entries", entries.Select(e => Records.Map(e, AuditSequence.Next())).ToList());
}
