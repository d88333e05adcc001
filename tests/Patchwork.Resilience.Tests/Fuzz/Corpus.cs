using System.Globalization;
using System.Text.Json.Nodes;
using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Resilience.Tests.Fuzz;

/// <summary>What the fuzzer knows about the running network: real tokens and real ids to aim at.</summary>
public sealed record FuzzContext(
    string PractitionerSubject,
    IReadOnlyList<string> Tokens,
    IReadOnlyList<string> ClientIds,
    IReadOnlyList<string> FamilyIds,
    IReadOnlyList<string> VisitIds,
    IReadOnlyList<string> AgencyIds,
    IReadOnlyList<string> PractitionerIds)
{
    /// <summary>The walk-through practitioner's token: in teams, so documents get past the access rules.</summary>
    public string PractitionerToken => Tokens[0];

    public string AnyToken(Random random) => random.Next(3) == 0 ? Tokens[random.Next(Tokens.Count)] : PractitionerToken;

    public string ClientId(Random random) => Pick(random, ClientIds);

    public string FamilyId(Random random) => Pick(random, FamilyIds);

    public string VisitId(Random random) => Pick(random, VisitIds);

    public string AgencyId(Random random) => Pick(random, AgencyIds);

    /// <summary>An id that names nothing: for mutations that would otherwise lock the fuzzer's own accounts out.</summary>
    public static string UnknownId(Random random) => random.Next(3) switch
    {
        0 => Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + "00000000deadbeef",
        1 => "not-an-id",
        _ => "x",
    };

    private static string Pick(Random random, IReadOnlyList<string> ids) => ids.Count == 0 ? UnknownId(random) : ids[random.Next(ids.Count)];
}

/// <summary>A valid operation from the schema, with a way to make plausible variables for it.</summary>
public sealed record CorpusDocument(string Name, string Query, Func<Random, FuzzContext, JsonObject> Variables, string? OperationName = null);

/// <summary>Valid documents covering every query and mutation in the schema: the seeds the fuzzer mutates.</summary>
public static class Corpus
{
    private static readonly string[] SearchTexts = ["grace okafor", "smith", "jones", "okafor", "a", "zz", "grace*", "\"grace\"", "o'brien", "NEAR(a b)", "-x", "ab OR cd", "évelyne"];
    private static readonly string[] Modes = ["HOME_VISIT", "OFFICE", "PHONE", "VIDEO", "EMAIL", "OTHER"];

    public static IReadOnlyList<CorpusDocument> All { get; } =
    [
        new("me", "{ me { subject roles standing standingMessage practitioner { id name role email mobile landline preferredContact status agency { id name kind dutyPhone agreement { status signedOn expiresOn } } } } }", None),
        new("agencies", "{ agencies { id name kind dutyPhone dutyEmail restrictedService agreement { status signedOn expiresOn } } }", None),
        new("searchClients", "query Find($q: String!, $dob: DateOnly, $n: Int) { searchClients(query: $q, dateOfBirth: $dob, first: $n) { id displayName dateOfBirth postcodeDistrict inMyTeam } }",
            (r, _) => new JsonObject
            {
                ["q"] = SearchTexts[r.Next(SearchTexts.Length)],
                ["dob"] = r.Next(3) == 0 ? Date(r) : null,
                ["n"] = r.Next(1, 50),
            }),
        new("client", """
            query($id: ID!) { client(id: $id) { id givenName familyName displayName dateOfBirth address postcode nhsNumber shielded
              familyRelationship family { id name area }
              team { practitioner { id name role mobile email preferredContact agency { name } } agency { name dutyPhone } supports { id displayName } since lastContactAt nextVisitAt restricted notice }
              upcomingVisits(first: 5) { id mode status scheduledFor practitioner { name } } recentContacts(first: 5) { id completedAt mode } } }
            """, (r, c) => new JsonObject { ["id"] = c.ClientId(r) }),
        new("family", """
            query($id: ID!) { family(id: $id) { id name area members { id displayName familyRelationship }
              team { practitioner { name } agency { name } supports { displayName } nextVisitAt lastContactAt restricted notice }
              upcomingVisits { id scheduledFor } recentContacts { id completedAt } } }
            """, (r, c) => new JsonObject { ["id"] = c.FamilyId(r) }),
        new("myClients", "{ myClients { id displayName family { id name members { displayName } } team { since restricted } upcomingVisits(first: 3) { id } } }", None),
        new("teamChanges", "query($id: ID!, $d: Int) { client(id: $id) { teamChanges(days: $d) { kind at reason restricted practitioner { name } agency { name } client { displayName } } } }",
            (r, c) => new JsonObject { ["id"] = c.ClientId(r), ["d"] = r.Next(1, 90) }),
        new("auditTrail", """
            query($c: ID, $p: ID, $f: ID, $a: AuditAction, $from: DateTimeOffset, $to: DateTimeOffset, $n: Int) {
              auditTrail(clientId: $c, practitionerId: $p, familyId: $f, action: $a, from: $from, to: $to, first: $n) {
                at subject action clientId familyId reason detail requestId practitioner { name } } }
            """, (r, c) => new JsonObject
            {
                ["c"] = r.Next(2) == 0 ? c.ClientId(r) : null,
                ["a"] = r.Next(2) == 0 ? "JOIN_TEAM" : null,
                ["from"] = r.Next(2) == 0 ? Time(r, -30) : null,
                ["n"] = r.Next(1, 100),
            }),
        new("registerClient", """
            mutation($g: String!, $f: String!, $dob: DateOnly!, $a: String!, $p: String!, $nhs: String, $s: Boolean!, $r: String!) {
              registerClient(input: { givenName: $g, familyName: $f, dateOfBirth: $dob, address: $a, postcode: $p, nhsNumber: $nhs, shielded: $s, reason: $r }) {
                id postcode team { practitioner { name } } } }
            """, (r, _) => new JsonObject
            {
                ["g"] = "Fuzz",
                ["f"] = "Tester",
                ["dob"] = Date(r),
                ["a"] = "1 Test Street",
                ["p"] = r.Next(2) == 0 ? "EM1 1AA" : "em11aa",
                ["nhs"] = r.Next(2) == 0 ? "9434765919" : null,
                ["s"] = r.Next(4) == 0,
                ["r"] = "Referred by the school nurse",
            }),
        new("createFamily", "mutation($c: ID!, $n: String!, $a: String!, $r: String!) { createFamily(input: { clientId: $c, name: $n, area: $a, relationship: $r }) { id name members { id } } }",
            (r, c) => new JsonObject { ["c"] = c.ClientId(r), ["n"] = "the Fuzz household", ["a"] = "Eastmere North", ["r"] = "parent" }),
        new("addFamilyMember", "mutation($f: ID!, $c: ID!, $r: String!) { addFamilyMember(familyId: $f, clientId: $c, relationship: $r) { id familyRelationship } }",
            (r, c) => new JsonObject { ["f"] = c.FamilyId(r), ["c"] = c.ClientId(r), ["r"] = "child" }),
        new("joinTeam", "mutation($c: ID!, $r: String!, $x: Boolean) { joinTeam(clientId: $c, reason: $r, restricted: $x) { id team { since } } }",
            (r, c) => new JsonObject { ["c"] = c.ClientId(r), ["r"] = "Referral from school", ["x"] = r.Next(2) == 0 }),
        new("leaveTeam", "mutation($c: ID!, $r: String) { leaveTeam(clientId: $c, reason: $r) { clientId since endedOn endReason } }",
            (r, _) => new JsonObject { ["c"] = FuzzContext.UnknownId(r), ["r"] = "Case closed" }),
        new("scheduleVisit", "mutation($c: ID!, $at: DateTimeOffset!, $m: VisitMode!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: $m }) { id status scheduledFor } }",
            (r, c) => new JsonObject { ["c"] = c.ClientId(r), ["at"] = Time(r, 1 + r.Next(60)), ["m"] = Modes[r.Next(Modes.Length)] }),
        new("recordContact", "mutation($c: ID!, $at: DateTimeOffset!, $m: VisitMode!, $v: ID) { recordContact(input: { clientId: $c, completedAt: $at, mode: $m, visitId: $v }) { id status completedAt } }",
            (r, c) => new JsonObject { ["c"] = c.ClientId(r), ["at"] = Time(r, -1), ["m"] = Modes[r.Next(Modes.Length)], ["v"] = r.Next(2) == 0 ? c.VisitId(r) : null }),
        new("cancelVisit", "mutation($v: ID!) { cancelVisit(visitId: $v) { id status } }", (r, c) => new JsonObject { ["v"] = c.VisitId(r) }),
        new("updateMyContactDetails", "mutation($m: String, $e: String, $l: String, $p: ContactMethod!) { updateMyContactDetails(input: { mobile: $m, email: $e, landline: $l, preferredContact: $p }) { mobile email landline preferredContact } }",
            (r, _) => new JsonObject { ["m"] = "07700 900123", ["e"] = "hannah.reid@eastmere-council.example", ["l"] = null, ["p"] = r.Next(2) == 0 ? "MOBILE" : "EMAIL" }),
        new("breakGlass", "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: CHILD_AT_RISK) { id team { agency { name } } } }",
            (r, c) => new JsonObject { ["c"] = c.ClientId(r), ["r"] = "Child at risk tonight; team unreachable" }),
        new("onboardAgency", """
            mutation($n: String!, $k: AgencyKind!, $p: String!, $e: String!, $s: AgreementStatus!) {
              onboardAgency(input: { name: $n, kind: $k, dutyPhone: $p, dutyEmail: $e, agreement: { status: $s, signedOn: "2025-01-01" } }) { id name } }
            """, (r, _) => new JsonObject { ["n"] = "Fuzz Youth Project " + r.Next(1000), ["k"] = "VOLUNTARY", ["p"] = "01632 960123", ["e"] = "duty@fuzz.example", ["s"] = "ACTIVE" }),
        new("setAgreement", "mutation($a: ID!, $s: AgreementStatus!) { setAgreement(agencyId: $a, agreement: { status: $s, expiresOn: \"2030-01-01\" }) { id agreement { status } } }",
            (r, _) => new JsonObject { ["a"] = FuzzContext.UnknownId(r), ["s"] = "SUSPENDED" }),
        new("addPractitioner", """
            mutation($a: ID!, $n: String!, $s: String!) {
              addPractitioner(input: { agencyId: $a, name: $n, role: "Youth worker", email: "fuzz@fuzz.example", preferredContact: EMAIL, subject: $s }) { id name } }
            """, (r, c) => new JsonObject { ["a"] = c.AgencyId(r), ["n"] = "Fuzz Worker", ["s"] = "fuzz-subject-" + r.Next() }),
        new("recordPractitionerLeft", "mutation($p: ID!) { recordPractitionerLeft(practitionerId: $p) { id status } }",
            (r, _) => new JsonObject { ["p"] = FuzzContext.UnknownId(r) }),
        new("introspection", "{ __schema { queryType { name } types { name kind fields { name args { name type { name kind ofType { name kind } } } } } } }", None),
        new("typename", "{ __typename __type(name: \"Client\") { name fields { name } } }", None),
        new("fragments", "query($s: Boolean!) { me { ...Who @include(if: $s) } myClients { ...Person } } fragment Who on Me { subject standing } fragment Person on Client { id displayName }",
            (r, _) => new JsonObject { ["s"] = r.Next(2) == 0 }),
        new("operations", "query A { me { subject } } query B { agencies { name } } mutation C { cancelVisit(visitId: \"x\") { id } }", None, "B"),
    ];

    public static string Date(Random random) =>
        new DateOnly(1930 + random.Next(95), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(Random random, int days) =>
        DateTimeOffset.UtcNow.AddDays(days).AddMinutes(random.Next(600)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject None(Random random, FuzzContext context) => [];
}
