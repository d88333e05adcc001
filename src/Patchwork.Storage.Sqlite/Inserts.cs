using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Reports;

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

    // Merge mode (a move run again into a store holding an earlier copy): a row already there, by id, takes the
    // incoming values; one that is identical is left alone, so a repeated move writes nothing it need not.
    public const string AgencyMerge = Agency + """

        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, kind = excluded.kind, duty_phone = excluded.duty_phone, duty_email = excluded.duty_email,
            restricted_service = excluded.restricted_service, agreement_status = excluded.agreement_status,
            agreement_signed_on = excluded.agreement_signed_on, agreement_expires_on = excluded.agreement_expires_on
        WHERE (agency.name, agency.kind, agency.duty_phone, agency.duty_email, agency.restricted_service,
               agency.agreement_status, agency.agreement_signed_on, agency.agreement_expires_on)
           IS NOT (excluded.name, excluded.kind, excluded.duty_phone, excluded.duty_email, excluded.restricted_service,
                   excluded.agreement_status, excluded.agreement_signed_on, excluded.agreement_expires_on)
        """;

    public const string PractitionerMerge = Practitioner + """

        ON CONFLICT (id) DO UPDATE SET
            agency_id = excluded.agency_id, name = excluded.name, role = excluded.role, email = excluded.email,
            mobile = excluded.mobile, landline = excluded.landline, preferred_contact = excluded.preferred_contact,
            status = excluded.status, subject = excluded.subject
        WHERE (practitioner.agency_id, practitioner.name, practitioner.role, practitioner.email, practitioner.mobile,
               practitioner.landline, practitioner.preferred_contact, practitioner.status, practitioner.subject)
           IS NOT (excluded.agency_id, excluded.name, excluded.role, excluded.email, excluded.mobile,
                   excluded.landline, excluded.preferred_contact, excluded.status, excluded.subject)
        """;

    public const string FamilyMerge = Family + """

        ON CONFLICT (id) DO UPDATE SET name = excluded.name, area = excluded.area
        WHERE (family.name, family.area) IS NOT (excluded.name, excluded.area)
        """;

    // A changed name reaches the search index through the client_name_after_update trigger.
    public const string ClientMerge = Client + """

        ON CONFLICT (id) DO UPDATE SET
            given_name = excluded.given_name, family_name = excluded.family_name, date_of_birth = excluded.date_of_birth,
            address = excluded.address, postcode = excluded.postcode, nhs_number = excluded.nhs_number,
            shielded = excluded.shielded, family_id = excluded.family_id, family_relationship = excluded.family_relationship
        WHERE (client.given_name, client.family_name, client.date_of_birth, client.address, client.postcode,
               client.nhs_number, client.shielded, client.family_id, client.family_relationship)
           IS NOT (excluded.given_name, excluded.family_name, excluded.date_of_birth, excluded.address, excluded.postcode,
                   excluded.nhs_number, excluded.shielded, excluded.family_id, excluded.family_relationship)
        """;

    // An involvement has no id of its own: it is the practitioner, the client and the moment they joined (a
    // practitioner who leaves and rejoins has a new one). Brought up to date first, then added if it is not there.
    public const string InvolvementMergeUpdate = """
        UPDATE involvement
        SET reason = $reason, restricted = $restricted, ended_on = $ended_on, end_reason = $end_reason
        WHERE practitioner_id = $practitioner_id AND client_id = $client_id AND since = $since
          AND (reason, restricted, ended_on, end_reason) IS NOT ($reason, $restricted, $ended_on, $end_reason)
        """;

    public const string InvolvementMergeInsert = """
        INSERT INTO involvement (practitioner_id, client_id, since, reason, restricted, ended_on, end_reason)
        SELECT $practitioner_id, $client_id, $since, $reason, $restricted, $ended_on, $end_reason
        WHERE NOT EXISTS (SELECT 1 FROM involvement
                          WHERE practitioner_id = $practitioner_id AND client_id = $client_id AND since = $since)
        """;

    public const string VisitMerge = Visit + """

        ON CONFLICT (id) DO UPDATE SET
            client_id = excluded.client_id, practitioner_id = excluded.practitioner_id, mode = excluded.mode,
            status = excluded.status, scheduled_for = excluded.scheduled_for, completed_at = excluded.completed_at
        WHERE (visit.client_id, visit.practitioner_id, visit.mode, visit.status, visit.scheduled_for, visit.completed_at)
           IS NOT (excluded.client_id, excluded.practitioner_id, excluded.mode, excluded.status, excluded.scheduled_for,
                   excluded.completed_at)
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

    // A commissioner's follow-up request, and, when it was routed to the duty contacts, an entry in each recipient's
    // duty inbox. A request never changes once made, so in merge mode a request already there is left as it is.
    public const string FollowUp = """
        INSERT INTO follow_up (id, family_id, requested_at, reason, route, agency_ids)
        VALUES ($id, $family_id, $requested_at, $reason, $route, $agency_ids)
        """;

    public const string FollowUpDuty = """
        INSERT INTO follow_up_duty (agency_id, follow_up_id, requested_at)
        SELECT value, $id, $requested_at FROM json_each($agency_ids) WHERE $route = 'Duty'
        """;

    public const string FollowUpMerge = FollowUp + " ON CONFLICT (id) DO NOTHING";

    public const string FollowUpDutyMerge = FollowUpDuty + " ON CONFLICT DO NOTHING";

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

    public static SqliteCommand BindFollowUp(this SqliteCommand command, FollowUpRequest request) => command
        .Bind("$id", request.Id)
        .Bind("$family_id", request.FamilyId)
        .Bind("$requested_at", request.RequestedAt)
        .Bind("$reason", request.Reason)
        .Bind("$route", request.Route)
        .Bind("$agency_ids", request.AgencyIds);

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
