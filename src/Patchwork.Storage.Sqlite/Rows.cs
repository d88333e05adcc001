using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// How a row of each node's columns, in the order its statements select them, becomes the domain record; a record
// read from a later ordinal lets one row hold a practitioner and their agency side by side.

internal static class AgencyRow
{
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
    public static Family Read(SqliteDataReader row, int at = 0) =>
        new(row.GetString(at), row.GetString(at + 1), row.GetString(at + 2));
}

internal static class ClientRow
{
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
    public static FollowUpRequest Read(SqliteDataReader row, int at = 0) => new(
        Id: row.GetString(at),
        FamilyId: row.GetString(at + 1),
        RequestedAt: row.Time(at + 2),
        Reason: row.GetString(at + 3),
        Route: row.Name<FollowUpRoute>(at + 4),
        AgencyIds: JsonSerializer.Deserialize<List<string>>(row.GetString(at + 5)) ?? []);
}
