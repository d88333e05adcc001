using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Api.Reports;
using Patchwork.Api.Seeding;
using Patchwork.Network;
using Patchwork.Reports;
using Patchwork.Seeding;
using Patchwork.Testing;

namespace Patchwork.Api.Tests;

/// <summary>
/// The API on Neo4j answers as the API on SQLite: one demo district loaded into both stores, one clock, and the same
/// requests — reads, refusals and writes, in the same order — sent as each role to both, whose JSON answers must be
/// identical. A mismatch names the request and lists where the answers differ.
/// </summary>
[Collection(Neo4jApi.Collection)]
public sealed class ParityTests
{
    // A Wednesday afternoon: last month ended eleven days ago, the week began on Monday.
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 15, 30, 0, TimeSpan.Zero);

    // Each phase starts an hour after the one before, and each request half a minute after the last, so every audit
    // entry of a request has its own time and a time window can be drawn between any two requests.
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private const string InTeam = "demo-firefighter";
    private const string Outside = "demo-district-nurse";
    private const string Restricted = "demo-domestic-abuse-advocate";
    private const string Joiner = "demo-social-worker";
    private const string HealthVisitor = "demo-health-visitor";
    private const string Suspended = "demo-suspended-housing-officer";
    private const string Analyst = "demo-analyst";
    private const string Commissioner = "demo-commissioner";
    private const string Admin = "demo-admin";
    private const string Nobody = "0123456789abcdef0123456789abcdef";

    private const string Forbidden = "FORBIDDEN";
    private const string NotFound = "NOT_FOUND";
    private const string BadInput = "BAD_USER_INPUT";
    private const string Conflict = "CONFLICT";

    [Neo4jFact]
    public async Task The_api_on_neo4j_answers_every_request_as_the_api_on_sqlite()
    {
        var server = await TestNeo4j.OptionsAsync();
        await TestNeo4j.WipeAsync(server);
        var clock = new ParityClock(Start);
        var snapshot = DemoNetwork.Generate(SeedSize.Small, new DemoOptions().RandomSeed, Start);
        await using var hosts = await ParityHosts.StartAsync(server, snapshot, clock);
        var district = new District(snapshot, hosts.Sqlite.Services.GetRequiredService<Pseudonyms>());

        var mismatches = new List<string>();
        var phases = new[]
        {
            (Start, Reads(district)), (Start.AddHours(1), Refusals(district)), (Start.AddHours(2), Writes(district)),
            (Start.AddHours(3), Effects(district)), (Start.AddHours(4), Audit(district)), (NextWeek, Later(district, hosts)),
        };
        foreach (var (at, requests) in phases)
        {
            clock.Now = at;
            foreach (var request in requests)
            {
                clock.Now += Step;
                mismatches.AddRange(await hosts.CompareAsync(request) is { } mismatch ? [mismatch] : []);
            }
            // A phase that ran into the next hour would blur the time windows the audit requests draw.
            Assert.True(clock.Now - at < TimeSpan.FromHours(1), $"The phase from {at:O} has too many requests for an hour.");
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} requests were answered differently, or not as expected:{Environment.NewLine}" +
            string.Join(Environment.NewLine, mismatches.Take(40)) + (mismatches.Count > 40 ? $"{Environment.NewLine}… and {mismatches.Count - 40} more" : ""));
    }

    // The Monday morning after: the no-contact list, as at the start of the week, has caught up with the writes.
    private static readonly DateTimeOffset NextWeek = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When the n-th request of one of the first phases (an hour each) is sent.</summary>
    private static DateTimeOffset At(int phase, int request) => Start.AddHours(phase) + Step * request;

    // ---- What the requests select: every field of the shapes they read, so any difference shows.

    private const string AgencyFields = "{ id name kind dutyPhone dutyEmail restrictedService agreement { status signedOn expiresOn } }";
    private const string PractitionerFields = "{ id name role email mobile landline preferredContact status agency { id name } }";
    private const string VisitFields = "{ id client { id displayName } practitioner { id name } mode status scheduledFor completedAt }";
    private const string Team = "team { practitioner " + PractitionerFields + " agency " + AgencyFields +
        " supports { id displayName } since lastContactAt nextVisitAt restricted notice }";
    private const string Changes = "teamChanges(days: $days) { kind at practitioner { id name } agency { id name } reason client { id displayName } restricted }";
    private const string Visits = "upcomingVisits(first: 20) " + VisitFields + " recentContacts(first: 20) " + VisitFields;
    private const string ClientDetails = "id givenName familyName displayName dateOfBirth address postcode nhsNumber shielded familyRelationship";
    private const string FollowUps = "followUpRequests { id requestedAt reason route agencies { id name } }";

    private const string ClientView = "query($id: ID!, $days: Int) { client(id: $id) { " + ClientDetails +
        " family { id name area members { id displayName } } " + Team + " " + Changes + " " + Visits + " } }";

    private const string FamilyView = "query($id: ID!, $days: Int) { family(id: $id) { id name area members { " + ClientDetails + " } " +
        Team + " " + Changes + " " + FollowUps + " " + Visits + " } }";

    private const string Search = "query($q: String!, $dob: DateOnly, $first: Int) { searchClients(query: $q, dateOfBirth: $dob, first: $first) " +
        "{ id displayName dateOfBirth postcodeDistrict inMyTeam } }";

    private const string MyClients = "{ myClients { " + ClientDetails + " family { id name } } }";

    private const string Me = "{ me { subject roles standing standingMessage practitioner " + PractitionerFields + " } }";

    private const string Count = "{ value suppressed }";
    private const string Distribution = "{ mean median buckets { from to label count " + Count + " } }";
    private const string Share = "{ count " + Count + " share }";
    private const string AreaDensity = "{ area suppressed families " + Count + " practitionersPerFamily " + Distribution +
        " agenciesPerFamily " + Distribution + " threeOrMoreAgencies " + Share + " singleAgency " + Share + " noKeyWorker " + Share + " }";
    private const string ReportArgs = "($area: String, $kind: AgencyKind, $asOf: DateOnly)";
    private const string ReportFilter = "(area: $area, agencyKind: $kind, asOf: $asOf)";

    private const string Density = "query" + ReportArgs + " { networkDensity" + ReportFilter + " { areas " + AreaDensity + " overall " + AreaDensity + " } }";
    private const string FamilyNetworks = "query" + ReportArgs + " { familyNetworks" + ReportFilter + " { area agencies lastContact families " + Count +
        " withKeyWorker " + Count + " withVisitPlanned " + Count + " practitionersPerFamily membersWithInvolvementShare } }";
    private const string Pairs = "query" + ReportArgs + " { agencyCoInvolvement" + ReportFilter + " { area first { id name } second { id name } families " + Count + " } }";
    private const string Caseloads = "query" + ReportArgs + " { caseloads" + ReportFilter + " { agency { id name } practitioners " + Count + " families " + Count +
        " clients " + Count + " familiesPerPractitioner " + Distribution + " clientsPerPractitioner " + Distribution + " } }";
    private const string NoContact = "query($area: String, $kind: AgencyKind, $days: Int, $reasons: [NoContactReason!], $first: Int, $after: String) " +
        "{ familiesWithoutContact(area: $area, agencyKind: $kind, days: $days, reasons: $reasons, first: $first, after: $after) " +
        "{ rows { reference area lastContact hasActiveInvolvement onlyOverdueVisits reasons } endCursor hasNextPage } }";
    private const string DutyInbox = "{ dutyFollowUpRequests { request { id requestedAt reason route agencies { id name } } familyId householdName area } }";

    private const string Trail = "query($client: ID, $practitioner: ID, $family: ID, $action: AuditAction, $from: DateTimeOffset, $to: DateTimeOffset, $first: Int) " +
        "{ auditTrail(clientId: $client, practitionerId: $practitioner, familyId: $family, action: $action, from: $from, to: $to, first: $first) " +
        "{ at subject practitioner { id name } action clientId familyId reason detail requestId } }";

    // ---- Phase 0: reads, as every role.

    private static IEnumerable<ParityRequest> Reads(District d)
    {
        foreach (var account in new[] { InTeam, Outside, Restricted, Joiner, Suspended, Analyst, Commissioner, Admin })
        {
            yield return new($"me as {account}", account, Me);
        }
        yield return new("agencies", Outside, "{ agencies " + AgencyFields + " }");
        foreach (var (name, query, dob) in SearchCases(d))
        {
            yield return new($"search {name} outside the team", Outside, Search, new { q = query, dob });
            yield return new($"search {name} in the team", InTeam, Search, new { q = query, dob });
        }
        yield return new("search the shielded client as their own team", Joiner, Search, new { q = d.ShieldedName });
        yield return new("search the shielded client as another", InTeam, Search, new { q = d.ShieldedName });
        yield return new("search the first two matches", Restricted, Search, new { q = "okafor", first = 2 });
        foreach (var (name, account) in new[] { ("in the team", InTeam), ("restricted", Restricted), ("health visitor", HealthVisitor) })
        {
            yield return new($"client view {name}", account, ClientView, new { id = d.Ngozi, days = 90 });
            yield return new($"family view {name}", account, FamilyView, new { id = d.Okafor, days = 90 });
        }
        yield return new("shielded client as their own team", Joiner, ClientView, new { id = d.Shielded, days = 90 });
        foreach (var account in new[] { InTeam, Restricted, Joiner })
        {
            yield return new($"my clients as {account}", account, MyClients);
        }
        foreach (var request in Reports("before", Analyst))
        {
            yield return request;
        }
        foreach (var request in NoContactLists("before", "HEALTH"))
        {
            yield return request;
        }
        yield return new("duty inbox, empty", Joiner, DutyInbox);
    }

    private static IEnumerable<(string Name, string Query, string? DateOfBirth)> SearchCases(District d) =>
    [
        ("a full name", d.Tour.DisplayName, null),
        ("a name without its diacritics", d.Accented.Folded, null),
        ("a name with its diacritics", d.Accented.DisplayName, null),
        ("partial names", $"{d.Tour.GivenName[..3]} {d.Tour.FamilyName[..4]}", null),
        ("a family name and date of birth", d.Tour.FamilyName, d.Tour.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("a family name and another date of birth", d.Tour.FamilyName, "1950-01-01"),
        ("in lower case", d.Tour.FamilyName.ToLowerInvariant(), null),
        ("a name nobody has", "Zzyzxwq", null),
    ];

    /// <summary>Every report with no filter, each filter, both together, and two month ends.</summary>
    private static IEnumerable<ParityRequest> Reports(string when, string account)
    {
        object[] filters =
        [
            new { },
            new { area = District.Area },
            new { kind = "HEALTH" },
            new { asOf = LastMonthEnd },
            new { area = District.Area, kind = "COUNTY_COUNCIL", asOf = "2026-06-30" },
        ];
        foreach (var (report, query) in new[] { ("density", Density), ("family networks", FamilyNetworks), ("agency pairs", Pairs), ("caseloads", Caseloads) })
        {
            for (var i = 0; i < filters.Length; i++)
            {
                yield return new($"{report} {when}, filter {i}", account, query, filters[i]);
            }
        }
    }

    private const string LastMonthEnd = "2026-10-31";

    private static IEnumerable<ParityRequest> NoContactLists(string when, string kind)
    {
        yield return new($"no contact {when}", Commissioner, NoContact, new { });
        yield return new($"no contact {when}, 30 days in an area", Commissioner, NoContact, new { area = District.Area, days = 30 });
        yield return new($"no contact {when}, {kind}, a year", Commissioner, NoContact, new { kind, days = 365 });
        yield return new($"no contact {when}, no involvement", Commissioner, NoContact, new { reasons = new[] { "NO_ACTIVE_INVOLVEMENT" } });
        yield return new($"no contact {when}, overdue visits or none recent", Commissioner, NoContact,
            new { reasons = new[] { "ONLY_OVERDUE_VISITS", "NO_RECENT_CONTACT" }, days = 180 });
        yield return new($"no contact {when}, first page", Commissioner, NoContact, new { first = 7 });
    }

    // ---- Phase 1: refusals, of each kind.

    private static IEnumerable<ParityRequest> Refusals(District d)
    {
        yield return new("client view outside the team", Outside, ClientView, new { id = d.Ngozi }, Forbidden);
        yield return new("family view outside the team", Outside, FamilyView, new { id = d.Okafor }, Forbidden);
        yield return new("client view of the shielded client as another", InTeam, ClientView, new { id = d.Shielded }, Forbidden);
        yield return new("client view of nobody", InTeam, ClientView, new { id = Nobody }, NotFound);
        yield return new("family view of nobody", InTeam, FamilyView, new { id = Nobody }, NotFound);
        yield return new("client view of a malformed id", InTeam, ClientView, new { id = "not an id" }, BadInput);
        yield return new("search as a suspended agency's practitioner", Suspended, Search, new { q = "okafor" }, Forbidden);
        yield return new("search as an analyst", Analyst, Search, new { q = "okafor" }, Forbidden);
        yield return new("search of two letters", InTeam, Search, new { q = "ok" }, BadInput);
        yield return new("my clients as an admin", Admin, MyClients, null, Forbidden);
        yield return new("density as a practitioner", InTeam, Density, new { }, Forbidden);
        yield return new("no contact as an analyst", Analyst, NoContact, new { }, Forbidden);
        yield return new("density as of a day that ends no month", Analyst, Density, new { asOf = "2026-10-30" }, BadInput);
        yield return new("caseloads as of a month not yet ended", Analyst, Caseloads, new { asOf = "2026-11-30" }, BadInput);
        yield return new("no contact for 45 days", Commissioner, NoContact, new { days = 45 }, BadInput);
        yield return new("no contact after a made-up cursor", Commissioner, NoContact, new { after = "bm90LWEtY3Vyc29y" }, BadInput);
        yield return new("audit trail as a practitioner", InTeam, Trail, new { }, Forbidden);
        yield return new("audit trail as a commissioner", Commissioner, Trail, new { }, Forbidden);
        yield return new("duty inbox as an analyst", Analyst, DutyInbox, null, Forbidden);
    }

    // ---- Phase 2: writes, in the same order on both.

    private static IEnumerable<ParityRequest> Writes(District d)
    {
        const string Join = "mutation($id: ID!, $reason: String!, $restricted: Boolean) { joinTeam(clientId: $id, reason: $reason, restricted: $restricted) { id displayName " + Team + " } }";
        const string Schedule = "mutation($id: ID!, $at: DateTimeOffset!, $mode: VisitMode!) { scheduleVisit(input: { clientId: $id, scheduledFor: $at, mode: $mode }) " + VisitFields + " }";
        const string Contact = "mutation($id: ID!, $at: DateTimeOffset!, $mode: VisitMode!, $visit: ID) { recordContact(input: { clientId: $id, completedAt: $at, mode: $mode, visitId: $visit }) " + VisitFields + " }";
        const string Cancel = "mutation($visit: ID!) { cancelVisit(visitId: $visit) " + VisitFields + " }";
        const string Leave = "mutation($id: ID!, $reason: String) { leaveTeam(clientId: $id, reason: $reason) { clientId since reason restricted endedOn endReason } }";
        const string FollowUp = "mutation($ref: String!, $reason: String!) { requestFollowUp(reference: $ref, reason: $reason) { reference requestedAt route agencies { id name } } }";
        var now = At(2, 0);

        yield return new("join with a reason", Joiner, Join, new { id = d.Tour.Id, reason = "Allocated after a referral from school" });
        yield return new("join again", Joiner, Join, new { id = d.Tour.Id, reason = "Allocated again" }, Conflict);
        yield return new("join with no reason", Outside, Join, new { id = d.Tour.Id, reason = " " }, BadInput);
        yield return new("join a restricted involvement", Restricted, Join, new { id = d.Tour.Id, reason = "Safety planning with the family" });
        yield return new("join another member, then leave", Joiner, Join, new { id = d.Chidi, reason = "Sibling assessment" });
        yield return new("schedule a visit", Joiner, Schedule, new { id = d.Tour.Id, at = now.AddDays(2), mode = "HOME_VISIT" })
        { Mints = ("scheduleVisit.id", "home visit") };
        yield return new("schedule a second visit", Joiner, Schedule, new { id = d.Tour.Id, at = now.AddDays(9), mode = "OFFICE" })
        { Mints = ("scheduleVisit.id", "office visit") };
        yield return new("schedule a visit to the other member", Joiner, Schedule, new { id = d.Chidi, at = now.AddDays(3), mode = "PHONE" })
        { Mints = ("scheduleVisit.id", "phone call") };
        yield return new("schedule a visit in the past", Joiner, Schedule, new { id = d.Tour.Id, at = now.AddDays(-2), mode = "PHONE" }, BadInput);
        yield return new("schedule a visit outside the team", Outside, Schedule, new { id = d.Tour.Id, at = now.AddDays(2), mode = "PHONE" }, Forbidden);
        yield return new("schedule a visit to nobody", Joiner, Schedule, new { id = Nobody, at = now.AddDays(2), mode = "PHONE" }, NotFound);
        yield return new("record a contact", Joiner, Contact, new { id = d.Tour.Id, at = now.AddHours(-3), mode = "PHONE" })
        { Mints = ("recordContact.id", "phone contact") };
        yield return new("record the planned visit as done", Joiner, Contact, new { id = d.Tour.Id, at = now.AddMinutes(-1), mode = "HOME_VISIT", visit = "⟨home visit⟩" });
        yield return new("record a contact in the future", Joiner, Contact, new { id = d.Tour.Id, at = now.AddDays(1), mode = "PHONE" }, BadInput);
        yield return new("complete the done visit again", Joiner, Contact, new { id = d.Tour.Id, at = now, mode = "HOME_VISIT", visit = "⟨home visit⟩" }, Conflict);
        yield return new("cancel a visit", Joiner, Cancel, new { visit = "⟨office visit⟩" });
        yield return new("cancel it again", Joiner, Cancel, new { visit = "⟨office visit⟩" }, Conflict);
        yield return new("cancel another's visit", Joiner, Cancel, new { visit = d.OthersPlannedVisit }, Forbidden);
        yield return new("leave the other member's team", Joiner, Leave, new { id = d.Chidi, reason = "Assessment complete" });
        yield return new("leave a team not joined", Outside, Leave, new { id = d.Chidi }, Conflict);
        yield return new("update my contact details", InTeam, "mutation { updateMyContactDetails(input: { email: \"tom.gallagher@eastmere-fire.example\", " +
            "mobile: \"07700 900123\", preferredContact: MOBILE }) " + PractitionerFields + " }");
        yield return new("update my contact details to a bad number", InTeam, "mutation { updateMyContactDetails(input: { mobile: \"12\", preferredContact: MOBILE }) { id } }", null, BadInput);
        yield return new("break glass", Outside, "mutation($id: ID!) { breakGlass(clientId: $id, reason: \"Police report the child alone at the address tonight\", " +
            "category: CHILD_AT_RISK) { id displayName " + Team + " } }", new { id = d.Chidi });
        yield return new("request a follow-up of a family with a team", Commissioner, FollowUp, new { @ref = d.OkaforReference, reason = "No recorded contact with the youngest since spring" });
        yield return new("request a follow-up of a family with no team", Commissioner, FollowUp, new { @ref = d.NoTeamReference, reason = "Referred by the school: no agency involved" });
        yield return new("request a follow-up of nobody", Commissioner, FollowUp, new { @ref = "F-0000000000", reason = "Checking" }, NotFound);
        yield return new("request a follow-up with no reason", Commissioner, FollowUp, new { @ref = d.OkaforReference, reason = "" }, BadInput);
        foreach (var request in Registrations())
        {
            yield return request;
        }
        foreach (var request in Administration(d))
        {
            yield return request;
        }
    }

    private static IEnumerable<ParityRequest> Registrations()
    {
        const string Register = "mutation($given: String!, $dob: DateOnly!) { registerClient(input: { givenName: $given, familyName: \"Ashdown\", dateOfBirth: $dob, " +
            "address: \"12 Weir Lane, Eastmere\", postcode: \"NR3 1QP\", reason: \"Referred by the school nurse\" }) { " + ClientDetails + " } }";
        yield return new("register a client", Joiner, Register, new { given = "Wren", dob = "2012-09-14" }) { Mints = ("registerClient.id", "Wren") };
        yield return new("register a sibling", Joiner, Register, new { given = "Ivy", dob = "2015-02-03" }) { Mints = ("registerClient.id", "Ivy") };
        yield return new("register a client born tomorrow", Joiner, Register, new { given = "Early", dob = "2026-11-12" }, BadInput);
        yield return new("create a family", Joiner, "mutation($id: ID!) { createFamily(input: { name: \"the Ashdown household\", area: \"Eastmere / Harbour\", " +
            "clientId: $id, relationship: \"child\" }) { id name area members { id displayName familyRelationship } } }", new { id = "⟨Wren⟩" })
        { Mints = ("createFamily.id", "Ashdown household") };
        yield return new("add a family member", Joiner, "mutation($family: ID!, $id: ID!) { addFamilyMember(familyId: $family, clientId: $id, relationship: \"child\") " +
            "{ id familyRelationship family { id members { id } } } }", new { family = "⟨Ashdown household⟩", id = "⟨Ivy⟩" });
        // Contacted this week by the social worker's county council, the new household is on no list the week after
        // (unless narrowed to another kind of agency): its reference, made from an id each store minted, differs
        // between them, and so would its place in the list.
        yield return new("record a contact with the registered client", Joiner,
            "mutation($id: ID!, $at: DateTimeOffset!) { recordContact(input: { clientId: $id, completedAt: $at, mode: HOME_VISIT }) { id status } }",
            new { id = "⟨Wren⟩", at = At(2, 0) })
        { Mints = ("recordContact.id", "home visit to the registered client") };
        yield return new("add the member again", Joiner, "mutation($family: ID!, $id: ID!) { addFamilyMember(familyId: $family, clientId: $id, relationship: \"child\") { id } }",
            new { family = "⟨Ashdown household⟩", id = "⟨Ivy⟩" }, Conflict);
    }

    private static IEnumerable<ParityRequest> Administration(District d)
    {
        const string Onboard = "mutation { onboardAgency(input: { name: \"Eastmere Young Carers\", kind: VOLUNTARY, dutyPhone: \"01603 555010\", " +
            "dutyEmail: \"duty@youngcarers.example\", agreement: { status: ACTIVE, signedOn: \"2026-01-05\" } }) " + AgencyFields + " }";
        const string Add = "mutation($agency: ID!, $subject: String!) { addPractitioner(input: { agencyId: $agency, name: \"Robin Vale\", role: \"Young carers worker\", " +
            "email: \"robin.vale@youngcarers.example\", preferredContact: EMAIL, subject: $subject }) " + PractitionerFields + " }";
        const string Left = "mutation($id: ID!) { recordPractitionerLeft(practitionerId: $id) " + PractitionerFields + " }";
        yield return new("onboard an agency", Admin, Onboard) { Mints = ("onboardAgency.id", "Young Carers") };
        yield return new("onboard it again", Admin, Onboard, null, Conflict);
        yield return new("add a practitioner", Admin, Add, new { agency = "⟨Young Carers⟩", subject = "young-carers-robin" }) { Mints = ("addPractitioner.id", "Robin") };
        yield return new("add a practitioner with a subject in use", Admin, Add, new { agency = "⟨Young Carers⟩", subject = InTeam }, Conflict);
        yield return new("add a practitioner to nobody", Admin, Add, new { agency = Nobody, subject = "young-carers-nobody" }, NotFound);
        yield return new("suspend an agreement", Admin, "mutation($id: ID!) { setAgreement(agencyId: $id, agreement: { status: SUSPENDED, signedOn: \"2026-01-05\" }) " + AgencyFields + " }",
            new { id = "⟨Young Carers⟩" });
        yield return new("record a practitioner left", Admin, Left, new { id = d.Leaver });
        yield return new("record the leaver left again", Admin, Left, new { id = d.Leaver }, Conflict);
        yield return new("join a team as an admin", Admin, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Admin check\") { id } }", new { id = d.Tour.Id }, Forbidden);
    }

    // ---- Phase 3: what the writes did, as each role sees it.

    private static IEnumerable<ParityRequest> Effects(District d)
    {
        foreach (var (name, account) in new[] { ("joined", Joiner), ("in the team", InTeam), ("restricted", Restricted), ("health visitor", HealthVisitor) })
        {
            yield return new($"client view after, {name}", account, ClientView, new { id = d.Tour.Id, days = 7 });
            // The follow-up's id is new on each store, and first shown here.
            yield return new($"family view after, {name}", account, FamilyView, new { id = d.Okafor, days = 7 })
            { Mints = ("family.followUpRequests.0.id", "team follow-up") };
        }
        yield return new("client view of the left member after", InTeam, ClientView, new { id = d.Chidi, days = 7 });
        yield return new("registered family view", Joiner, FamilyView, new { id = "⟨Ashdown household⟩", days = 7 });
        yield return new("search the registered clients", Joiner, Search, new { q = "ashdown" });
        yield return new("search after joining", Joiner, Search, new { q = d.Tour.DisplayName });
        yield return new("my clients after", Joiner, MyClients);
        yield return new("family view outside the team after", Outside, FamilyView, new { id = d.Okafor }, Forbidden);
        yield return new("team family follow-ups", InTeam, "query($id: ID!) { family(id: $id) { " + FollowUps + " } }", new { id = d.Okafor });
        foreach (var account in new[] { Joiner, InTeam, Outside, Restricted, HealthVisitor })
        {
            yield return new($"duty inbox as {account}", account, DutyInbox) { Mints = ("dutyFollowUpRequests.0.request.id", $"duty follow-up for {account}") };
        }
        yield return new("me after the contact details", InTeam, Me);
        yield return new("agencies after onboarding", Admin, "{ agencies " + AgencyFields + " }");
        foreach (var request in Reports("after", Commissioner))
        {
            yield return request;
        }
    }

    // ---- Phase 5: the next week, when the no-contact list is of a moment after the writes.

    private static IEnumerable<ParityRequest> Later(District d, ParityHosts hosts)
    {
        foreach (var request in NoContactLists("next week", "COUNTY_COUNCIL"))
        {
            yield return request;
        }
        var cursor = hosts.DataOf("no contact next week, first page")?["familiesWithoutContact"]?["endCursor"]?.GetValue<string>();
        yield return new("no contact next week, second page", Commissioner, NoContact, new { first = 7, after = cursor });
        yield return new("density next week", Analyst, Density, new { });
        yield return new("family view next week", InTeam, FamilyView, new { id = d.Okafor, days = 7 });
    }

    // ---- Phase 4: the audit trail, by each filter and their combinations.

    private static IEnumerable<ParityRequest> Audit(District d)
    {
        yield return new("trail, newest 400", Admin, Trail, new { first = 400 });
        yield return new("trail, newest 3", Admin, Trail, new { first = 3 });
        yield return new("trail of a client", Admin, Trail, new { client = d.Tour.Id });
        yield return new("trail of a registered client", Admin, Trail, new { client = "⟨Wren⟩" });
        yield return new("trail of a practitioner", Admin, Trail, new { practitioner = d.JoinerId, first = 300 });
        yield return new("trail of a family", Admin, Trail, new { family = d.Okafor, first = 300 });
        foreach (var action in new[] { "JOIN_TEAM", "SEARCH", "DENIED", "VIEW_FAMILY", "VIEW_REPORT", "SCHEDULE_VISIT", "BREAK_GLASS", "REQUEST_FOLLOW_UP", "VIEW_AUDIT_TRAIL" })
        {
            yield return new($"trail of action {action}", Admin, Trail, new { action, first = 300 });
        }
        // The window's ends fall exactly on two requests' times: the first is in (inclusive), the second out (exclusive).
        var window = new { from = At(2, 5), to = At(2, 12) };
        yield return new("trail in a time window", Admin, Trail, window);
        yield return new("trail from a time", Admin, Trail, new { from = At(2, 20), first = 300 });
        yield return new("trail until a time", Admin, Trail, new { to = At(0, 20) });
        yield return new("trail of a client in a window", Admin, Trail, new { client = d.Tour.Id, window.from, window.to });
        yield return new("trail of a client by action", Admin, Trail, new { client = d.Tour.Id, action = "RECORD_CONTACT" });
        yield return new("trail of a client by practitioner", Admin, Trail, new { client = d.Tour.Id, practitioner = d.JoinerId });
        yield return new("trail of a family by practitioner and action", Admin, Trail, new { family = d.Okafor, practitioner = d.JoinerId, action = "VIEW_FAMILY" });
        yield return new("trail of a practitioner by action in a window", Admin, Trail,
            new { practitioner = d.JoinerId, action = "SCHEDULE_VISIT", window.from, window.to });
        yield return new("trail of a client and another family", Admin, Trail, new { client = d.Tour.Id, family = "⟨Ashdown household⟩" });
        yield return new("trail of nobody", Admin, Trail, new { client = Nobody });
        yield return new("trail with a malformed id", Admin, Trail, new { client = "not an id" }, BadInput);
    }

    /// <summary>The people and families of the demo district the requests are about, found in the snapshot both stores hold.</summary>
    private sealed class District
    {
        public const string Area = "Eastmere / Harbour";

        public District(NetworkSnapshot snapshot, Pseudonyms pseudonyms)
        {
            var family = snapshot.Families.Single(f => f.Name == DemoNetwork.WalkThrough.FamilyName);
            var members = snapshot.Clients.Where(c => c.FamilyId == family.Id).ToList();
            var current = snapshot.Involvements.Where(i => i.EndedOn is null).ToList();
            var practitioner = (string subject) => snapshot.Practitioners.Single(p => p.Subject == subject).Id;
            Okafor = family.Id;
            Tour = members.Single(c => c.DisplayName == DemoNetwork.WalkThrough.ClientName);
            Ngozi = members.First(c => current.Any(i => i.ClientId == c.Id && i.Restricted)).Id;
            Chidi = members.First(c => c.Id != Tour.Id && c.Id != Ngozi && current.All(i => i.ClientId != c.Id || i.PractitionerId != practitioner(Joiner))).Id;
            JoinerId = practitioner(Joiner);
            Leaver = practitioner("demo-family-support-worker");
            var shielded = snapshot.Clients.First(c => c.Shielded && current.Any(i => i.ClientId == c.Id && i.PractitionerId == JoinerId));
            Shielded = shielded.Id;
            ShieldedName = shielded.DisplayName;
            var accented = snapshot.Clients.First(c => !c.Shielded && c.DisplayName != Folded(c.DisplayName));
            Accented = (accented.DisplayName, Folded(accented.DisplayName));
            OthersPlannedVisit = snapshot.Visits.First(v => v.Status == VisitStatus.Planned && v.PractitionerId != JoinerId && !v.Restricted).Id;
            OkaforReference = pseudonyms.Reference(Okafor);
            // Nobody ever worked with it, so a follow-up goes to the county council's duty contacts: the social worker's.
            NoTeamReference = pseudonyms.Reference(snapshot.Families.First(f =>
                snapshot.Clients.Where(c => c.FamilyId == f.Id).All(c => snapshot.Involvements.All(i => i.ClientId != c.Id))).Id);
            Assert.Contains(snapshot.Families, f => f.Area == Area);
        }

        public string Okafor { get; }

        public Client Tour { get; }

        public string Ngozi { get; }

        public string Chidi { get; }

        public string JoinerId { get; }

        public string Leaver { get; }

        public string Shielded { get; }

        public string ShieldedName { get; }

        public (string DisplayName, string Folded) Accented { get; }

        public string OthersPlannedVisit { get; }

        public string OkaforReference { get; }

        public string NoTeamReference { get; }

        private const string Accents = "áàâäãåéèêëíìîïóòôöõøúùûüýÿñçł";
        private const string Plain = "aaaaaaeeeeiiiioooooouuuuyyncl";

        /// <summary>
        /// The name as typed on a keyboard without accents. Spelt out letter by letter: the test host runs with invariant
        /// globalization, where Unicode decomposition leaves accented letters as they are.
        /// </summary>
        private static string Folded(string name) =>
            new([.. name.Select(c => Accents.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal) is var i and >= 0 ? Plain[i] : c)]);
    }
}
