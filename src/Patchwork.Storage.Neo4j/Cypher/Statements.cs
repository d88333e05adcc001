using System.Reflection;

namespace Patchwork.Storage.Neo4j.Cypher;

/// <summary>
/// Every statement the store runs, named after its file under <c>cypher/</c>, with the parameters it takes.
/// The schema migrations (<c>cypher/schema/</c>) are applied by <see cref="SchemaMigrations"/> instead.
/// </summary>
public static class Statements
{
    // Directory.
    public static readonly Statement AllAgencies = new("directory/all_agencies");
    public static readonly Statement AgenciesById = new("directory/agencies_by_id", "ids");
    public static readonly Statement AccountBySubject = new("directory/account_by_subject", "subject");
    public static readonly Statement PractitionersById = new("directory/practitioners_by_id", "ids");

    // Clients and families.
    public static readonly Statement ClientsById = new("clients/clients_by_id", "ids");
    public static readonly Statement FamiliesById = new("clients/families_by_id", "ids");
    public static readonly Statement FamilyMembers = new("clients/family_members", "ids");
    public static readonly Statement MyClients = new("clients/my_clients", "practitionerId");
    public static readonly Statement ClientsInReach = new("clients/clients_in_reach", "ids", "practitionerId");
    public static readonly Statement FamiliesInReach = new("clients/families_in_reach", "ids", "practitionerId");
    public static readonly Statement SearchClients = new("clients/search_clients", "query", "dateOfBirth", "practitionerId", "first");
    public static readonly Statement InsertClient = new("clients/insert_client", "client");
    public static readonly Statement InsertFamily = new("clients/insert_family", "family");
    public static readonly Statement SetFamily = new("clients/set_family", "familyId", "clientId", "relationship");

    // Teams.
    public static readonly Statement ClientTeams = new("team/client_teams", "ids", "now");
    public static readonly Statement FamilyTeams = new("team/family_teams", "ids", "now");
    public static readonly Statement TeamChanges = new("team/team_changes", "ids", "since");
    public static readonly Statement InsertInvolvement = new("team/insert_involvement", "practitionerId", "clientId", "since", "reason", "restricted");
    public static readonly Statement EndInvolvement = new("team/end_involvement", "practitionerId", "clientId", "now", "reason");
    public static readonly Statement SetContactDetails = new("team/set_contact_details", "id", "email", "mobile", "landline", "preferredContact");

    // Visits.
    public static readonly Statement UpcomingVisits = new("visits/upcoming_visits", "ids", "now", "perClient");
    public static readonly Statement RecentContacts = new("visits/recent_contacts", "ids", "perClient");
    public static readonly Statement VisitById = new("visits/visit_by_id", "id");
    public static readonly Statement InsertVisit = new("visits/insert_visit", "visit");
    public static readonly Statement CompleteVisit = new("visits/complete_visit", "id", "completedAt", "mode");
    public static readonly Statement CancelVisit = new("visits/cancel_visit", "id");
    public static readonly Statement CancelPlannedVisits = new("visits/cancel_planned_visits", "practitionerId", "clientId");

    // What a write checks inside its transaction; the lock_ statements also take the node's write lock.
    public static readonly Statement LockClient = new("writes/lock_client", "id");
    public static readonly Statement LockFamily = new("writes/lock_family", "id");
    public static readonly Statement LockPractitioner = new("writes/lock_practitioner", "id");
    public static readonly Statement LockAgency = new("writes/lock_agency", "id");
    public static readonly Statement LockVisit = new("writes/lock_visit", "id");
    public static readonly Statement CurrentInvolvement = new("writes/current_involvement", "practitionerId", "clientId");
    public static readonly Statement AgencyNames = new("writes/agency_names");
    public static readonly Statement SubjectInUse = new("writes/subject_in_use", "subject");

    // Administration.
    public static readonly Statement InsertAgency = new("admin/insert_agency", "agency");
    public static readonly Statement SetAgreement = new("admin/set_agreement", "id", "status", "signedOn", "expiresOn");
    public static readonly Statement InsertPractitioner = new("admin/insert_practitioner", "practitioner");
    public static readonly Statement EndEveryInvolvement = new("admin/end_every_involvement", "id", "now", "reason");
    public static readonly Statement MarkLeft = new("admin/mark_left", "id");

    // Audit trail.
    public static readonly Statement AppendAudit = new("audit/append_audit", "entries");
    public static readonly Statement AuditTrailByClient = new("audit/audit_trail_by_client",
        "clientId", "familyId", "practitionerId", "action", "from", "to", "first");
    public static readonly Statement AuditTrailByFamily = new("audit/audit_trail_by_family", "familyId", "practitionerId", "action", "from", "to", "first");
    public static readonly Statement AuditTrailByPractitioner = new("audit/audit_trail_by_practitioner", "practitionerId", "action", "from", "to", "first");
    public static readonly Statement AuditTrailByAction = new("audit/audit_trail_by_action", "action", "from", "to", "first");
    public static readonly Statement AuditTrailByTime = new("audit/audit_trail_by_time", "from", "to", "first");

    // Analysts' and commissioners' reports, and follow-up requests.
    public static readonly Statement FamilyNetworks = new("reports/family_networks", "area", "kind", "at", "leadKinds");
    public static readonly Statement FamilyVisitsAt = new("reports/family_visits_at", "area", "kind", "at", "now");
    public static readonly Statement AgencyPairs = new("reports/agency_pairs", "area", "kind", "at");
    public static readonly Statement Caseloads = new("reports/caseloads", "area", "kind", "at");
    public static readonly Statement FamiliesWithoutContact = new("reports/families_without_contact",
        "area", "kind", "at", "since", "noContact", "noInvolvement", "overdue");
    public static readonly Statement FamilyIds = new("reports/family_ids");
    public static readonly Statement FollowUpRecipients = new("reports/follow_up_recipients", "familyId", "leadKinds");
    public static readonly Statement InsertFollowUp = new("reports/insert_follow_up", "followUp");
    public static readonly Statement FollowUpsByFamily = new("reports/follow_ups_by_family", "ids");
    public static readonly Statement DutyFollowUps = new("reports/duty_follow_ups", "agencyId", "first");

    // Bulk load, export and the store itself.
    public static readonly Statement ImportAgencies = new("import/import_agencies", "rows");
    public static readonly Statement ImportPractitioners = new("import/import_practitioners", "rows");
    public static readonly Statement ImportFamilies = new("import/import_families", "rows");
    public static readonly Statement ImportClients = new("import/import_clients", "rows");
    public static readonly Statement ImportInvolvements = new("import/import_involvements", "rows");
    public static readonly Statement ImportVisits = new("import/import_visits", "rows");
    public static readonly Statement ImportFollowUps = new("import/import_follow_ups", "rows");
    public static readonly Statement ExportAgencies = new("export/export_agencies", "after", "limit");
    public static readonly Statement ExportPractitioners = new("export/export_practitioners", "after", "limit");
    public static readonly Statement ExportFamilies = new("export/export_families", "after", "limit");
    public static readonly Statement ExportClients = new("export/export_clients", "after", "limit");
    public static readonly Statement ExportInvolvements = new("export/export_involvements", "afterClientId", "afterPractitionerId", "afterSince", "limit");
    public static readonly Statement ExportVisits = new("export/export_visits", "after", "limit");
    public static readonly Statement ExportFollowUps = new("export/export_follow_ups", "after", "limit");
    public static readonly Statement ExportAudit = new("export/export_audit", "after", "limit");
    public static readonly Statement CountNetwork = new("export/count_network");
    public static readonly Statement IsEmpty = new("store/is_empty");
    public static readonly Statement AppliedSchemaVersions = new("store/applied_schema_versions");
    public static readonly Statement RecordSchemaVersion = new("store/record_schema_version", "version", "name", "appliedAt");

    /// <summary>Every statement declared above.</summary>
    public static IReadOnlyList<Statement> All { get; } =
        [.. typeof(Statements).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Statement))
            .Select(f => (Statement)f.GetValue(null)!)];
}
