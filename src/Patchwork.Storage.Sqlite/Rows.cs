using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// Each node's columns under a fixed table alias, and how a row of them becomes the domain record.
// Queries splice the column list into their SELECT and read from a known ordinal, so one query can
// return a practitioner and their agency side by side.

internal static class AgencyRow
{
    public const string Columns =
        "a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, " +
        "a.agreement_status, a.agreement_signed_on, a.agreement_expires_on";

    public const int Width = 9;

    public static Agency Read(SqliteDataReader row, int at = 0) => new(
        Id: row.GetString(at),
        Name: row.GetString(at + 1),
        Kind: row.Name<AgencyKind>(at + 2),
        DutyPhone: row.GetString(at + 3),
        DutyEmail: row.GetString(at + 4),
        RestrictedService: row.GetBoolean(at + 5),
        Agreement: new DataSharingAgreement(
            row.Name<AgreementStatus>(at + 6), row.DateOrNull(at + 7), row.DateOrNull(at + 8)));
}

internal static class PractitionerRow
{
    public const string Columns =
        "p.id, p.agency_id, p.name, p.role, p.email, p.mobile, p.landline, p.preferred_contact, p.status, p.subject";

    public const int Width = 10;

    public static Practitioner Read(SqliteDataReader row, int at = 0) => new(
        Id: row.GetString(at),
        AgencyId: row.GetString(at + 1),
        Name: row.GetString(at + 2),
        Role: row.GetString(at + 3),
        Email: row.TextOrNull(at + 4),
        Mobile: row.TextOrNull(at + 5),
        Landline: row.TextOrNull(at + 6),
        PreferredContact: row.Name<ContactMethod>(at + 7),
        Status: row.Name<PractitionerStatus>(at + 8),
        Subject: row.GetString(at + 9));
}

internal static class FamilyRow
{
    public const string Columns = "f.id, f.name, f.area";

    public static Family Read(SqliteDataReader row, int at = 0) =>
        new(row.GetString(at), row.GetString(at + 1), row.GetString(at + 2));
}

internal static class ClientRow
{
    public const string Columns =
        "c.id, c.given_name, c.family_name, c.date_of_birth, c.address, c.postcode, c.nhs_number, " +
        "c.shielded, c.family_id, c.family_relationship";

    public const int Width = 10;

    public static Client Read(SqliteDataReader row, int at = 0) => new(
        Id: row.GetString(at),
        GivenName: row.GetString(at + 1),
        FamilyName: row.GetString(at + 2),
        DateOfBirth: row.Date(at + 3),
        Address: row.GetString(at + 4),
        Postcode: row.GetString(at + 5),
        NhsNumber: row.TextOrNull(at + 6),
        Shielded: row.GetBoolean(at + 7),
        FamilyId: row.TextOrNull(at + 8),
        FamilyRelationship: row.TextOrNull(at + 9));
}

internal static class InvolvementRow
{
    public const string Columns =
        "i.practitioner_id, i.client_id, i.since, i.reason, i.restricted, i.ended_on, i.end_reason";

    public static Involvement Read(SqliteDataReader row, int at = 0) => new(
        PractitionerId: row.GetString(at),
        ClientId: row.GetString(at + 1),
        Since: row.Time(at + 2),
        Reason: row.GetString(at + 3),
        Restricted: row.GetBoolean(at + 4),
        EndedOn: row.TimeOrNull(at + 5),
        EndReason: row.TextOrNull(at + 6));
}

internal static class VisitRow
{
    /// <summary>
    /// Whether visit <c>v</c> is restricted: any involvement of its practitioner with its client, current or ended,
    /// was restricted, so a restricted service's old visits stay hidden after it leaves the team.
    /// </summary>
    public const string IsRestricted =
        "EXISTS (SELECT 1 FROM involvement r WHERE r.client_id = v.client_id " +
        "AND r.practitioner_id = v.practitioner_id AND r.restricted = 1)";

    public const string Columns =
        "v.id, v.client_id, v.practitioner_id, v.mode, v.status, v.scheduled_for, v.completed_at, " + IsRestricted;

    public static Visit Read(SqliteDataReader row, int at = 0) => new(
        Id: row.GetString(at),
        ClientId: row.GetString(at + 1),
        PractitionerId: row.GetString(at + 2),
        Mode: row.Name<VisitMode>(at + 3),
        Status: row.Name<VisitStatus>(at + 4),
        ScheduledFor: row.TimeOrNull(at + 5),
        CompletedAt: row.TimeOrNull(at + 6),
        Restricted: row.GetBoolean(at + 7));
}

internal static class AuditRow
{
    public const string Columns =
        "au.at, au.subject, au.practitioner_id, au.action, au.client_id, au.family_id, au.reason, au.detail, au.request_id";

    public static AuditEntry Read(SqliteDataReader row, int at = 0) => new(
        At: row.Time(at),
        Subject: row.GetString(at + 1),
        PractitionerId: row.TextOrNull(at + 2),
        Action: row.Name<AuditAction>(at + 3),
        ClientId: row.TextOrNull(at + 4),
        FamilyId: row.TextOrNull(at + 5),
        Reason: row.TextOrNull(at + 6),
        Detail: row.TextOrNull(at + 7),
        RequestId: row.GetString(at + 8));
}

internal static class FollowUpRow
{
    public const string Columns = "u.id, u.family_id, u.requested_at, u.reason, u.route, u.agency_ids";

    public static FollowUpRequest Read(SqliteDataReader row, int at = 0) => new(
        Id: row.GetString(at),
        FamilyId: row.GetString(at + 1),
        RequestedAt: row.Time(at + 2),
        Reason: row.GetString(at + 3),
        Route: row.Name<FollowUpRoute>(at + 4),
        AgencyIds: JsonSerializer.Deserialize<List<string>>(row.GetString(at + 5)) ?? []);
}
