using Patchwork.Auditing;

namespace Patchwork.Api.Tests;

/// <summary>Break glass stays an emergency measure: it cannot be made a way round joining a team.</summary>
public sealed class BreakGlassTests : IDisposable
{
    private const string Open = "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: CHILD_AT_RISK) { id } }";
    private const string Emergency = "Child found alone at home, police on scene";
    private readonly PatchworkApp _app = new("Development", new() { ["RateLimit:PermitsPerMinute"] = "0" });

    [Theory]
    [InlineData("x")]
    [InlineData("emergency")]
    [InlineData("need to see team")]
    public async Task A_reason_without_substance_is_refused_and_the_attempt_is_on_record(string reason)
    {
        var (token, clientId) = await TourAsync();

        (await _app.GraphQLAsync(token, Open, new { c = clientId, r = reason })).FailsWith("BAD_USER_INPUT");

        Assert.Empty(await TrailAsync(AuditAction.BreakGlass));
        Assert.Contains(await TrailAsync(AuditAction.Denied), e => e.ClientId == clientId && e.Detail!.StartsWith("breakGlass:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_break_glass_fields_aliased_into_one_request_open_one_client_only()
    {
        var (token, clientId) = await TourAsync();

        var answer = await _app.GraphQLAsync(token, """
            mutation($c: ID!, $r: String!) {
              a: breakGlass(clientId: $c, reason: $r, category: CHILD_AT_RISK) { id }
              b: breakGlass(clientId: $c, reason: $r, category: CHILD_AT_RISK) { id }
            }
            """, new { c = clientId, r = Emergency });

        Assert.Contains(answer.Errors, e => e!["message"]!.GetValue<string>().StartsWith("Break glass for one client per request", StringComparison.Ordinal));
        Assert.Single(await TrailAsync(AuditAction.BreakGlass));
    }

    [Fact]
    public async Task A_practitioner_can_break_glass_three_times_a_day_and_the_category_is_recorded_for_review()
    {
        var (token, clientId) = await TourAsync();

        for (var i = 0; i < 3; i++)
        {
            (await _app.GraphQLAsync(token, Open, new { c = clientId, r = $"{Emergency} ({i + 1})" })).Ok();
        }
        (await _app.GraphQLAsync(token, Open, new { c = clientId, r = Emergency })).FailsWith("BAD_USER_INPUT");

        var opened = await TrailAsync(AuditAction.BreakGlass);
        Assert.Equal(3, opened.Count);
        Assert.All(opened, e => Assert.StartsWith("ChildAtRisk:", e.Detail, StringComparison.Ordinal));
    }

    private async Task<(string Token, string ClientId)> TourAsync()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        return (token, await Demo.FindTourClientAsync(_app, token));
    }

    private async Task<IReadOnlyList<AuditEntry>> TrailAsync(AuditAction action) =>
        await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 50, action), default);

    public void Dispose() => _app.Dispose();
}
