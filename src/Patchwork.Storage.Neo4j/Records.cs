using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Storage.Neo4j;

/// <summary>
/// How the maps the statements return (<c>a {.id, .name, …} AS agency</c>) become domain records, and how records
/// become the maps the import statements take. Property names are the graph's; enums travel by name.
/// </summary>
internal static class Records
{
    public static Agency Agency(IReadOnlyDictionary<string, object?> m) => new(
        Id: Text(m, "id"),
        Name: Text(m, "name"),
        Kind: Name<AgencyKind>(m, "kind"),
        DutyPhone: Text(m, "dutyPhone"),
        DutyEmail: Text(m, "dutyEmail"),
        RestrictedService: Flag(m, "restrictedService"),
        Agreement: new DataSharingAgreement(Name<AgreementStatus>(m, "agreementStatus"),
            m["agreementSignedOn"] as DateOnly?, m["agreementExpiresOn"] as DateOnly?));

    public static Practitioner Practitioner(IReadOnlyDictionary<string, object?> m) => new(
        Id: Text(m, "id"),
        AgencyId: Text(m, "agencyId"),
        Name: Text(m, "name"),
        Role: Text(m, "role"),
        Email: m["email"] as string,
        Mobile: m["mobile"] as string,
        Landline: m["landline"] as string,
        PreferredContact: Name<ContactMethod>(m, "preferredContact"),
        Status: Name<PractitionerStatus>(m, "status"),
        Subject: Text(m, "subject"));

    public static Family Family(IReadOnlyDictionary<string, object?> m) => new(Text(m, "id"), Text(m, "name"), Text(m, "area"));

    public static Client Client(IReadOnlyDictionary<string, object?> m) => new(
        Id: Text(m, "id"),
        GivenName: Text(m, "givenName"),
        FamilyName: Text(m, "familyName"),
        DateOfBirth: (DateOnly)m["dateOfBirth"]!,
        Address: Text(m, "address"),
        Postcode: Text(m, "postcode"),
        NhsNumber: m["nhsNumber"] as string,
        Shielded: Flag(m, "shielded"),
        FamilyId: m["familyId"] as string,
        FamilyRelationship: m["familyRelationship"] as string);

    public static Involvement Involvement(IReadOnlyDictionary<string, object?> m) => new(
        PractitionerId: Text(m, "practitionerId"),
        ClientId: Text(m, "clientId"),
        Since: (DateTimeOffset)m["since"]!,
        Reason: Text(m, "reason"),
        Restricted: Flag(m, "restricted"),
        EndedOn: m["endedOn"] as DateTimeOffset?,
        EndReason: m["endReason"] as string);

    public static Visit Visit(IReadOnlyDictionary<string, object?> m) => new(
        Id: Text(m, "id"),
        ClientId: Text(m, "clientId"),
        PractitionerId: Text(m, "practitionerId"),
        Mode: Name<VisitMode>(m, "mode"),
        Status: Name<VisitStatus>(m, "status"),
        ScheduledFor: m["scheduledFor"] as DateTimeOffset?,
        CompletedAt: m["completedAt"] as DateTimeOffset?,
        Restricted: Flag(m, "restricted"));

    public static AuditEntry AuditEntry(IReadOnlyDictionary<string, object?> m) => new(
        At: (DateTimeOffset)m["at"]!,
        Subject: Text(m, "subject"),
        PractitionerId: m["practitionerId"] as string,
        Action: Name<AuditAction>(m, "action"),
        ClientId: m["clientId"] as string,
        FamilyId: m["familyId"] as string,
        Reason: m["reason"] as string,
        Detail: m["detail"] as string,
        RequestId: Text(m, "requestId"));

    public static FollowUpRequest FollowUp(IReadOnlyDictionary<string, object?> m) => new(
        Id: Text(m, "id"),
        FamilyId: Text(m, "familyId"),
        RequestedAt: (DateTimeOffset)m["requestedAt"]!,
        Reason: Text(m, "reason"),
        Route: Name<FollowUpRoute>(m, "route"),
        AgencyIds: [.. ((IEnumerable<object?>)m["agencyIds"]!).Cast<string>().Order(StringComparer.Ordinal)]);

    // The maps the write and import statements take.

    public static Dictionary<string, object?> Map(Agency a) => new()
    {
        ["id"] = a.Id,
        ["name"] = a.Name,
        ["nameKey"] = NameKey(a.Name),
        ["kind"] = a.Kind,
        ["dutyPhone"] = a.DutyPhone,
        ["dutyEmail"] = a.DutyEmail,
        ["restrictedService"] = a.RestrictedService,
        ["agreementStatus"] = a.Agreement.Status,
        ["agreementSignedOn"] = a.Agreement.SignedOn,
        ["agreementExpiresOn"] = a.Agreement.ExpiresOn,
    };

    public static Dictionary<string, object?> Map(Practitioner p) => new()
    {
        ["id"] = p.Id,
        ["agencyId"] = p.AgencyId,
        ["name"] = p.Name,
        ["role"] = p.Role,
        ["email"] = p.Email,
        ["mobile"] = p.Mobile,
        ["landline"] = p.Landline,
        ["preferredContact"] = p.PreferredContact,
        ["status"] = p.Status,
        ["subject"] = p.Subject,
    };

    public static Dictionary<string, object?> Map(Family f) => new() { ["id"] = f.Id, ["name"] = f.Name, ["area"] = f.Area };

    public static Dictionary<string, object?> Map(Client c) => new()
    {
        ["id"] = c.Id,
        ["givenName"] = c.GivenName,
        ["familyName"] = c.FamilyName,
        ["dateOfBirth"] = c.DateOfBirth,
        ["address"] = c.Address,
        ["postcode"] = c.Postcode,
        ["nhsNumber"] = c.NhsNumber,
        ["shielded"] = c.Shielded,
        ["familyId"] = c.FamilyId,
        ["familyRelationship"] = c.FamilyRelationship,
    };

    public static Dictionary<string, object?> Map(Involvement i) => new()
    {
        ["practitionerId"] = i.PractitionerId,
        ["clientId"] = i.ClientId,
        ["since"] = i.Since,
        ["reason"] = i.Reason,
        ["restricted"] = i.Restricted,
        ["endedOn"] = i.EndedOn,
        ["endReason"] = i.EndReason,
    };

    public static Dictionary<string, object?> Map(Visit v) => new()
    {
        ["id"] = v.Id,
        ["clientId"] = v.ClientId,
        ["practitionerId"] = v.PractitionerId,
        ["mode"] = v.Mode,
        ["status"] = v.Status,
        ["scheduledFor"] = v.ScheduledFor,
        ["completedAt"] = v.CompletedAt,
    };

    public static Dictionary<string, object?> Map(AuditEntry e, long seq) => new()
    {
        ["seq"] = seq,
        ["at"] = e.At,
        ["subject"] = e.Subject,
        ["practitionerId"] = e.PractitionerId,
        ["action"] = e.Action,
        ["clientId"] = e.ClientId,
        ["familyId"] = e.FamilyId,
        ["reason"] = e.Reason,
        ["detail"] = e.Detail,
        ["requestId"] = e.RequestId,
    };

    public static Dictionary<string, object?> Map(FollowUpRequest r) => new()
    {
        ["id"] = r.Id,
        ["familyId"] = r.FamilyId,
        ["requestedAt"] = r.RequestedAt,
        ["reason"] = r.Reason,
        ["route"] = r.Route,
        ["agencyIds"] = r.AgencyIds,
    };

    /// <summary>An agency name as its uniqueness is judged: letter case never makes two agencies.</summary>
    public static string NameKey(string name) => name.ToUpperInvariant();

    private static string Text(IReadOnlyDictionary<string, object?> m, string key) =>
        m[key] as string ?? throw new FormatException($"The graph holds no '{key}' where one is required.");

    private static bool Flag(IReadOnlyDictionary<string, object?> m, string key) => m[key] is true;

    private static T Name<T>(IReadOnlyDictionary<string, object?> m, string key) where T : struct, Enum =>
        Enum.Parse<T>(Text(m, key), ignoreCase: false);
}
