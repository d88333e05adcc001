using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Patchwork.Changes;

namespace Patchwork.Storage.Sqlite;

// The plain reads and writes every change is made of (the changes themselves are in NetworkChanges). A write holds
// the file's one write lock from its first statement, so a lock here is a plain read.
public sealed partial class SqliteNetworkStore : IWriteStore
{
    // Who the request could go to, each agency in full under the list it is on: the family's current team, every
    // agency that ever worked with a member, and the lead agencies. The domain chooses among them.
    private const string CandidatesSql =
        "SELECT 'Team', " + AgencyRow.Columns + " FROM client m " +
        "JOIN involvement i ON i.client_id = m.id AND i.ended_on IS NULL " +
        "JOIN practitioner p ON p.id = i.practitioner_id JOIN agency a ON a.id = p.agency_id WHERE m.family_id = $family " +
        "UNION SELECT 'Worked', " + AgencyRow.Columns + " FROM client m JOIN involvement i ON i.client_id = m.id " +
        "JOIN practitioner p ON p.id = i.practitioner_id JOIN agency a ON a.id = p.agency_id WHERE m.family_id = $family " +
        "UNION SELECT 'Lead', " + AgencyRow.Columns + " FROM agency a WHERE a.kind IN (SELECT value FROM json_each($lead_kinds))";

    private const string ClientByIdSql = "SELECT " + ClientRow.Columns + " FROM client c WHERE c.id = $id";

    private const string FamilyByIdSql = "SELECT " + FamilyRow.Columns + " FROM family f WHERE f.id = $id";

    private const string AccountByIdSql =
        "SELECT " + PractitionerRow.Columns + ", " + AgencyRow.Columns + " FROM practitioner p " +
        "JOIN agency a ON a.id = p.agency_id WHERE p.id = $id";

    private const string AgencyByIdSql = "SELECT " + AgencyRow.Columns + " FROM agency a WHERE a.id = $id";

    private const string CurrentInvolvementSql =
        "SELECT " + InvolvementRow.Columns + " FROM involvement i " +
        "WHERE i.practitioner_id = $practitioner AND i.client_id = $client AND i.ended_on IS NULL";

    private const string AgencyNamesSql = "SELECT a.name FROM agency a";

    private const string SubjectInUseSql = "SELECT EXISTS (SELECT 1 FROM practitioner p WHERE p.subject = $subject)";

    private const string SetFamilySql =
        "UPDATE client SET family_id = $family_id, family_relationship = $relationship WHERE id = $id";

    private const string EndInvolvementSql = """
        UPDATE involvement SET ended_on = $now, end_reason = $reason
        WHERE practitioner_id = $practitioner AND client_id = $client AND ended_on IS NULL
        """;

    private const string EndEveryInvolvementSql = """
        UPDATE involvement SET ended_on = $now, end_reason = $reason
        WHERE practitioner_id = $practitioner AND ended_on IS NULL
        RETURNING client_id
        """;

    private const string CancelPlannedVisitsSql = """
        UPDATE visit SET status = 'Cancelled'
        WHERE practitioner_id = $practitioner AND ($client IS NULL OR client_id = $client) AND status = 'Planned'
        """;

    private const string CompleteVisitSql =
        "UPDATE visit SET status = 'Completed', completed_at = $completed_at, mode = $mode WHERE id = $id";

    private const string CancelVisitSql = "UPDATE visit SET status = 'Cancelled' WHERE id = $id";

    private const string SetContactDetailsSql = """
        UPDATE practitioner SET email = $email, mobile = $mobile, landline = $landline, preferred_contact = $preferred
        WHERE id = $id
        """;

    private const string SetAgreementSql = """
        UPDATE agency SET agreement_status = $status, agreement_signed_on = $signed_on, agreement_expires_on = $expires_on
        WHERE id = $id
        """;

    private const string MarkLeftSql = "UPDATE practitioner SET status = 'Left' WHERE id = $id";

    /// <summary>Runs a change in one IMMEDIATE transaction; it commits only if the change returns normally.</summary>
    public async Task<T> WriteAsync<T>(Func<IWriteTransaction, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await change(new WriteTransaction(transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private sealed class WriteTransaction(SqliteTransaction transaction, CancellationToken cancellationToken) : IWriteTransaction
    {
        public Task<Client?> LockClientAsync(string clientId) => SingleAsync(ClientByIdSql, r => ClientRow.Read(r), ("$id", clientId));

        public Task<Family?> LockFamilyAsync(string familyId) => SingleAsync(FamilyByIdSql, r => FamilyRow.Read(r), ("$id", familyId));

        public Task<PractitionerAccount?> LockPractitionerAsync(string practitionerId) =>
            SingleAsync(AccountByIdSql, r => new PractitionerAccount(PractitionerRow.Read(r), AgencyRow.Read(r, PractitionerRow.Width)),
                ("$id", practitionerId));

        public Task<Agency?> LockAgencyAsync(string agencyId) => SingleAsync(AgencyByIdSql, r => AgencyRow.Read(r), ("$id", agencyId));

        public Task<Visit?> LockVisitAsync(string visitId) => SingleAsync(VisitByIdSql, r => VisitRow.Read(r), ("$id", visitId));

        public Task<Involvement?> FindCurrentInvolvementAsync(string practitionerId, string clientId) =>
            SingleAsync(CurrentInvolvementSql, r => InvolvementRow.Read(r), ("$practitioner", practitionerId), ("$client", clientId));

        public async Task<IReadOnlyList<string>> GetAgencyNamesAsync()
        {
            await using var names = Command(AgencyNamesSql);
            return await ReadAllAsync(names, r => r.GetString(0), cancellationToken);
        }

        public async Task<bool> IsSubjectInUseAsync(string subject) =>
            await ExistsAsync(Command(SubjectInUseSql).Bind("$subject", subject), cancellationToken);

        public async Task<FollowUpCandidates> GetFollowUpCandidatesAsync(string familyId, IReadOnlyCollection<AgencyKind> leadKinds)
        {
            await using var query = Command(CandidatesSql)
                .Bind("$family", familyId)
                .Bind("$lead_kinds", leadKinds.Select(k => k.ToString()).ToList());
            var rows = await ReadAllAsync(query, r => (List: r.GetString(0), Agency: AgencyRow.Read(r, 1)), cancellationToken);
            List<Agency> On(string list) => [.. rows.Where(r => r.List == list).Select(r => r.Agency)];
            return new FollowUpCandidates(On("Team"), On("Worked"), On("Lead"));
        }

        public async Task InsertClientAsync(Client client)
        {
            await RunAsync(Command(Inserts.Client).BindClient(client));
            await RunAsync(Command(Inserts.ClientNamesById).Bind("$id", client.Id));
        }

        public Task InsertFamilyAsync(Family family) => RunAsync(Command(Inserts.Family).BindFamily(family));

        public Task SetFamilyAsync(string clientId, string familyId, string relationship) =>
            RunAsync(Command(SetFamilySql).Bind("$id", clientId).Bind("$family_id", familyId).Bind("$relationship", relationship));

        public Task InsertInvolvementAsync(Involvement involvement) => RunAsync(Command(Inserts.Involvement).BindInvolvement(involvement));

        public async Task<bool> EndInvolvementAsync(string practitionerId, string clientId, DateTimeOffset at, string reason) =>
            await RunAsync(Command(EndInvolvementSql)
                .Bind("$practitioner", practitionerId)
                .Bind("$client", clientId)
                .Bind("$now", at)
                .Bind("$reason", reason)) > 0;

        public async Task<IReadOnlyList<string>> EndEveryInvolvementAsync(string practitionerId, DateTimeOffset at, string reason)
        {
            await using var ended = Command(EndEveryInvolvementSql)
                .Bind("$practitioner", practitionerId)
                .Bind("$now", at)
                .Bind("$reason", reason);
            return (await ReadAllAsync(ended, r => r.GetString(0), cancellationToken)).Order(StringComparer.Ordinal).ToList();
        }

        public async Task<long> CancelPlannedVisitsAsync(string practitionerId, string? clientId) =>
            await RunAsync(Command(CancelPlannedVisitsSql).Bind("$practitioner", practitionerId).Bind("$client", clientId));

        public Task InsertVisitAsync(Visit visit) => RunAsync(Command(Inserts.Visit).BindVisit(visit));

        public Task CompleteVisitAsync(string visitId, DateTimeOffset completedAt, VisitMode mode) =>
            RunAsync(Command(CompleteVisitSql).Bind("$id", visitId).Bind("$completed_at", completedAt).Bind("$mode", mode));

        public Task CancelVisitAsync(string visitId) => RunAsync(Command(CancelVisitSql).Bind("$id", visitId));

        public Task SetContactDetailsAsync(string practitionerId, ContactDetails details) => RunAsync(Command(SetContactDetailsSql)
            .Bind("$id", practitionerId)
            .Bind("$email", details.Email)
            .Bind("$mobile", details.Mobile)
            .Bind("$landline", details.Landline)
            .Bind("$preferred", details.PreferredContact));

        public Task InsertAgencyAsync(Agency agency) => RunAsync(Command(Inserts.Agency).BindAgency(agency));

        public Task SetAgreementAsync(string agencyId, DataSharingAgreement agreement) => RunAsync(Command(SetAgreementSql)
            .Bind("$id", agencyId)
            .Bind("$status", agreement.Status)
            .Bind("$signed_on", agreement.SignedOn)
            .Bind("$expires_on", agreement.ExpiresOn));

        public Task InsertPractitionerAsync(Practitioner practitioner) => RunAsync(Command(Inserts.Practitioner).BindPractitioner(practitioner));

        public Task MarkLeftAsync(string practitionerId) => RunAsync(Command(MarkLeftSql).Bind("$id", practitionerId));

        public async Task InsertFollowUpAsync(FollowUpRequest followUp)
        {
            await RunAsync(Command(Inserts.FollowUp).BindFollowUp(followUp));
            await RunAsync(Command(Inserts.FollowUpDuty).BindFollowUp(followUp));
        }

        public async Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries)
        {
            foreach (var entry in entries)
            {
                await RunAsync(Command(Inserts.Audit).BindAudit(entry));
            }
        }

        [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
            Justification = "Every caller passes one of the store's SQL constants; values are bound as parameters.")]
        private SqliteCommand Command(string sql) => new(sql, transaction.Connection, transaction);

        private Task<int> RunAsync(SqliteCommand command) => ExecuteAsync(command, cancellationToken);

        private Task<T?> SingleAsync<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] values)
            where T : class
        {
            var command = Command(sql);
            foreach (var (name, value) in values)
            {
                command.Bind(name, value);
            }
            return SingleOrDefaultAsync(command, read, cancellationToken);
        }
    }
}
