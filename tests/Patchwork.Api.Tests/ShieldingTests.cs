using System.Text.Json.Nodes;
using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.Tests;

/// <summary>
/// A shielded mother (in a refuge) and her son, in one household. The son's social worker is in the team around the
/// family, not in the mother's team: through every path that leads to the mother she must not learn where she lives,
/// nor get into her team by knowing her id.
/// </summary>
public sealed class ShieldingTests : IAsyncLifetime
{
    private const string Secret = "Flat 2, Harbour House";
    private readonly PatchworkApp _app = new("Development", new() { ["RateLimit:PermitsPerMinute"] = "0" });
    private string _social = "";
    private string _aid = "";
    private string _mother = "";
    private string _son = "";
    private string _family = "";

    public async Task InitializeAsync()
    {
        _social = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        _aid = await _app.TokenForAsync("sian.morgan@eastmere-womensaid.example");
        _son = await RegisterAsync(_social, "Noah", shielded: false, "7 Mill Row, Eastmere", "NR2 4TT");
        _mother = await RegisterAsync(_aid, "Maya", shielded: true, Secret, "NR9 9ZZ");
        // The refuge worker is in both teams, so she makes the household.
        (await _app.GraphQLAsync(_aid, "mutation($c: ID!) { joinTeam(clientId: $c, reason: \"Supporting the family after leaving home\") { id } }",
            new { c = _son })).Ok();
        _family = (await _app.GraphQLAsync(_aid, """
            mutation($c: ID!) { createFamily(input: { name: "the Marsh household", area: "Eastmere North", clientId: $c, relationship: "son" }) { id } }
            """, new { c = _son })).Ok()["createFamily"]!["id"]!.GetValue<string>();
        (await _app.GraphQLAsync(_aid, "mutation($f: ID!, $c: ID!) { addFamilyMember(familyId: $f, clientId: $c, relationship: \"mother\") { id } }",
            new { f = _family, c = _mother })).Ok();
    }

    [Fact]
    public async Task A_shielded_members_address_and_nhs_number_reach_nobody_outside_her_own_team_on_any_path()
    {
        var data = (await _app.GraphQLAsync(_social, """
            query($son: ID!, $mother: ID!, $family: ID!) {
              son: client(id: $son) { family { members { ...where } team { supports { ...where } } } }
              mother: client(id: $mother) { ...where }
              family(id: $family) { members { ...where } }
            }
            fragment where on Client { id shielded address postcode nhsNumber }
            """, new { son = _son, mother = _mother, family = _family })).Ok();

        var text = data.ToJsonString();
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("NR9 9ZZ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", text, StringComparison.Ordinal);
        var mother = data["mother"]!;
        Assert.True(mother["shielded"]!.GetValue<bool>());
        Assert.Null(mother["address"]);
        Assert.Null(mother["postcode"]);
        // Her son, who is not shielded, is shown in full to the same practitioner.
        var son = data["family"]!["members"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == _son)!;
        Assert.Equal("7 Mill Row, Eastmere", son["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task Her_own_team_sees_where_she_lives()
    {
        var mother = (await _app.GraphQLAsync(_aid, "query($id: ID!) { client(id: $id) { address postcode nhsNumber } }", new { id = _mother }))
            .Ok()["client"]!;

        Assert.Equal(Secret, mother["address"]!.GetValue<string>());
        Assert.Equal("9434765919", mother["nhsNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Knowing_her_id_is_not_enough_to_join_her_team_and_the_attempt_is_on_record()
    {
        var join = await _app.GraphQLAsync(_social, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Supporting the whole household\") { address } }",
            new { id = _mother });

        join.FailsWith("FORBIDDEN");
        Assert.DoesNotContain(Secret, join.Body.ToJsonString(), StringComparison.Ordinal);
        var team = (await _app.Store.Batches.GetClientTeamsAsync([_mother], default))[_mother];
        Assert.DoesNotContain(team, m => m.Practitioner.Name == "Hannah Reid");
        var denied = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(_mother, null, null, null, 10, AuditAction.Denied), default);
        Assert.Contains(denied, e => e.Subject == Demo.Tour.PractitionerSubject && e.Detail!.Contains("shielded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_through_the_api_finds_her_only_for_her_own_team_and_her_son_for_anyone()
    {
        const string search = "query($q: String!, $dob: DateOnly) { searchClients(query: $q, dateOfBirth: $dob) { id inMyTeam postcodeDistrict } }";

        var social = (await _app.GraphQLAsync(_social, search, new { q = "Marsh", dob = "1991-02-03" })).Ok()["searchClients"]!.AsArray();
        var aid = (await _app.GraphQLAsync(_aid, search, new { q = "Marsh", dob = "1991-02-03" })).Ok()["searchClients"]!.AsArray();

        // Her son, who is not shielded, is found by anyone searching; she is found by her own team alone.
        Assert.Contains(social, m => m!["id"]!.GetValue<string>() == _son);
        Assert.DoesNotContain(social, m => m!["id"]!.GetValue<string>() == _mother);
        Assert.DoesNotContain("NR9", social.ToJsonString(), StringComparison.Ordinal);
        var found = Assert.Single(aid, m => m!["id"]!.GetValue<string>() == _mother)!;
        Assert.True(found["inMyTeam"]!.GetValue<bool>());
        Assert.Equal("NR9", found["postcodeDistrict"]!.GetValue<string>());
        // Nor does the trail of the social worker's search list her among the records it returned.
        var searches = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 20, AuditAction.Search), default);
        var mine = Assert.Single(searches, e => e.Subject == Demo.Tour.PractitionerSubject && e.Detail!.Contains(_son, StringComparison.Ordinal));
        Assert.DoesNotContain(_mother, mine.Detail!, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> RegisterAsync(string token, string givenName, bool shielded, string address, string postcode) =>
        (await _app.GraphQLAsync(token, """
            mutation($g: String!, $s: Boolean!, $a: String!, $p: String!, $n: String) {
              registerClient(input: { givenName: $g, familyName: "Marsh", dateOfBirth: "1991-02-03", address: $a, postcode: $p,
                nhsNumber: $n, shielded: $s, reason: "Referred by the refuge" }) { id } }
            """, new { g = givenName, s = shielded, a = address, p = postcode, n = shielded ? "9434765919" : null }))
            .Ok()["registerClient"]!["id"]!.GetValue<string>();
}
