using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Network;

namespace Patchwork.Api.Tests;

/// <summary>
/// Restricted involvements attacked from every path. The Quill household: Ada and her daughter Bea. A health
/// visitor supports Ada openly and Bea under a restriction; a women's aid worker (a restricted service) supports Bea.
/// The tour's social worker supports Ada only. Whatever she asks, through any field, alias or nesting the schema
/// allows, she must learn neither who the restricted practitioners are nor which member they work with.
/// </summary>
public sealed class DisclosureTests : IClassFixture<DisclosureTests.QuillHousehold>
{
    private readonly QuillHousehold _household;

    public DisclosureTests(QuillHousehold household) => _household = household;

    [Fact]
    public async Task No_path_through_the_schema_names_a_practitioner_restricted_with_any_member_or_their_visits()
    {
        var answers = await _household.WalkAsync(_household.SocialWorker);

        Assert.All(_household.Secrets, secret => Assert.DoesNotContain(answers, a => a.Contains(secret, StringComparison.Ordinal)));
        // The walk reached the teams, visits and changes it was looking at: the social worker's own entry is there.
        Assert.Contains(answers, a => a.Contains(_household.SocialWorkerId, StringComparison.Ordinal));
        // And the break-glass views of Ada, withholding who looked.
        Assert.Contains(answers, a => a.Contains("\"category\":\"ADULT_AT_RISK\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_walk_by_the_restricted_practitioner_shows_what_the_others_cannot_see()
    {
        // The detector works: the secrets are in answers to those allowed to see them.
        var answers = await _household.WalkAsync(_household.HealthVisitor);

        Assert.Contains(answers, a => a.Contains(_household.HealthVisitorId, StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains(_household.RestrictedVisitIds[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_team_of_the_household_shows_the_same_restricted_notices_so_no_member_is_singled_out()
    {
        var data = (await _household.App.GraphQLAsync(_household.SocialWorker, """
            query($ada: ID!, $bea: ID!, $family: ID!) {
              ada: client(id: $ada) { team { ...entry } }
              bea: client(id: $bea) { team { ...entry } }
              family(id: $family) { team { ...entry } members { team { ...entry } } }
            }
            fragment entry on TeamMember { restricted notice since lastContactAt nextVisitAt agency { id } practitioner { id } supports { id } }
            """, new { ada = _household.Ada, bea = _household.Bea, family = _household.Family })).Ok();

        var teams = new[] { data["ada"]!["team"]!, data["bea"]!["team"]!, data["family"]!["team"]! }
            .Concat(data["family"]!["members"]!.AsArray().Select(m => m!["team"]!))
            .Select(Notices).ToList();
        // One notice per agency with a restricted involvement (health and women's aid), the same on every team.
        Assert.Equal(2, teams[0].Count);
        Assert.All(teams, t => Assert.Equal(teams[0], t));
        Assert.All(teams[0], n => Assert.Matches("\"since\":null.*\"practitioner\":null,\"supports\":\\[\\]", n));
    }

    [Fact]
    public async Task Team_changes_never_show_a_restricted_join_to_anyone_else()
    {
        var data = (await _household.App.GraphQLAsync(_household.SocialWorker, """
            query($ada: ID!, $bea: ID!, $family: ID!) {
              ada: client(id: $ada) { teamChanges(days: 90) { restricted at agency { id } } }
              bea: client(id: $bea) { teamChanges(days: 90) { restricted at agency { id } } }
              family(id: $family) { teamChanges(days: 90) { restricted at agency { id } } }
            }
            """, new { ada = _household.Ada, bea = _household.Bea, family = _household.Family })).Ok();

        var changes = new[] { data["ada"]!, data["bea"]!, data["family"]! }.SelectMany(c => c["teamChanges"]!.AsArray()).ToList();
        Assert.NotEmpty(changes);
        Assert.DoesNotContain(changes, c => c!["restricted"]!.GetValue<bool>());
        Assert.DoesNotContain(changes, c => c!["agency"]!["id"]!.GetValue<string>() == _household.WomensAidAgencyId);
    }

    private static List<string> Notices(JsonNode? team) =>
        [.. team!.AsArray().Where(m => m!["restricted"]!.GetValue<bool>()).Select(m => m!.ToJsonString())];

    /// <summary>The demo district plus the Quill household, built through the API by the practitioners themselves.</summary>
    public sealed class QuillHousehold : IAsyncLifetime
    {
        public PatchworkApp App { get; } = new("Development", new()
        {
            ["RateLimit:PermitsPerMinute"] = "0",
            ["GraphQL:MaxDepth"] = "20",
            ["GraphQL:MaxComplexity"] = "2000000000",
        });

        public string SocialWorker { get; private set; } = "";
        public string SocialWorkerId { get; private set; } = "";
        public string HealthVisitor { get; private set; } = "";
        public string HealthVisitorId { get; private set; } = "";
        public string WomensAidAgencyId { get; private set; } = "";
        public string Ada { get; private set; } = "";
        public string Bea { get; private set; } = "";
        public string Family { get; private set; } = "";
        public List<string> RestrictedVisitIds { get; } = [];

        /// <summary>What the social worker must never see: the restricted practitioners, their reasons and their visits.</summary>
        public List<string> Secrets { get; } = [];

        public async Task InitializeAsync()
        {
            SocialWorker = await App.TokenForAsync(Demo.Tour.PractitionerEmail);
            HealthVisitor = await App.TokenForAsync("priya.sharma@eastmere-health.example");
            var womensAid = await App.TokenForAsync("sian.morgan@eastmere-womensaid.example");
            var firefighter = await App.TokenForAsync("tom.gallagher@eastmere-fire.example");

            SocialWorkerId = (await MeAsync(SocialWorker))["id"]!.GetValue<string>();
            var health = await MeAsync(HealthVisitor);
            var aid = await MeAsync(womensAid);
            HealthVisitorId = health["id"]!.GetValue<string>();
            WomensAidAgencyId = aid["agency"]!["id"]!.GetValue<string>();
            foreach (var practitioner in new[] { health, aid })
            {
                Secrets.AddRange(new[] { "id", "name", "email", "mobile" }
                    .Select(f => practitioner[f]?.GetValue<string>()).OfType<string>());
            }

            Ada = await RegisterAsync(SocialWorker, "Ada");
            Bea = await RegisterAsync(firefighter, "Bea");
            // The firefighter is in both teams, so she makes the household; the social worker stays in Ada's team only.
            await JoinAsync(firefighter, Ada, "Home fire safety visit", restricted: false);
            Family = (await Ok(firefighter, """
                mutation($ada: ID!) { createFamily(input: { name: "the Quill household", area: "Eastmere North", clientId: $ada, relationship: "mother" }) { id } }
                """, new { ada = Ada }))["createFamily"]!["id"]!.GetValue<string>();
            await Ok(firefighter, "mutation($f: ID!, $bea: ID!) { addFamilyMember(familyId: $f, clientId: $bea, relationship: \"daughter\") { id } }",
                new { f = Family, bea = Bea });

            await JoinAsync(HealthVisitor, Ada, "Health visiting for the family", restricted: false);
            await JoinAsync(HealthVisitor, Bea, "Sexual health clinic follow-up", restricted: true);
            await JoinAsync(womensAid, Bea, "Independent domestic violence advocacy", restricted: true);
            Secrets.AddRange(["Sexual health clinic follow-up", "Independent domestic violence advocacy", "Health visiting for the family"]);

            RestrictedVisitIds.Add(await VisitAsync(HealthVisitor, Bea, days: 3));
            RestrictedVisitIds.Add(await VisitAsync(HealthVisitor, Ada, days: 4));
            RestrictedVisitIds.Add(await VisitAsync(womensAid, Bea, days: 5));
            RestrictedVisitIds.Add((await Ok(HealthVisitor, """
                mutation($c: ID!, $at: DateTimeOffset!) { recordContact(input: { clientId: $c, completedAt: $at, mode: PHONE }) { id } }
                """, new { c = Ada, at = DateTimeOffset.UtcNow.AddHours(-2) }))["recordContact"]!["id"]!.GetValue<string>());
            Secrets.AddRange(RestrictedVisitIds);

            // Both break glass on Ada: her team is told when and by which agency, never who nor why.
            const string emergency = "Ada reported missing after a call from the refuge";
            foreach (var token in new[] { HealthVisitor, womensAid })
            {
                await Ok(token, "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: ADULT_AT_RISK) { id } }",
                    new { c = Ada, r = emergency });
            }
            Secrets.Add(emergency);
        }

        /// <summary>Every document of the schema walk, asked as the given practitioner; the answers' text.</summary>
        public async Task<List<string>> WalkAsync(string token)
        {
            var documents = SchemaWalk.Documents(App.Services.GetRequiredService<ISchema>(), new Dictionary<string, string[]>
            {
                ["client"] = [$"id: \"{Ada}\"", $"id: \"{Bea}\""],
                ["family"] = [$"id: \"{Family}\""],
                ["searchClients"] = ["query: \"Quill\""],
                // The social worker's demo clients, whose teams rightly name the health visitor: her Quill client is
                // reached as client(id) above, the same type.
                ["myClients"] = [],
            });
            var answers = new List<string>();
            foreach (var document in documents)
            {
                var answer = await App.GraphQLAsync(token, document);
                Assert.True(answer.Status == 200, $"{answer.Status} for {document}: {answer.Body.ToJsonString()}");
                answers.Add(answer.Body.ToJsonString());
            }
            return answers;
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }

        private async Task<JsonNode> MeAsync(string token) =>
            (await Ok(token, "{ me { practitioner { id name email mobile agency { id } } } }"))["me"]!["practitioner"]!;

        private async Task<string> RegisterAsync(string token, string givenName) =>
            (await Ok(token, """
                mutation($given: String!) { registerClient(input: { givenName: $given, familyName: "Quill", dateOfBirth: "1990-04-02",
                  address: "3 Mill Row, Eastmere", postcode: "NR2 4TT", reason: "Referred by the school" }) { id } }
                """, new { given = givenName }))["registerClient"]!["id"]!.GetValue<string>();

        private Task<JsonNode> JoinAsync(string token, string clientId, string reason, bool restricted) =>
            Ok(token, "mutation($c: ID!, $r: String!, $x: Boolean) { joinTeam(clientId: $c, reason: $r, restricted: $x) { id } }",
                new { c = clientId, r = reason, x = restricted });

        private async Task<string> VisitAsync(string token, string clientId, int days) =>
            (await Ok(token, "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: HOME_VISIT }) { id } }",
                new { c = clientId, at = DateTimeOffset.UtcNow.AddDays(days) }))["scheduleVisit"]!["id"]!.GetValue<string>();

        private async Task<JsonNode> Ok(string token, string query, object? variables = null) =>
            (await App.GraphQLAsync(token, query, variables)).Ok();
    }
}
