using System.Text.Json;
using Microsoft.Data.Sqlite;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// How to read the rows of one result: given the result, it looks up the columns it needs by name, once, and returns
/// the read of one row, which then goes straight to the ordinals.
/// </summary>
internal delegate Func<SqliteDataReader, T> RowReader<T>(SqliteDataReader result);

// How a row becomes each domain record, reading its columns by the names the statements select them under: the
// table's own column names or, where one row holds several records (a practitioner and their agency), those names
// under a prefix ("agency_name").

internal sealed class AgencyRow(SqliteDataReader result, string prefix = "")
{
    private readonly int _id = result.GetOrdinal(prefix + "id");
    private readonly int _name = result.GetOrdinal(prefix + "name");
    private readonly int _kind = result.GetOrdinal(prefix + "kind");
    private readonly int _dutyPhone = result.GetOrdinal(prefix + "duty_phone");
    private readonly int _dutyEmail = result.GetOrdinal(prefix + "duty_email");
    private readonly int _restrictedService = result.GetOrdinal(prefix + "restricted_service");
    private readonly int _agreementStatus = result.GetOrdinal(prefix + "agreement_status");
    private readonly int _agreementSignedOn = result.GetOrdinal(prefix + "agreement_signed_on");
    private readonly int _agreementExpiresOn = result.GetOrdinal(prefix + "agreement_expires_on");

    public static Func<SqliteDataReader, Agency> From(SqliteDataReader result) => new AgencyRow(result).Read;

    public Agency Read(SqliteDataReader row) => new(
        Id: row.GetString(_id),
        Name: row.GetString(_name),
        Kind: row.Name<AgencyKind>(_kind),
        DutyPhone: row.GetString(_dutyPhone),
        DutyEmail: row.GetString(_dutyEmail),
        RestrictedService: row.GetBoolean(_restrictedService),
        Agreement: new DataSharingAgreement(
            row.Name<AgreementStatus>(_agreementStatus), row.DateOrNull(_agreementSignedOn), row.DateOrNull(_agreementExpiresOn)));
}

internal sealed class PractitionerRow(SqliteDataReader result, string prefix = "")
{
    private readonly int _id = result.GetOrdinal(prefix + "id");
    private readonly int _agencyId = result.GetOrdinal(prefix + "agency_id");
    private readonly int _name = result.GetOrdinal(prefix + "name");
    private readonly int _role = result.GetOrdinal(prefix + "role");
    private readonly int _email = result.GetOrdinal(prefix + "email");
    private readonly int _mobile = result.GetOrdinal(prefix + "mobile");
    private readonly int _landline = result.GetOrdinal(prefix + "landline");
    private readonly int _preferredContact = result.GetOrdinal(prefix + "preferred_contact");
    private readonly int _status = result.GetOrdinal(prefix + "status");
    private readonly int _subject = result.GetOrdinal(prefix + "subject");

    public static Func<SqliteDataReader, Practitioner> From(SqliteDataReader result) => new PractitionerRow(result).Read;

    public Practitioner Read(SqliteDataReader row) => new(
        Id: row.GetString(_id),
        AgencyId: row.GetString(_agencyId),
        Name: row.GetString(_name),
        Role: row.GetString(_role),
        Email: row.TextOrNull(_email),
        Mobile: row.TextOrNull(_mobile),
        Landline: row.TextOrNull(_landline),
        PreferredContact: row.Name<ContactMethod>(_preferredContact),
        Status: row.Name<PractitionerStatus>(_status),
        Subject: row.GetString(_subject));
}

/// <summary>A practitioner and their agency side by side, as <c>practitioner_*</c> and <c>agency_*</c> columns.</summary>
internal static class PractitionerAccountRow
{
    public static Func<SqliteDataReader, PractitionerAccount> From(SqliteDataReader result)
    {
        var practitioner = new PractitionerRow(result, "practitioner_");
        var agency = new AgencyRow(result, "agency_");
        return row => new PractitionerAccount(practitioner.Read(row), agency.Read(row));
    }
}

internal sealed class FamilyRow(SqliteDataReader result)
{
    private readonly int _id = result.GetOrdinal("id");
    private readonly int _name = result.GetOrdinal("name");
    private readonly int _area = result.GetOrdinal("area");

    public static Func<SqliteDataReader, Family> From(SqliteDataReader result) => new FamilyRow(result).Read;

    public Family Read(SqliteDataReader row) => new(row.GetString(_id), row.GetString(_name), row.GetString(_area));
}

internal sealed class ClientRow(SqliteDataReader result, string prefix = "")
{
    private readonly int _id = result.GetOrdinal(prefix + "id");
    private readonly int _givenName = result.GetOrdinal(prefix + "given_name");
    private readonly int _familyName = result.GetOrdinal(prefix + "family_name");
    private readonly int _dateOfBirth = result.GetOrdinal(prefix + "date_of_birth");
    private readonly int _address = result.GetOrdinal(prefix + "address");
    private readonly int _postcode = result.GetOrdinal(prefix + "postcode");
    private readonly int _nhsNumber = result.GetOrdinal(prefix + "nhs_number");
    private readonly int _shielded = result.GetOrdinal(prefix + "shielded");
    private readonly int _familyId = result.GetOrdinal(prefix + "family_id");
    private readonly int _familyRelationship = result.GetOrdinal(prefix + "family_relationship");

    public static Func<SqliteDataReader, Client> From(SqliteDataReader result) => new ClientRow(result).Read;

    public Client Read(SqliteDataReader row) => new(
        Id: row.GetString(_id),
        GivenName: row.GetString(_givenName),
        FamilyName: row.GetString(_familyName),
        DateOfBirth: row.Date(_dateOfBirth),
        Address: row.GetString(_address),
        Postcode: row.GetString(_postcode),
        NhsNumber: row.TextOrNull(_nhsNumber),
        Shielded: row.GetBoolean(_shielded),
        FamilyId: row.TextOrNull(_familyId),
        FamilyRelationship: row.TextOrNull(_familyRelationship));
}

internal sealed class InvolvementRow(SqliteDataReader result)
{
    private readonly int _practitionerId = result.GetOrdinal("practitioner_id");
    private readonly int _clientId = result.GetOrdinal("client_id");
    private readonly int _since = result.GetOrdinal("since");
    private readonly int _reason = result.GetOrdinal("reason");
    private readonly int _restricted = result.GetOrdinal("restricted");
    private readonly int _endedOn = result.GetOrdinal("ended_on");
    private readonly int _endReason = result.GetOrdinal("end_reason");

    public static Func<SqliteDataReader, Involvement> From(SqliteDataReader result) => new InvolvementRow(result).Read;

    public Involvement Read(SqliteDataReader row) => new(
        PractitionerId: row.GetString(_practitionerId),
        ClientId: row.GetString(_clientId),
        Since: row.Time(_since),
        Reason: row.GetString(_reason),
        Restricted: row.GetBoolean(_restricted),
        EndedOn: row.TimeOrNull(_endedOn),
        EndReason: row.TextOrNull(_endReason));
}

/// <summary>A visit's columns and <c>restricted</c>, which the statements work out from the involvements.</summary>
internal sealed class VisitRow(SqliteDataReader result)
{
    private readonly int _id = result.GetOrdinal("id");
    private readonly int _clientId = result.GetOrdinal("client_id");
    private readonly int _practitionerId = result.GetOrdinal("practitioner_id");
    private readonly int _mode = result.GetOrdinal("mode");
    private readonly int _status = result.GetOrdinal("status");
    private readonly int _scheduledFor = result.GetOrdinal("scheduled_for");
    private readonly int _completedAt = result.GetOrdinal("completed_at");
    private readonly int _restricted = result.GetOrdinal("restricted");

    public static Func<SqliteDataReader, Visit> From(SqliteDataReader result) => new VisitRow(result).Read;

    public Visit Read(SqliteDataReader row) => new(
        Id: row.GetString(_id),
        ClientId: row.GetString(_clientId),
        PractitionerId: row.GetString(_practitionerId),
        Mode: row.Name<VisitMode>(_mode),
        Status: row.Name<VisitStatus>(_status),
        ScheduledFor: row.TimeOrNull(_scheduledFor),
        CompletedAt: row.TimeOrNull(_completedAt),
        Restricted: row.GetBoolean(_restricted));
}

internal sealed class AuditRow(SqliteDataReader result)
{
    private readonly int _at = result.GetOrdinal("at");
    private readonly int _subject = result.GetOrdinal("subject");
    private readonly int _practitionerId = result.GetOrdinal("practitioner_id");
    private readonly int _action = result.GetOrdinal("action");
    private readonly int _clientId = result.GetOrdinal("client_id");
    private readonly int _familyId = result.GetOrdinal("family_id");
    private readonly int _reason = result.GetOrdinal("reason");
    private readonly int _detail = result.GetOrdinal("detail");
    private readonly int _requestId = result.GetOrdinal("request_id");

    public static Func<SqliteDataReader, AuditEntry> From(SqliteDataReader result) => new AuditRow(result).Read;

    public AuditEntry Read(SqliteDataReader row) => new(
        At: row.Time(_at),
        Subject: row.GetString(_subject),
        PractitionerId: row.TextOrNull(_practitionerId),
        Action: row.Name<AuditAction>(_action),
        ClientId: row.TextOrNull(_clientId),
        FamilyId: row.TextOrNull(_familyId),
        Reason: row.TextOrNull(_reason),
        Detail: row.TextOrNull(_detail),
        RequestId: row.GetString(_requestId));
}

internal sealed class FollowUpRow(SqliteDataReader result)
{
    private readonly int _id = result.GetOrdinal("id");
    private readonly int _familyId = result.GetOrdinal("family_id");
    private readonly int _requestedAt = result.GetOrdinal("requested_at");
    private readonly int _reason = result.GetOrdinal("reason");
    private readonly int _route = result.GetOrdinal("route");
    private readonly int _agencyIds = result.GetOrdinal("agency_ids");

    public static Func<SqliteDataReader, FollowUpRequest> From(SqliteDataReader result) => new FollowUpRow(result).Read;

    public FollowUpRequest Read(SqliteDataReader row) => new(
        Id: row.GetString(_id),
        FamilyId: row.GetString(_familyId),
        RequestedAt: row.Time(_requestedAt),
        Reason: row.GetString(_reason),
        Route: row.Name<FollowUpRoute>(_route),
        AgencyIds: JsonSerializer.Deserialize<List<string>>(row.GetString(_agencyIds)) ?? []);
}

/// <summary>One text column of each row, by name.</summary>
internal static class TextColumn
{
    public static RowReader<string> Named(string column) => result =>
    {
        var at = result.GetOrdinal(column);
        return row => row.GetString(at);
    };
}
