using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// How each record binds to the parameters of its INSERT (and of its merge, which names them alike), shared by the
/// single writes and the bulk import, which prepares one command per table and rebinds it for every row.
/// </summary>
internal static class RecordBindings
{
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
