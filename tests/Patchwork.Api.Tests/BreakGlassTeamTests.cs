using System.Text.Json.Nodes;
using Patchwork.Auditing;

namespace Patchwork.Api.Tests;

/// <summary>
/// The client's team is told at once who broke glass to see it, and nobody else is: not a practitioner outside the team,
/// not whoever broke glass (through the answer that opened the team). Grace Okafor's household team includes the
/// firefighter (who supports her mother) and the women's aid advocate (restricted); the social worker and the
/// district nurse are outside it.
/// </summary>
public sealed class BreakGlassTeamTests : IDisposable
{
    private const string Firefighter = "tom.gallagher@eastmere-fire.example";
    private const string DistrictNurse = "priya.sharma@eastmere-health.example";
    private const string Advocate = "sian.morgan@eastmere-womensaid.example";
    private const string Emergency = "Child found alone at home, police on scene";
    private const string Views = "query($c: ID!) { client(id: $c) { breakGlassViews { at category practitionerName role agency { name dutyPhone } } } }";
    private readonly PatchworkApp _app = new("Development", new() { ["RateLimit:PermitsPerMinute"] = "0" });

    [Fact]
    public async Task A_team_member_sees_a_break_glass_view_right_after_it_happens_with_who_looked_but_not_the_reason()
    {
        var (hannah, grace) = await TourAsync();
        var tom = await _app.TokenForAsync(Firefighter);
        Assert.Empty((await _app.GraphQLAsync(tom, Views, new { c = grace })).Ok()["client"]!["breakGlassViews"]!.AsArray());

        var before = DateTimeOffset.UtcNow;
        await BreakGlassAsync(hannah, grace);
        var after = DateTimeOffset.UtcNow;

        var answer = (await _app.GraphQLAsync(tom, Views, new { c = grace })).Ok();
        var view = Assert.Single(answer["client"]!["breakGlassViews"]!.AsArray())!;
        Assert.Equal("CHILD_AT_RISK", view["category"]!.GetValue<string>());
        Assert.Equal(Demo.Tour.PractitionerName, view["practitionerName"]!.GetValue<string>());
        Assert.Equal("Social worker", view["role"]!.GetValue<string>());
        Assert.Equal("Eastmere County Council Children's Services", view["agency"]!["name"]!.GetValue<string>());
        // When it happened, whatever the machine's speed: within the break glass call, to the store's precision.
        Assert.InRange(view["at"]!.GetValue<DateTimeOffset>(), before.AddSeconds(-1), after.AddSeconds(1));
        Assert.DoesNotContain(Emergency, answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_view_shows_each_members_break_glass_views_to_the_household_team()
    {
        var (hannah, grace) = await TourAsync();
        await BreakGlassAsync(hannah, grace);
        var family = (await _app.Store.Batches.GetClientsAsync([grace], default))[grace].FamilyId;

        var members = (await _app.GraphQLAsync(await _app.TokenForAsync(Firefighter),
            "query($f: ID!) { family(id: $f) { members { id breakGlassViews { practitionerName } } } }", new { f = family }))
            .Ok()["family"]!["members"]!.AsArray();

        Assert.Single(members.Single(m => m!["id"]!.GetValue<string>() == grace)!["breakGlassViews"]!.AsArray());
        Assert.All(members.Where(m => m!["id"]!.GetValue<string>() != grace), m => Assert.Empty(m!["breakGlassViews"]!.AsArray()));
    }

    [Fact]
    public async Task A_practitioner_outside_the_team_cannot_read_break_glass_views_and_the_attempt_is_on_record()
    {
        var (hannah, grace) = await TourAsync();
        await BreakGlassAsync(hannah, grace);

        var answer = await _app.GraphQLAsync(await _app.TokenForAsync(DistrictNurse), Views, new { c = grace });

        answer.FailsWith("FORBIDDEN");
        Assert.Null(answer.Data?["client"]);
        var denied = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(grace, null, null, null, 10, AuditAction.Denied), default);
        Assert.Contains(denied, e => e.Detail!.StartsWith("client:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Whoever_breaks_glass_sees_the_team_but_no_break_glass_views_and_the_attempt_is_on_record()
    {
        var (hannah, grace) = await TourAsync();
        await BreakGlassAsync(hannah, grace);
        var priya = await _app.TokenForAsync(DistrictNurse);

        var answer = await _app.GraphQLAsync(priya,
            "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: MISSING_PERSON) { team { since } breakGlassViews { practitionerName } } }",
            new { c = grace, r = "Grace reported missing from school this morning" });

        Assert.NotEmpty(answer.Data!["breakGlass"]!["team"]!.AsArray());
        Assert.Null(answer.Data["breakGlass"]!["breakGlassViews"]);
        Assert.Equal(["FORBIDDEN"], answer.Codes);
        Assert.DoesNotContain(Demo.Tour.PractitionerName, answer.Body.ToJsonString(), StringComparison.Ordinal);
        var denied = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(grace, null, null, null, 10, AuditAction.Denied), default);
        Assert.Contains(denied, e => e.Detail!.StartsWith("breakGlassViews", StringComparison.Ordinal) && e.Subject == "demo-district-nurse");
    }

    [Fact]
    public async Task A_restricted_service_practitioner_who_broke_glass_is_shown_to_the_team_as_the_agency_alone()
    {
        var (_, grace) = await TourAsync();
        var sian = await _app.TokenForAsync(Advocate);
        await BreakGlassAsync(sian, grace);

        var tomSees = await ViewsAsync(await _app.TokenForAsync(Firefighter), grace);
        var sianSees = await ViewsAsync(sian, grace);

        Assert.Null(tomSees["practitionerName"]);
        Assert.Null(tomSees["role"]);
        Assert.Equal("Eastmere Women's Aid", tomSees["agency"]!["name"]!.GetValue<string>());
        Assert.Equal("Siân Morgan", sianSees["practitionerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_break_glass_views_is_a_view_of_the_client_on_the_trail()
    {
        var (hannah, grace) = await TourAsync();
        await BreakGlassAsync(hannah, grace);
        var since = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        await ViewsAsync(await _app.TokenForAsync(Firefighter), grace);

        var views = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(grace, null, since, null, 10, AuditAction.ViewClient), default);
        Assert.Contains(views, e => e.Subject == "demo-firefighter");
    }

    private async Task<JsonNode> ViewsAsync(string token, string clientId) =>
        Assert.Single((await _app.GraphQLAsync(token, Views, new { c = clientId })).Ok()["client"]!["breakGlassViews"]!.AsArray())!;

    private async Task BreakGlassAsync(string token, string clientId) =>
        (await _app.GraphQLAsync(token, "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: CHILD_AT_RISK) { id } }",
            new { c = clientId, r = Emergency })).Ok();

    private async Task<(string Token, string ClientId)> TourAsync()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        return (token, await Demo.FindTourClientAsync(_app, token));
    }

    public void Dispose() => _app.Dispose();
}
