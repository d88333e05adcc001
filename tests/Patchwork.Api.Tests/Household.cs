using System.Text.Json.Nodes;

namespace Patchwork.Api.Tests;

/// <summary>
/// A network a test builds for itself through the API, as the practitioners themselves would: clients registered,
/// households formed, teams joined, visits planned. Each call returns what the test needs to name it later.
/// </summary>
internal sealed class Household(PatchworkApp app)
{
    /// <summary>A demo account at a restricted service (women's aid): each of its involvements is restricted.</summary>
    public const string WomensAidEmail = "sian.morgan@eastmere-womensaid.example";

    /// <summary>A family name no demo client has, so a search for it finds only this test's clients.</summary>
    public string Surname { get; } = "Tern" + string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 26))));

    public async Task<JsonNode> OkAsync(string token, string query, object? variables = null) =>
        (await app.GraphQLAsync(token, query, variables)).Ok();

    public async Task<(string Id, string AgencyId, string DutyPhone)> MeAsync(string token)
    {
        var me = (await OkAsync(token, "{ me { practitioner { id agency { id dutyPhone } } } }"))["me"]!["practitioner"]!;
        return (me["id"]!.GetValue<string>(), me["agency"]!["id"]!.GetValue<string>(), me["agency"]!["dutyPhone"]!.GetValue<string>());
    }

    public async Task<string> RegisterAsync(string token, string givenName, bool shielded = false) =>
        (await OkAsync(token, """
            mutation($g: String!, $f: String!, $s: Boolean!) { registerClient(input: { givenName: $g, familyName: $f, dateOfBirth: "1990-04-02",
              address: "3 Mill Row, Eastmere", postcode: "NR2 4TT", shielded: $s, reason: "Referred by the school" }) { id } }
            """, new { g = givenName, f = Surname, s = shielded }))["registerClient"]!["id"]!.GetValue<string>();

    public async Task<string> CreateFamilyAsync(string token, string firstMember, string relationship) =>
        (await OkAsync(token, """
            mutation($c: ID!, $n: String!, $r: String!) { createFamily(input: { name: $n, area: "Eastmere North", clientId: $c, relationship: $r }) { id } }
            """, new { c = firstMember, n = $"the {Surname} household", r = relationship }))["createFamily"]!["id"]!.GetValue<string>();

    public Task AddMemberAsync(string token, string familyId, string clientId, string relationship) =>
        OkAsync(token, "mutation($f: ID!, $c: ID!, $r: String!) { addFamilyMember(familyId: $f, clientId: $c, relationship: $r) { id } }",
            new { f = familyId, c = clientId, r = relationship });

    public Task JoinAsync(string token, string clientId, string reason, bool restricted = false) =>
        OkAsync(token, "mutation($c: ID!, $r: String!, $x: Boolean) { joinTeam(clientId: $c, reason: $r, restricted: $x) { id } }",
            new { c = clientId, r = reason, x = restricted });

    public async Task<string> VisitAsync(string token, string clientId, int days) =>
        (await OkAsync(token, "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: HOME_VISIT }) { id } }",
            new { c = clientId, at = DateTimeOffset.UtcNow.AddDays(days) }))["scheduleVisit"]!["id"]!.GetValue<string>();
}
