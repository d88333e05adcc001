using Patchwork.Auditing;
namespace Patchwork.Api.Tests;

/// <summary>
/// Each field that shows a team, its visits, its changes or its break-glass views is a view of that team on its own:
/// asked alone, it puts exactly one view on the trail. Removing the audit from any one of them fails here, in seconds.
/// </summary>
public sealed class TeamViewAuditTests(TeamViewAuditTests.Host host) : IClassFixture<TeamViewAuditTests.Host>
{
    /// <summary>One test host for the class: each test builds the clients and family it looks at.</summary>
    public sealed class Host : IDisposable
    {
        public PatchworkApp App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly PatchworkApp _app = host.App;

    [Theory]
    [InlineData("team { restricted }")]
    [InlineData("upcomingVisits { id }")]
    [InlineData("recentContacts { id }")]
    [InlineData("teamChanges { kind }")]
    [InlineData("breakGlassViews { at }")]
    public async Task A_clients_team_shown_by_one_field_alone_is_one_audited_view_of_that_client(string field)
    {
        var household = new Household(_app);
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var client = await household.RegisterAsync(token, "Ada");
        Assert.Empty(await ViewsAsync(client, null));

        (await _app.GraphQLAsync(token, $"query($id: ID!) {{ client(id: $id) {{ id {field} }} }}", new { id = client })).Ok();

        var view = Assert.Single(await ViewsAsync(client, null));
        Assert.Equal((AuditAction.ViewClient, Demo.Tour.PractitionerSubject), (view.Action, view.Subject));
    }

    [Theory]
    [InlineData("team { restricted }")]
    [InlineData("upcomingVisits { id }")]
    [InlineData("recentContacts { id }")]
    [InlineData("teamChanges { kind }")]
    public async Task A_familys_team_shown_by_one_field_alone_is_one_audited_view_of_that_family(string field)
    {
        var household = new Household(_app);
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var family = await household.CreateFamilyAsync(token, await household.RegisterAsync(token, "Ada"), "mother");
        Assert.Empty(await ViewsAsync(null, family));

        (await _app.GraphQLAsync(token, $"query($id: ID!) {{ family(id: $id) {{ id {field} }} }}", new { id = family })).Ok();

        var view = Assert.Single(await ViewsAsync(null, family));
        Assert.Equal((AuditAction.ViewFamily, family), (view.Action, view.FamilyId));
    }

    [Fact]
    public async Task A_client_shown_without_their_team_is_no_view_of_it()
    {
        var household = new Household(_app);
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var client = await household.RegisterAsync(token, "Ada");

        (await _app.GraphQLAsync(token, "query($id: ID!) { client(id: $id) { id displayName shielded } }", new { id = client })).Ok();

        Assert.Empty(await ViewsAsync(client, null));
    }

    private async Task<IReadOnlyList<AuditEntry>> ViewsAsync(string? clientId, string? familyId)
    {
        var entries = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(clientId, null, null, null, 50, null, familyId), default);
        return [.. entries.Where(e => e.Action is AuditAction.ViewClient or AuditAction.ViewFamily)];
    }
}
