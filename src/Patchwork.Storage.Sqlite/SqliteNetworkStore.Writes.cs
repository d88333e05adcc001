using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using Patchwork.Storage.Sqlite.Sql;
using static Patchwork.Storage.Sqlite.Sql.Statements;

namespace Patchwork.Storage.Sqlite;

// The plain reads and writes every change is made of (the changes themselves are in NetworkChanges). A write holds
// the file's one write lock from its first statement, so a lock here is a plain read.
public sealed partial class SqliteNetworkStore : IWriteStore
{
    /// <summary>Runs a change in one IMMEDIATE transaction; it commits only if the change returns normally.</summary>
    public async Task<T> WriteAsync<T>(Func<IWriteTransaction, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await change(new WriteTransaction(_sql, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private sealed class WriteTransaction(SqlCatalogue sql, SqliteTransaction transaction, CancellationToken cancellationToken)
        : IWriteTransaction
    {
        public Task<Client?> LockClientAsync(string clientId) => SingleAsync(LockClient, ClientRow.From, ("$id", clientId));

        public Task<Family?> LockFamilyAsync(string familyId) => SingleAsync(LockFamily, FamilyRow.From, ("$id", familyId));

        public Task<PractitionerAccount?> LockPractitionerAsync(string practitionerId) =>
            SingleAsync(LockPractitioner, PractitionerAccountRow.From,
                ("$id", practitionerId));

        public Task<Agency?> LockAgencyAsync(string agencyId) => SingleAsync(LockAgency, AgencyRow.From, ("$id", agencyId));

        public Task<Visit?> LockVisitAsync(string visitId) => SingleAsync(VisitById, VisitRow.From, ("$id", visitId));

        public Task<Involvement?> FindCurrentInvolvementAsync(string practitionerId, string clientId) =>
            SingleAsync(CurrentInvolvement, InvolvementRow.From, ("$practitioner", practitionerId), ("$client", clientId));

        public async Task<IReadOnlyList<string>> GetAgencyNamesAsync()
        {
            await using var names = Command(AgencyNames);
            return await ReadAllAsync(names, TextColumn.Named("name"), cancellationToken);
        }

        public async Task<bool> IsSubjectInUseAsync(string subject) =>
            await ExistsAsync(Command(SubjectInUse).Bind("$subject", subject), cancellationToken);

        public async Task<FollowUpCandidates> GetFollowUpCandidatesAsync(string familyId, IReadOnlyCollection<AgencyKind> leadKinds)
        {
            await using var query = Command(FollowUpRecipients)
                .Bind("$family", familyId)
                .Bind("$lead_kinds", leadKinds.Select(k => k.ToString()).ToList());
            var rows = await ReadAllAsync(query, ReadCandidate, cancellationToken);
            List<Agency> On(string list) => [.. rows.Where(r => r.List == list).Select(r => r.Agency)];
            return new FollowUpCandidates(On("Team"), On("Worked"), On("Lead"));
        }

        public async Task InsertClientAsync(Client client)
        {
            await RunAsync(Command(InsertClient).BindClient(client));
            await RunAsync(Command(IndexClientName).Bind("$id", client.Id));
        }

        public Task InsertFamilyAsync(Family family) => RunAsync(Command(InsertFamily).BindFamily(family));

        public Task SetFamilyAsync(string clientId, string familyId, string relationship) =>
            RunAsync(Command(SetFamily).Bind("$id", clientId).Bind("$family_id", familyId).Bind("$relationship", relationship));

        public Task InsertInvolvementAsync(Involvement involvement) => RunAsync(Command(InsertInvolvement).BindInvolvement(involvement));

        public async Task<bool> EndInvolvementAsync(string practitionerId, string clientId, DateTimeOffset at, string reason) =>
            await RunAsync(Command(EndInvolvement)
                .Bind("$practitioner", practitionerId)
                .Bind("$client", clientId)
                .Bind("$now", at)
                .Bind("$reason", reason)) > 0;

        public async Task<IReadOnlyList<string>> EndEveryInvolvementAsync(string practitionerId, DateTimeOffset at, string reason)
        {
            await using var ended = Command(EndEveryInvolvement)
                .Bind("$practitioner", practitionerId)
                .Bind("$now", at)
                .Bind("$reason", reason);
            return (await ReadAllAsync(ended, TextColumn.Named("client_id"), cancellationToken)).Order(StringComparer.Ordinal).ToList();
        }

        public async Task<long> CancelPlannedVisitsAsync(string practitionerId, string? clientId) =>
            await RunAsync(Command(CancelPlannedVisits).Bind("$practitioner", practitionerId).Bind("$client", clientId));

        public Task InsertVisitAsync(Visit visit) => RunAsync(Command(InsertVisit).BindVisit(visit));

        public Task CompleteVisitAsync(string visitId, DateTimeOffset completedAt, VisitMode mode) =>
            RunAsync(Command(CompleteVisit).Bind("$id", visitId).Bind("$completed_at", completedAt).Bind("$mode", mode));

        public Task CancelVisitAsync(string visitId) => RunAsync(Command(CancelVisit).Bind("$id", visitId));

        public Task SetContactDetailsAsync(string practitionerId, ContactDetails details) => RunAsync(Command(SetContactDetails)
            .Bind("$id", practitionerId)
            .Bind("$email", details.Email)
            .Bind("$mobile", details.Mobile)
            .Bind("$landline", details.Landline)
            .Bind("$preferred", details.PreferredContact));

        public Task InsertAgencyAsync(Agency agency) => RunAsync(Command(InsertAgency).BindAgency(agency));

        public Task SetAgreementAsync(string agencyId, DataSharingAgreement agreement) => RunAsync(Command(SetAgreement)
            .Bind("$id", agencyId)
            .Bind("$status", agreement.Status)
            .Bind("$signed_on", agreement.SignedOn)
            .Bind("$expires_on", agreement.ExpiresOn));

        public Task InsertPractitionerAsync(Practitioner practitioner) => RunAsync(Command(InsertPractitioner).BindPractitioner(practitioner));

        public Task MarkLeftAsync(string practitionerId) => RunAsync(Command(MarkLeft).Bind("$id", practitionerId));

        public async Task InsertFollowUpAsync(FollowUpRequest followUp)
        {
            await RunAsync(Command(InsertFollowUp).BindFollowUp(followUp));
            await RunAsync(Command(InsertFollowUpDuty).BindFollowUp(followUp));
        }

        public async Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries)
        {
            foreach (var entry in entries)
            {
                await RunAsync(Command(AppendAudit).BindAudit(entry));
            }
        }

        private SqliteCommand Command(Statement statement) => sql.Command(statement, transaction.Connection!, transaction);

        // An agency under the list it is on (Team, Worked or Lead).
        private static Func<SqliteDataReader, (string List, Agency Agency)> ReadCandidate(SqliteDataReader result)
        {
            var list = result.GetOrdinal("list");
            var agency = new AgencyRow(result);
            return row => (row.GetString(list), agency.Read(row));
        }

        private Task<int> RunAsync(SqliteCommand command) => ExecuteAsync(command, cancellationToken);

        private Task<T?> SingleAsync<T>(Statement statement, RowReader<T> read, params (string Name, object? Value)[] values)
            where T : class
        {
            var command = Command(statement);
            foreach (var (name, value) in values)
            {
                command.Bind(name, value);
            }
            return SingleOrDefaultAsync(command, read, cancellationToken);
        }
    }
}
