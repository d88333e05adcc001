using Patchwork.Auditing;

namespace Patchwork.Api.Tests;

/// <summary>Changes through the API: the journey works, and every bad input is refused with its code and changes nothing.</summary>
public sealed class MutationTests : IDisposable
{
    private readonly PatchworkApp _app = new();
    private string _token = "";
    private string _clientId = "";

    private async Task JoinTourClientAsync()
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        _clientId = await Demo.FindTourClientAsync(_app, _token);
        (await _app.GraphQLAsync(_token, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Referral from school\") { id } }",
            new { id = _clientId })).Ok();
    }

    private Task<int> AuditCountAsync() =>
        _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 500), default).ContinueWith(t => t.Result.Count(e => e.Action != AuditAction.Denied));

    /// <summary>Runs a request expected to fail, and proves the store's audit of changes did not move.</summary>
    private async Task RefusedAsync(string code, string query, object? variables = null, int status = 200)
    {
        var before = await AuditCountAsync();
        (await _app.GraphQLAsync(_token, query, variables)).FailsWith(code, status);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task A_scheduled_visit_appears_in_upcoming_visits_and_as_the_next_visit()
    {
        await JoinTourClientAsync();
        var when = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm:00Z");
        var visit = (await _app.GraphQLAsync(_token,
            "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: HOME_VISIT }) { id status } }",
            new { c = _clientId, at = when })).Ok()["scheduleVisit"]!;
        Assert.Equal("PLANNED", visit["status"]!.GetValue<string>());

        var client = (await _app.GraphQLAsync(_token,
            "query($c: ID!) { client(id: $c) { upcomingVisits(first: 50) { id } team { practitioner { name } nextVisitAt } } }",
            new { c = _clientId })).Ok()["client"]!;
        Assert.Contains(client["upcomingVisits"]!.AsArray(), v => v!["id"]!.GetValue<string>() == visit["id"]!.GetValue<string>());
        var me = client["team"]!.AsArray().Single(m => m!["practitioner"]?["name"]?.GetValue<string>() == Demo.Tour.PractitionerName)!;
        Assert.NotNull(me["nextVisitAt"]);
    }

    [Fact]
    public async Task Recording_a_contact_and_cancelling_a_visit_work_once()
    {
        await JoinTourClientAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var contact = (await _app.GraphQLAsync(_token,
            "mutation($c: ID!, $at: DateTimeOffset!) { recordContact(input: { clientId: $c, completedAt: $at, mode: PHONE }) { status completedAt } }",
            new { c = _clientId, at })).Ok()["recordContact"]!;
        Assert.Equal("COMPLETED", contact["status"]!.GetValue<string>());

        var planned = (await _app.GraphQLAsync(_token,
            "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: OFFICE }) { id } }",
            new { c = _clientId, at = DateTimeOffset.UtcNow.AddDays(1).ToString("O") })).Ok()["scheduleVisit"]!["id"]!.GetValue<string>();
        var cancelled = (await _app.GraphQLAsync(_token, "mutation($v: ID!) { cancelVisit(visitId: $v) { status } }", new { v = planned })).Ok();
        Assert.Equal("CANCELLED", cancelled["cancelVisit"]!["status"]!.GetValue<string>());
        await RefusedAsync("CONFLICT", "mutation($v: ID!) { cancelVisit(visitId: $v) { status } }", new { v = planned });
    }

    [Fact]
    public async Task Joining_twice_is_a_conflict_and_leaving_a_team_i_am_not_in_is_a_conflict()
    {
        await JoinTourClientAsync();
        await RefusedAsync("CONFLICT", "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Again\") { id } }", new { id = _clientId });
        var left = (await _app.GraphQLAsync(_token, "mutation($id: ID!) { leaveTeam(clientId: $id, reason: \"Case closed\") { endedOn } }",
            new { id = _clientId })).Ok();
        Assert.NotNull(left["leaveTeam"]!["endedOn"]);
        await RefusedAsync("CONFLICT", "mutation($id: ID!) { leaveTeam(clientId: $id) { endedOn } }", new { id = _clientId });
        // Having left, the team is closed to them again.
        (await _app.GraphQLAsync(_token, "query($id: ID!) { client(id: $id) { team { since } } }", new { id = _clientId })).FailsWith("FORBIDDEN");
    }

    [Fact]
    public async Task A_visit_for_a_client_whose_team_i_am_not_in_is_forbidden()
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        _clientId = await Demo.FindTourClientAsync(_app, _token);
        await RefusedAsync("FORBIDDEN",
            "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: PHONE }) { id } }",
            new { c = _clientId, at = DateTimeOffset.UtcNow.AddDays(2).ToString("O") });
        await RefusedAsync("FORBIDDEN",
            "mutation($c: ID!, $at: DateTimeOffset!) { recordContact(input: { clientId: $c, completedAt: $at, mode: PHONE }) { id } }",
            new { c = _clientId, at = DateTimeOffset.UtcNow.AddHours(-2).ToString("O") });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x")]
    public async Task A_join_needs_a_real_reason(string reason)
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        _clientId = await Demo.FindTourClientAsync(_app, _token);
        if (reason == "x")
        {
            reason = new string('x', 501);
        }
        await RefusedAsync("BAD_USER_INPUT", "mutation($id: ID!, $r: String!) { joinTeam(clientId: $id, reason: $r) { id } }",
            new { id = _clientId, r = reason });
    }

    [Fact]
    public async Task Unknown_ids_in_mutations_are_not_found()
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        await RefusedAsync("NOT_FOUND", "mutation { joinTeam(clientId: \"ffffffffffffffffffffffffffffffff\", reason: \"Referral\") { id } }");
        await RefusedAsync("NOT_FOUND", "mutation { cancelVisit(visitId: \"ffffffffffffffffffffffffffffffff\") { id } }");
    }

    [Theory]
    [InlineData("2020-01-01T10:00:00Z")]
    [InlineData("2999-01-01T10:00:00Z")]
    public async Task A_visit_in_the_past_or_absurdly_far_ahead_is_bad_input(string when)
    {
        await JoinTourClientAsync();
        await RefusedAsync("BAD_USER_INPUT",
            "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: PHONE }) { id } }",
            new { c = _clientId, at = when });
    }

    [Fact]
    public async Task A_date_in_the_wrong_format_is_bad_input()
    {
        await JoinTourClientAsync();
        await RefusedAsync("BAD_USER_INPUT",
            "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: PHONE }) { id } }",
            new { c = _clientId, at = "next tuesday" }, status: 400);
    }

    [Fact]
    public async Task Registering_a_client_puts_me_in_their_team_and_bad_details_are_refused()
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        const string register = """
            mutation($p: String!, $nhs: String) {
              registerClient(input: { givenName: "Ada", familyName: "Lovelace", dateOfBirth: "2015-12-10",
                address: "1 Test Street", postcode: $p, nhsNumber: $nhs, reason: "Referred by school nurse" }) {
                id postcode team { practitioner { name } }
              }
            }
            """;
        await RefusedAsync("BAD_USER_INPUT", register, new { p = "NOT A POSTCODE", nhs = (string?)null });
        await RefusedAsync("BAD_USER_INPUT", register, new { p = "EM1 1AA", nhs = "1234567890" });
        var client = (await _app.GraphQLAsync(_token, register, new { p = "em11aa", nhs = "9434765919" })).Ok()["registerClient"]!;
        Assert.Equal("EM1 1AA", client["postcode"]!.GetValue<string>());
        Assert.Equal(Demo.Tour.PractitionerName, client["team"]![0]!["practitioner"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Contact_details_are_validated_and_updated()
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        const string update = "mutation($m: String, $e: String, $p: ContactMethod!) { updateMyContactDetails(input: { mobile: $m, email: $e, preferredContact: $p }) { mobile email preferredContact } }";
        await RefusedAsync("BAD_USER_INPUT", update, new { m = "12345", e = "a@b.org", p = "MOBILE" });
        await RefusedAsync("BAD_USER_INPUT", update, new { m = (string?)null, e = "not-an-email", p = "EMAIL" });
        await RefusedAsync("BAD_USER_INPUT", update, new { m = (string?)null, e = "a@b.org", p = "MOBILE" });
        var updated = (await _app.GraphQLAsync(_token, update, new { m = "+44 7700 900123", e = "nurse@example.org", p = "MOBILE" })).Ok();
        Assert.Equal("07700900123", updated["updateMyContactDetails"]!["mobile"]!.GetValue<string>());
    }

    // Each is one mailbox to a lax check but more to a mail link (extra recipients, a subject or body, a header),
    // or carries quotes, brackets or an implausible length.
    private static readonly string[] HostileEmails =
    [
        "a@b.example?cc=evil@x.example",
        "a@b.example?cc=evil%40x.example",
        "a@b.example?bcc=evil%40x.example&body=Call%20me",
        "a@b.example&cc=evil%40x.example",
        "a%0D%0ABcc:evil%40x.example@b.example",
        "a@b.example#top",
        "a@b.example\r\nBcc: evil@x.example",
        "a b@c.example",
        "\"a b\"@c.example",
        "<a>@b.example",
        "a@<b>.example",
        "a..b@c.example",
        ".a@b.example",
        "a@-b.example",
        "a@b..example",
        new string('a', 65) + "@b.example",
    ];

    [Fact]
    public async Task An_email_a_mail_link_would_read_as_more_than_one_plain_address_is_refused_and_changes_nothing()
    {
        _token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        const string update = "mutation($e: String!) { updateMyContactDetails(input: { email: $e, preferredContact: EMAIL }) { email } }";
        const string mine = "{ me { practitioner { email mobile landline preferredContact } } }";
        var before = (await _app.GraphQLAsync(_token, mine)).Ok().ToJsonString();
        var audited = await AuditCountAsync();

        var accepted = new List<string>();
        foreach (var email in HostileEmails)
        {
            var response = await _app.GraphQLAsync(_token, update, new { e = email });
            var message = response.Errors.FirstOrDefault()?["message"]?.GetValue<string>() ?? "";
            if (response.Codes is not ["BAD_USER_INPUT"] || !message.StartsWith("email ", StringComparison.Ordinal))
            {
                accepted.Add($"{email} → {response.Body.ToJsonString()}");
            }
        }

        Assert.True(accepted.Count == 0, "Accepted:\n" + string.Join("\n", accepted));
        Assert.Equal(before, (await _app.GraphQLAsync(_token, mine)).Ok().ToJsonString());
        Assert.Equal(audited, await AuditCountAsync());
    }

    public void Dispose() => _app.Dispose();
}
