using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Administration: onboarding agencies under their data-sharing agreement, their practitioners, and recording
// that a practitioner has left.
public sealed partial class SqliteNetworkStore
{
    private const string AgencyNamesSql = "SELECT a.name FROM agency a";

    private const string SetAgreementSql = """
        UPDATE agency SET agreement_status = $status, agreement_signed_on = $signed_on, agreement_expires_on = $expires_on
        WHERE id = $id
        """;

    private const string SubjectInUseSql = "SELECT EXISTS (SELECT 1 FROM practitioner p WHERE p.subject = $subject)";

    private const string CurrentClientsOfPractitionerSql =
        "SELECT i.client_id FROM involvement i WHERE i.practitioner_id = $practitioner AND i.ended_on IS NULL " +
        "ORDER BY i.client_id";

    private const string EndEveryInvolvementSql = """
        UPDATE involvement SET ended_on = $now, end_reason = $reason
        WHERE practitioner_id = $practitioner AND ended_on IS NULL
        """;

    private const string CancelEveryPlannedVisitSql =
        "UPDATE visit SET status = 'Cancelled' WHERE practitioner_id = $practitioner AND status = 'Planned'";

    private const string MarkLeftSql = "UPDATE practitioner SET status = 'Left' WHERE id = $id";

    /// <summary>Adds an agency under its agreement. No two agencies share a name, whatever its letter case.</summary>
    public Task<Agency> OnboardAgencyAsync(NewAgency agency, Actor actor, CancellationToken cancellationToken)
    {
        var valid = agency.Validated(Today());
        var now = Now();
        return WriteAsync(async transaction =>
        {
            await RefuseIfAgencyNameTakenAsync(transaction, valid.Name, cancellationToken);
            var onboarded = new Agency(Ids.New(), valid.Name, valid.Kind, valid.DutyPhone, valid.DutyEmail,
                valid.RestrictedService, valid.Agreement);
            await ExecuteAsync(new SqliteCommand(Inserts.Agency, transaction.Connection, transaction).BindAgency(onboarded), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.OnboardedAgency(actor, now, onboarded), cancellationToken);
            return onboarded;
        }, cancellationToken);
    }

    /// <summary>Records an agency's agreement as it now stands: signed, suspended, expired or renewed.</summary>
    public Task<Agency> SetAgreementAsync(
        string agencyId, DataSharingAgreement agreement, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(agencyId, "agencyId");
        var valid = agreement.Validated(Today());
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var agency = await RequireAgencyAsync(transaction, agencyId, cancellationToken);
            await ExecuteAsync(new SqliteCommand(SetAgreementSql, transaction.Connection, transaction)
                .Bind("$id", agencyId)
                .Bind("$status", valid.Status)
                .Bind("$signed_on", valid.SignedOn)
                .Bind("$expires_on", valid.ExpiresOn), cancellationToken);
            // The entry names no client or family, so its detail says whose agreement it was.
            await AppendAsync(transaction, ChangeAudit.SetAgreement(actor, now, agency, valid.Status), cancellationToken);
            return agency with { Agreement = valid };
        }, cancellationToken);
    }

    /// <summary>Adds an active practitioner to an agency. Each identity-provider subject signs in as one person.</summary>
    public Task<Practitioner> AddPractitionerAsync(NewPractitioner practitioner, Actor actor, CancellationToken cancellationToken)
    {
        var valid = practitioner.Validated();
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var agency = await RequireAgencyAsync(transaction, valid.AgencyId, cancellationToken);
            if (await ExistsAsync(new SqliteCommand(SubjectInUseSql, transaction.Connection, transaction)
                    .Bind("$subject", valid.Subject), cancellationToken))
            {
                throw PatchworkException.Conflict("A practitioner already signs in with this subject.");
            }
            var added = new Practitioner(Ids.New(), agency.Id, valid.Name, valid.Role, valid.Email, valid.Mobile,
                valid.Landline, valid.PreferredContact, PractitionerStatus.Active, valid.Subject);
            await ExecuteAsync(new SqliteCommand(Inserts.Practitioner, transaction.Connection, transaction).BindPractitioner(added), cancellationToken);
            await AppendAsync(transaction, ChangeAudit.AddedPractitioner(actor, now, added, agency), cancellationToken);
            return added;
        }, cancellationToken);
    }

    /// <summary>
    /// Marks a practitioner as left. Each of their current involvements ends now with the reason
    /// "Left &lt;agency&gt;", which is how every team they were in is told, and every visit they still had planned
    /// is cancelled. The trail gets the change itself and, per client, the team the practitioner left.
    /// </summary>
    public Task<Practitioner> RecordPractitionerLeftAsync(string practitionerId, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(practitionerId, "practitionerId");
        var now = Now();
        return WriteAsync(async transaction =>
        {
            var practitioner = await RequirePractitionerAsync(transaction, practitionerId, cancellationToken);
            if (practitioner.Status == PractitionerStatus.Left)
            {
                throw PatchworkException.Conflict($"Practitioner '{practitionerId}' has already left.");
            }
            var agency = await RequireAgencyOfAsync(transaction, practitionerId, cancellationToken);
            var reason = $"Left {agency.Name}";
            List<string> clientIds;
            await using (var current = new SqliteCommand(CurrentClientsOfPractitionerSql, transaction.Connection, transaction)
                .Bind("$practitioner", practitionerId))
            {
                clientIds = await ReadAllAsync(current, r => r.GetString(0), cancellationToken);
            }
            await ExecuteAsync(new SqliteCommand(EndEveryInvolvementSql, transaction.Connection, transaction)
                .Bind("$practitioner", practitionerId)
                .Bind("$now", now)
                .Bind("$reason", reason), cancellationToken);
            var cancelled = await ExecuteAsync(new SqliteCommand(CancelEveryPlannedVisitSql, transaction.Connection, transaction)
                .Bind("$practitioner", practitionerId), cancellationToken);
            await ExecuteAsync(new SqliteCommand(MarkLeftSql, transaction.Connection, transaction)
                .Bind("$id", practitionerId), cancellationToken);
            foreach (var entry in ChangeAudit.PractitionerLeft(actor, now, practitioner, reason, clientIds, cancelled))
            {
                await AppendAsync(transaction, entry, cancellationToken);
            }
            return practitioner with { Status = PractitionerStatus.Left };
        }, cancellationToken);
    }

    // SQLite's NOCASE folds only ASCII letters. Agencies are few (a county has tens), so their names are compared
    // here, with full Unicode case folding, under the write lock that makes the check and the insert one step.
    private static async Task RefuseIfAgencyNameTakenAsync(
        SqliteTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var names = new SqliteCommand(AgencyNamesSql, transaction.Connection, transaction);
        var taken = (await ReadAllAsync(names, r => r.GetString(0), cancellationToken))
            .FirstOrDefault(existing => string.Equals(existing, name, StringComparison.OrdinalIgnoreCase));
        if (taken is not null)
        {
            throw PatchworkException.Conflict($"An agency called '{taken}' is already onboarded.");
        }
    }
}
