using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// The INSERT of each record, shared by the single writes and the bulk import, which prepares one command
/// per table and rebinds it for every row.
/// </summary>
internal static class Inserts
{
    public const string Agency = """
        INSERT INTO agency (id, name, kind, duty_phone, duty_email, restricted_service,
                            agreement_status, agreement_signed_on, agreement_expires_on)
        VALUES ($id, $name, $kind, $duty_phone, $duty_email, $restricted_service,
                $agreement_status, $agreement_signed_on, $agreement_expires_on)
        """;

    public const string Practitioner = """
        INSERT INTO practitioner (id, agency_id, name, role, email, mobile, landline, preferred_contact, status, subject)
        VALUES ($id, $agency_id, $name, $role, $email, $mobile, $landline, $preferred_contact, $status, $subject)
        """;

    public const string Family = "INSERT INTO family (id, name, area) VALUES ($id, $name, $area)";

    public const string Client = """
        INSERT INTO client (id, given_name, family_name, date_of_birth, address, postcode, nhs_number, shielded,
                            family_id, family_relationship)
        VALUES ($id, $given_name, $family_name, $date_of_birth, $address, $postcode, $nhs_number, $shielded,
                $family_id, $family_relationship)
        """;

    public const string Involvement = """
        INSERT INTO involvement (practitioner_id, client_id, since, reason, restricted, ended_on, end_reason)
        VALUES ($practitioner_id, $client_id, $since, $reason, $restricted, $ended_on, $end_reason)
        """;

    // A new client's names go into the search index in the same transaction as the client row.
    public const string ClientNamesById = """
        INSERT INTO client_name (rowid, given_name, family_name)
        SELECT seq, given_name, family_name FROM client WHERE id = $id
        """;

    // The names of every client added after $after, indexed in one statement at the end of an import. Clients are
    // never removed, so every new row has a larger seq than any row that was there before.
    public const string ClientNamesAfter = """
        INSERT INTO client_name (rowid, given_name, family_name)
        SELECT seq, given_name, family_name FROM client WHERE seq > $after
        """;

    public const string LastClientSeq = "SELECT coalesce(max(seq), 0) FROM client";

    // Visit.Restricted is not stored: it is derived from the involvements whenever a visit is read.
    public const string Visit = """
        INSERT INTO visit (id, client_id, practitioner_id, mode, status, scheduled_for, completed_at)
        VALUES ($id, $client_id, $practitioner_id, $mode, $status, $scheduled_for, $completed_at)
        """;

    public const string Audit = """
        INSERT INTO audit (at, subject, practitioner_id, action, client_id, family_id, reason, detail, request_id)
        VALUES ($at, $subject, $practitioner_id, $action, $client_id, $family_id, $reason, $detail, $request_id)
        """;

    public static SqliteCommand BindAgency(this SqliteCommand command, Agency agency) => command
        .Bind("$id", agency.Id)
        .Bind("$name", agency.Name)
        .Bind("$kind", agency.Kind)
        .Bind("$duty_phone", agency.DutyPhone)
        .Bind("$duty_email", agency.DutyEmail)
        .Bind("$restricted_service", agency.RestrictedService)
        .Bind("$agreement_status", agency.Agreement.Status)
        .Bind("$agreement_signed_on", agency.Agreement.SignedOn)
        .Bind("$agreement_expires_on", agency.Agreement.ExpiresOn);

    public static SqliteCommand BindPractitioner(this SqliteCommand command, Practitioner practitioner) => command
        .Bind("$id", practitioner.Id)
        .Bind("$agency_id", practitioner.AgencyId)
        .Bind("$name", practitioner.Name)
        .Bind("$role", practitioner.Role)
        .Bind("$email", practitioner.Email)
        .Bind("$mobile", practitioner.Mobile)
        .Bind("$landline", practitioner.Landline)
        .Bind("$preferred_contact", practitioner.PreferredContact)
        .Bind("$status", practitioner.Status)
        .Bind("$subject", practitioner.Subject);

    public static SqliteCommand BindFamily(this SqliteCommand command, Family family) => command
        .Bind("$id", family.Id)
        .Bind("$name", family.Name)
        .Bind("$area", family.Area);

    public static SqliteCommand BindClient(this SqliteCommand command, Client client) => command
        .Bind("$id", client.Id)
        .Bind("$given_name", client.GivenName)
        .Bind("$family_name", client.FamilyName)
        .Bind("$date_of_birth", client.DateOfBirth)
        .Bind("$address", client.Address)
        .Bind("$postcode", client.Postcode)
        .Bind("$nhs_number", client.NhsNumber)
        .Bind("$shielded", client.Shielded)
        .Bind("$family_id", client.FamilyId)
        .Bind("$family_relationship", client.FamilyRelationship);

    public static SqliteCommand BindInvolvement(this SqliteCommand command, Involvement involvement) => command
        .Bind("$practitioner_id", involvement.PractitionerId)
        .Bind("$client_id", involvement.ClientId)
        .Bind("$since", involvement.Since)
        .Bind("$reason", involvement.Reason)
        .Bind("$restricted", involvement.Restricted)
        .Bind("$ended_on", involvement.EndedOn)
        .Bind("$end_reason", involvement.EndReason);

    public static SqliteCommand BindVisit(this SqliteCommand command, Visit visit) => command
        .Bind("$id", visit.Id)
        .Bind("$client_id", visit.ClientId)
        .Bind("$practitioner_id", visit.PractitionerId)
        .Bind("$mode", visit.Mode)
        .Bind("$status", visit.Status)
        .Bind("$scheduled_for", visit.ScheduledFor)
        .Bind("$completed_at", visit.CompletedAt);

    public static SqliteCommand BindAudit(this SqliteCommand command, AuditEntry entry) => command
        .Bind("$at", entry.At)
        .Bind("$subject", entry.Subject)
        .Bind("$practitioner_id", entry.PractitionerId)
        .Bind("$action", entry.Action)
        .Bind("$client_id", entry.ClientId)
        .Bind("$family_id", entry.FamilyId)
        .Bind("$reason", entry.Reason)
        .Bind("$detail", entry.Detail)
        .Bind("$request_id", entry.RequestId);
}
