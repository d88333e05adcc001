using System.Reflection;

namespace Patchwork.Storage.Sqlite.Sql;

/// <summary>
/// Every statement the store runs, named after its file under <c>Sql/</c> (the same name as the Neo4j store's
/// statement for the same operation, where there is one), with the parameters it takes. The schema migrations
/// (<c>Migrations/</c>) are applied by <see cref="SchemaMigrations"/> instead.
/// </summary>
internal static class Statements
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
    public static readonly Statement MyClients = new("clients/my_clients", "practitioner");
    public static readonly Statement ClientsInReach = new("clients/clients_in_reach", "ids", "practitioner");
    public static readonly Statement FamiliesInReach = new("clients/families_in_reach", "ids", "practitioner");
    public static readonly Statement SearchClients = new("clients/search_clients", "match", "date_of_birth",
        "practitioner", "first");
    public static readonly Statement InsertClient = new("clients/insert_client", "id", "given_name", "family_name",
        "date_of_birth", "address", "postcode", "nhs_number", "shielded", "family_id", "family_relationship");
    public static readonly Statement IndexClientName = new("clients/index_client_name", "id");
    public static readonly Statement InsertFamily = new("clients/insert_family", "id", "name", "area");
    public static readonly Statement SetFamily = new("clients/set_family", "family_id", "relationship", "id");

    // Teams.
    public static readonly Statement ClientTeams = new("team/client_teams", "now", "ids");
    public static readonly Statement FamilyTeams = new("team/family_teams", "now", "ids");
    public static readonly Statement TeamChanges = new("team/team_changes", "ids", "since");
    public static readonly Statement InsertInvolvement = new("team/insert_involvement", "practitioner_id", "client_id",
        "since", "reason", "restricted", "ended_on", "end_reason");
    public static readonly Statement EndInvolvement = new("team/end_involvement", "now", "reason", "practitioner", "client");
    public static readonly Statement SetContactDetails = new("team/set_contact_details", "email", "mobile", "landline",
        "preferred", "id");

    // Visits.
    public static readonly Statement UpcomingVisits = new("visits/upcoming_visits", "ids", "now", "per_client");
    public static readonly Statement RecentContacts = new("visits/recent_contacts", "ids", "per_client");
    public static readonly Statement VisitById = new("visits/visit_by_id", "id");
    public static readonly Statement InsertVisit = new("visits/insert_visit", "id", "client_id", "practitioner_id", "mode",
        "status", "scheduled_for", "completed_at");
    public static readonly Statement CompleteVisit = new("visits/complete_visit", "completed_at", "mode", "id");
    public static readonly Statement CancelVisit = new("visits/cancel_visit", "id");
    public static readonly Statement CancelPlannedVisits = new("visits/cancel_planned_visits", "practitioner", "client");

    // What a write reads inside its transaction (which holds the file's write lock; a visit is locked by visit_by_id).
    public static readonly Statement LockClient = new("writes/lock_client", "id");
    public static readonly Statement LockFamily = new("writes/lock_family", "id");
    public static readonly Statement LockPractitioner = new("writes/lock_practitioner", "id");
    public static readonly Statement LockAgency = new("writes/lock_agency", "id");
    public static readonly Statement CurrentInvolvement = new("writes/current_involvement", "practitioner", "client");
    public static readonly Statement AgencyNames = new("writes/agency_names");
    public static readonly Statement SubjectInUse = new("writes/subject_in_use", "subject");

    // Administration.
    public static readonly Statement InsertAgency = new("admin/insert_agency", "id", "name", "kind", "duty_phone",
        "duty_email", "restricted_service", "agreement_status", "agreement_signed_on", "agreement_expires_on");
    public static readonly Statement SetAgreement = new("admin/set_agreement", "status", "signed_on", "expires_on", "id");
    public static readonly Statement InsertPractitioner = new("admin/insert_practitioner", "id", "agency_id", "name",
        "role", "email", "mobile", "landline", "preferred_contact", "status", "subject");
    public static readonly Statement EndEveryInvolvement = new("admin/end_every_involvement", "now", "reason", "practitioner");
    public static readonly Statement MarkLeft = new("admin/mark_left", "id");

    // Audit trail: one statement per leading filter.
    public static readonly Statement AppendAudit = new("audit/append_audit", "at", "subject", "practitioner_id", "action",
        "client_id", "family_id", "reason", "detail", "request_id");
    public static readonly Statement AuditTrailByClient = new("audit/audit_trail_by_client", "client", "family",
        "practitioner", "action", "from", "to", "first");
    public static readonly Statement AuditTrailByFamily = new("audit/audit_trail_by_family", "family", "practitioner",
        "action", "from", "to", "first");
    public static readonly Statement AuditTrailByPractitioner = new("audit/audit_trail_by_practitioner", "practitioner",
        "family", "action", "from", "to", "first");
    public static readonly Statement AuditTrailByAction = new("audit/audit_trail_by_action", "action", "family",
        "practitioner", "from", "to", "first");
    public static readonly Statement AuditTrailByTime = new("audit/audit_trail_by_time", "family", "practitioner",
        "action", "from", "to", "first");

    // Analysts' and commissioners' reports (flat scans joined in memory), and follow-up requests.
    public static readonly Statement ReportFamilies = new("reports/report_families", "area");
    public static readonly Statement RegisteredSince = new("reports/registered_since", "at");
    public static readonly Statement ReportMembers = new("reports/report_members");
    public static readonly Statement InvolvementsAt = new("reports/involvements_at", "at");
    public static readonly Statement PractitionerAgencies = new("reports/practitioner_agencies");
    public static readonly Statement FamilyVisitsAt = new("reports/family_visits_at", "at", "kind", "now", "area");
    public static readonly Statement FamiliesWithoutContact = new("reports/families_without_contact", "at", "kind", "area",
        "no_contact", "since", "no_involvement", "overdue");
    public static readonly Statement FamiliesWithoutContactOfKind = new("reports/families_without_contact_of_kind", "at",
        "kind", "area", "no_contact", "since", "no_involvement", "overdue");
    public static readonly Statement FollowUpRecipients = new("reports/follow_up_recipients", "family", "lead_kinds");
    public static readonly Statement InsertFollowUp = new("reports/insert_follow_up", "id", "family_id", "requested_at",
        "reason", "route", "agency_ids");
    public static readonly Statement InsertFollowUpDuty = new("reports/insert_follow_up_duty", "id", "requested_at",
        "agency_ids", "route");
    public static readonly Statement FollowUpsByFamily = new("reports/follow_ups_by_family", "ids");
    public static readonly Statement DutyFollowUps = new("reports/duty_follow_ups", "agency", "first");

    // Bulk load: the plain inserts above, or in merge mode these upserts; and what a streamed load does around them.
    public static readonly Statement MergeAgency = new("import/merge_agency", "id", "name", "kind", "duty_phone",
        "duty_email", "restricted_service", "agreement_status", "agreement_signed_on", "agreement_expires_on");
    public static readonly Statement MergePractitioner = new("import/merge_practitioner", "id", "agency_id", "name",
        "role", "email", "mobile", "landline", "preferred_contact", "status", "subject");
    public static readonly Statement MergeFamily = new("import/merge_family", "id", "name", "area");
    public static readonly Statement MergeClient = new("import/merge_client", "id", "given_name", "family_name",
        "date_of_birth", "address", "postcode", "nhs_number", "shielded", "family_id", "family_relationship");
    public static readonly Statement MergeInvolvementUpdate = new("import/merge_involvement_update", "reason",
        "restricted", "ended_on", "end_reason", "practitioner_id", "client_id", "since");
    public static readonly Statement MergeInvolvementInsert = new("import/merge_involvement_insert", "practitioner_id",
        "client_id", "since", "reason", "restricted", "ended_on", "end_reason");
    public static readonly Statement MergeVisit = new("import/merge_visit", "id", "client_id", "practitioner_id", "mode",
        "status", "scheduled_for", "completed_at");
    public static readonly Statement MergeFollowUp = new("import/merge_follow_up", "id", "family_id", "requested_at",
        "reason", "route", "agency_ids");
    public static readonly Statement MergeFollowUpDuty = new("import/merge_follow_up_duty", "id", "requested_at",
        "agency_ids", "route");
    public static readonly Statement ImportSetup = new("import/import_setup");
    public static readonly Statement BulkIndexes = new("import/bulk_indexes");
    public static readonly Statement BulkTriggers = new("import/bulk_triggers");
    public static readonly Statement ClientFigures = new("import/client_figures");
    public static readonly Statement LastClientSeq = new("import/last_client_seq");
    public static readonly Statement IndexClientNamesAfter = new("import/index_client_names_after", "after");
    public static readonly Statement Checkpoint = new("import/checkpoint");

    // Export, and the store itself.
    public static readonly Statement ExportAgencies = new("export/export_agencies");
    public static readonly Statement ExportPractitioners = new("export/export_practitioners");
    public static readonly Statement ExportFamilies = new("export/export_families");
    public static readonly Statement ExportClients = new("export/export_clients");
    public static readonly Statement ExportInvolvements = new("export/export_involvements");
    public static readonly Statement ExportVisits = new("export/export_visits");
    public static readonly Statement ExportFollowUps = new("export/export_follow_ups");
    public static readonly Statement ExportAudit = new("export/export_audit");
    public static readonly Statement CountNetwork = new("export/count_network");
    public static readonly Statement ConnectionSetup = new("store/connection_setup");
    public static readonly Statement WriteAheadLog = new("store/write_ahead_log");
    public static readonly Statement IsEmpty = new("store/is_empty");

    /// <summary>Every statement declared above.</summary>
    public static IReadOnlyList<Statement> All { get; } =
        [.. typeof(Statements).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Statement))
            .Select(f => (Statement)f.GetValue(null)!)];
}
