using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>Who may see what: search shows little, teams only to the team around a client, restrictions hold.</summary>
public sealed class AccessTests : IDisposable
{
    private const string FamilyTeamQuery = """
        query($id: ID!) {
          client(id: $id) {
            family {
              id name
              members { id displayName }
              team {
                restricted notice since lastContactAt nextVisitAt
                practitioner { id name role email mobile landline preferredContact }
                agency { name dutyPhone }
                supports { id }
              }
              upcomingVisits { id scheduledFor practitioner { id } }
            }
          }
        }
        """;

    private readonly PatchworkApp _app = new();

    [Fact]
    public async Task Search_shows_minimal_details_and_whether_i_am_in_the_team()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var data = (await _app.GraphQLAsync(token,
            "query($q: String!) { searchClients(query: $q) { id displayName dateOfBirth postcodeDistrict inMyTeam } }",
            new { q = Demo.Tour.SearchText })).Ok();
        var match = data["searchClients"]!.AsArray().First(m => m!["displayName"]!.GetValue<string>() == Demo.Tour.ClientName)!;
        Assert.False(match["inMyTeam"]!.GetValue<bool>());
        Assert.DoesNotContain(" ", match["postcodeDistrict"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, match.AsObject().Count);

        // The search was on record, with its text and how many it found, before the answer arrived.
        var trail = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 10, AuditAction.Search), default);
        var entry = Assert.Single(trail);
        Assert.Contains($"\"{Demo.Tour.SearchText}\"", entry.Detail, StringComparison.Ordinal);
        Assert.Contains($"{data["searchClients"]!.AsArray().Count} results", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(Demo.Tour.PractitionerSubject, entry.Subject);
    }

    [Fact]
    public async Task A_client_or_family_outside_my_teams_is_forbidden_and_the_denial_is_audited()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var clientId = await Demo.FindTourClientAsync(_app, token);
        var familyId = (await _app.Store.Batches.GetClientsAsync([clientId], default))[clientId].FamilyId!;

        var client = await _app.GraphQLAsync(token, "query($id: ID!) { client(id: $id) { address team { since } } }", new { id = clientId });
        client.FailsWith("FORBIDDEN");
        Assert.Null(client.Data?["client"]);
        var family = await _app.GraphQLAsync(token, "query($id: ID!) { family(id: $id) { name members { address } } }", new { id = familyId });
        family.FailsWith("FORBIDDEN");

        var trail = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100), default);
        Assert.Equal(2, trail.Count(e => e.Action == AuditAction.Denied));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_malformed_ids_are_bad_input()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        (await _app.GraphQLAsync(token, "{ client(id: \"0123456789abcdef\") { id } }")).FailsWith("NOT_FOUND");
        (await _app.GraphQLAsync(token, "{ family(id: \"0123456789abcdef\") { id } }")).FailsWith("NOT_FOUND");
        (await _app.GraphQLAsync(token, "{ client(id: \"../../etc/passwd\") { id } }")).FailsWith("BAD_USER_INPUT");
    }

    [Fact]
    public async Task Joining_with_a_reason_opens_the_family_team_merged_per_practitioner()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var clientId = await Demo.FindTourClientAsync(_app, token);

        var joined = (await _app.GraphQLAsync(token,
            "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Home safety visit follow-up\") { id team { practitioner { name } } } }",
            new { id = clientId })).Ok();
        Assert.Contains(joined["joinTeam"]!["team"]!.AsArray(), m => m!["practitioner"]?["name"]?.GetValue<string>() == Demo.Tour.PractitionerName);

        var family = (await _app.GraphQLAsync(token, FamilyTeamQuery, new { id = clientId })).Ok()["client"]!["family"]!;
        var team = family["team"]!.AsArray();
        var shown = team.Where(m => !m!["restricted"]!.GetValue<bool>()).Select(m => m!["practitioner"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(shown.Count, shown.Distinct().Count()); // one entry per practitioner
        Assert.True(team.Count >= 3);
        Assert.True(family["members"]!.AsArray().Count >= 3);
        Assert.All(team, m => Assert.NotEmpty(m!["agency"]!["dutyPhone"]!.GetValue<string>()));

        var trail = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(clientId, null, null, null, 100), default);
        Assert.Contains(trail, e => e.Action == AuditAction.JoinTeam && e.Reason == "Home safety visit follow-up");
        var familyViews = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 100), default);
        Assert.Contains(familyViews, e => e.Action == AuditAction.ViewFamily && e.FamilyId == family["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seeing_only_the_visits_or_team_changes_is_audited_as_a_view_once_per_request()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var clientId = await Demo.FindTourClientAsync(_app, token);
        await _app.GraphQLAsync(token, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Allocated\") { id } }", new { id = clientId });

        (await _app.GraphQLAsync(token, "query($id: ID!) { client(id: $id) { upcomingVisits { id } recentContacts { id } teamChanges { kind } } }",
            new { id = clientId })).Ok();
        var views = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(clientId, null, null, null, 10, AuditAction.ViewClient), default);
        Assert.Single(views);
    }

    [Fact]
    public async Task A_restricted_involvement_shows_only_its_duty_line_to_others_but_in_full_to_its_practitioner()
    {
        // A household of the test's own: the social worker supports mother and son; a women's aid worker (a restricted
        // service) supports the son and has a visit planned with him.
        var household = new Household(_app);
        var social = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var aid = await _app.TokenForAsync(Household.WomensAidEmail);
        var aidWorker = await household.MeAsync(aid);
        var mother = await household.RegisterAsync(social, "Ada");
        var son = await household.RegisterAsync(social, "Ben");
        var family = await household.CreateFamilyAsync(social, mother, "mother");
        await household.AddMemberAsync(social, family, son, "son");
        await household.JoinAsync(aid, son, "Independent domestic violence advocacy"); // restricted though not asked: a restricted service
        var visit = await household.VisitAsync(aid, son, days: 2);

        var seen = (await _app.GraphQLAsync(social, FamilyTeamQuery, new { id = mother })).Ok()["client"]!["family"]!;
        var team = seen["team"]!.AsArray();
        var restricted = Assert.Single(team, m => m!["restricted"]!.GetValue<bool>())!;
        Assert.Null(restricted["practitioner"]);
        Assert.Null(restricted["since"]);
        Assert.Null(restricted["lastContactAt"]);
        Assert.Null(restricted["nextVisitAt"]);
        Assert.Empty(restricted["supports"]!.AsArray());
        Assert.Contains("duty line", restricted["notice"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(aidWorker.DutyPhone, restricted["agency"]!["dutyPhone"]!.GetValue<string>());
        var open = Assert.Single(team, m => !m!["restricted"]!.GetValue<bool>())!;
        Assert.Equal(new[] { mother, son }.Order(StringComparer.Ordinal), open["supports"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        // Neither the restricted practitioner nor their visit is anywhere in the answer.
        Assert.DoesNotContain(aidWorker.Id, seen.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(visit, seen.ToJsonString(), StringComparison.Ordinal);

        // The restricted service's own practitioner sees their involvement and their visit in full.
        var own = (await _app.GraphQLAsync(aid, FamilyTeamQuery, new { id = son })).Ok()["client"]!["family"]!;
        var mine = Assert.Single(own["team"]!.AsArray(), m => m!["practitioner"]?["id"]?.GetValue<string>() == aidWorker.Id)!;
        Assert.True(mine["restricted"]!.GetValue<bool>());
        Assert.Equal([son], mine["supports"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.NotNull(mine["since"]);
        Assert.Contains(own["upcomingVisits"]!.AsArray(), v => v!["id"]!.GetValue<string>() == visit);
    }

    [Theory]
    [InlineData(DemoRoles.Analyst)]
    [InlineData(DemoRoles.Commissioner)]
    [InlineData(DemoRoles.Admin)]
    public async Task Only_practitioners_search_or_open_clients(string role)
    {
        var token = await _app.TokenForAsync(Demo.EmailFor(_app, role));
        (await _app.GraphQLAsync(token, "{ searchClients(query: \"smith\") { id } }")).FailsWith("FORBIDDEN");
        (await _app.GraphQLAsync(token, "{ myClients { id } }")).FailsWith("FORBIDDEN");
        (await _app.GraphQLAsync(token, "mutation { joinTeam(clientId: \"abc\", reason: \"x\") { id } }")).FailsWith("FORBIDDEN");
        Assert.NotEmpty((await _app.GraphQLAsync(token, "{ agencies { name } }")).Ok()["agencies"]!.AsArray());
    }

    [Fact]
    public async Task A_practitioner_whose_agency_has_no_agreement_in_force_can_only_see_why()
    {
        var account = await Demo.PractitionerWhereAsync(_app, a => a.Agreement.Status != AgreementStatus.Active);
        var token = await _app.TokenForAsync(account.Email);
        var me = (await _app.GraphQLAsync(token, "{ me { standing standingMessage } }")).Ok()["me"]!;
        Assert.Equal("NO_AGREEMENT", me["standing"]!.GetValue<string>());
        var search = await _app.GraphQLAsync(token, "{ searchClients(query: \"smith\") { id } }");
        search.FailsWith("FORBIDDEN");
        Assert.Contains("data-sharing agreement", search.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_clients_lists_the_clients_whose_team_i_am_in()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var mine = (await _app.GraphQLAsync(token, "{ myClients { id team { practitioner { name } } } }")).Ok()["myClients"]!.AsArray();
        Assert.NotEmpty(mine);
        Assert.All(mine, c => Assert.Contains(c!["team"]!.AsArray(),
            m => m!["practitioner"]?["name"]?.GetValue<string>() == Demo.Tour.PractitionerName));
    }

    public void Dispose() => _app.Dispose();
}
