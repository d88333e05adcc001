using System.Text.Json.Nodes;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>
/// The information governance lead's review queue: administrators only, every review a new entry on the append-only
/// trail, a CLOSED break glass closed for good, and a queue that pages without gaps or repeats whatever the status.
/// </summary>
public sealed class BreakGlassReviewTests : IDisposable
{
    private const string Emergency = "Child found alone at home, police on scene";
    private const string Outcome = "Spoke to the practitioner: the police had asked for the team.";
    private const string Review = """
        mutation($c: ID!, $q: ID!, $s: BreakGlassDecision!, $o: String!) {
          reviewBreakGlass(clientId: $c, requestId: $q, status: $s, outcome: $o) { status latestReview { status outcome reviewer } }
        }
        """;
    private const string Queue = """
        query($s: BreakGlassReviewStatus, $n: Int, $a: String) {
          breakGlassReviews(status: $s, first: $n, after: $a) {
            entries { clientId requestId at category reason status practitioner { name agency { name } } latestReview { status outcome reviewer at } }
            endCursor hasNextPage
          }
        }
        """;
    private readonly PatchworkApp _app = new("Development", new() { ["RateLimit:PermitsPerMinute"] = "0" });

    [Fact]
    public async Task The_queue_shows_who_broke_glass_for_which_client_when_and_why_as_open()
    {
        var (hannah, grace) = await TourAsync();
        await BreakGlassAsync(hannah, grace);

        var (entries, _, _) = await PageAsync(await AdminAsync(), null, 20, null);

        var entry = Assert.Single(entries)!;

        Assert.Equal(grace, entry["clientId"]!.GetValue<string>());
        Assert.Equal("CHILD_AT_RISK", entry["category"]!.GetValue<string>());
        Assert.Equal(Emergency, entry["reason"]!.GetValue<string>());
        Assert.Equal("OPEN", entry["status"]!.GetValue<string>());
        Assert.Null(entry["latestReview"]);
        Assert.Equal(Demo.Tour.PractitionerName, entry["practitioner"]!["name"]!.GetValue<string>());
        Assert.Equal("Eastmere County Council Children's Services", entry["practitioner"]!["agency"]!["name"]!.GetValue<string>());
        // The break glass is named by its request: the one request id its entry was written with.
        var opened = Assert.Single(await TrailAsync(AuditAction.BreakGlass));
        Assert.Equal(opened.RequestId, entry["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_review_is_a_new_entry_on_the_audit_trail_and_the_latest_review_sets_the_status()
    {
        var admin = await AdminAsync();
        var (clientId, requestId) = await OpenOneAsync();

        var reviewed = (await ReviewAsync(admin, clientId, requestId, "REVIEWED", Outcome)).Ok()["reviewBreakGlass"]!;
        var closed = (await ReviewAsync(admin, clientId, requestId, "CLOSED", "Appropriate use in an emergency; no further action.")).Ok()["reviewBreakGlass"]!;

        Assert.Equal("REVIEWED", reviewed["status"]!.GetValue<string>());
        Assert.Equal("CLOSED", closed["status"]!.GetValue<string>());
        Assert.Equal("demo-admin", closed["latestReview"]!["reviewer"]!.GetValue<string>());
        var reviews = await TrailAsync(AuditAction.ReviewBreakGlass);
        Assert.Equal(2, reviews.Count);
        Assert.All(reviews, r => Assert.Equal((clientId, "demo-admin"), (r.ClientId, r.Subject)));
        Assert.Contains(reviews, r => r.Reason == Outcome && r.Detail!.EndsWith(requestId, StringComparison.Ordinal));
        // The break glass itself is as it was: the trail only grows.
        Assert.Single(await TrailAsync(AuditAction.BreakGlass));
        var shown = (await _app.GraphQLAsync(admin, "{ auditTrail(action: REVIEW_BREAK_GLASS) { reason } }")).Ok()["auditTrail"]!.AsArray();
        Assert.Equal(2, shown.Count);
    }

    [Fact]
    public async Task A_closed_break_glass_cannot_be_reviewed_again_and_the_attempt_is_on_record()
    {
        var admin = await AdminAsync();
        var (clientId, requestId) = await OpenOneAsync();
        (await ReviewAsync(admin, clientId, requestId, "CLOSED", Outcome)).Ok();

        (await ReviewAsync(admin, clientId, requestId, "REVIEWED", "Reopening it to add a note.")).FailsWith("CONFLICT");
        (await ReviewAsync(admin, clientId, requestId, "CLOSED", "Closing it a second time.")).FailsWith("CONFLICT");

        Assert.Single(await TrailAsync(AuditAction.ReviewBreakGlass));
        var denied = await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(clientId, null, null, null, 10, AuditAction.Denied), default);
        Assert.Equal(2, denied.Count(e => e.Detail!.StartsWith("reviewBreakGlass:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("known client, unknown request")]
    [InlineData("unknown client, known request")]
    [InlineData("a request id of another entry of the trail")]
    public async Task Reviewing_a_break_glass_that_does_not_exist_is_not_found_changes_nothing_and_is_on_record(string probe)
    {
        var admin = await AdminAsync();
        var (clientId, requestId) = await OpenOneAsync();
        var other = (await TrailAsync(AuditAction.Search))[0].RequestId;
        var (c, q) = probe switch
        {
            "known client, unknown request" => (clientId, "0HNOSUCHREQUEST:00000001"),
            "unknown client, known request" => ("00000000000000000000000000000000", requestId),
            _ => (clientId, other),
        };

        (await ReviewAsync(admin, c, q, "CLOSED", Outcome)).FailsWith("NOT_FOUND");

        Assert.Empty(await TrailAsync(AuditAction.ReviewBreakGlass));
        Assert.Contains(await TrailAsync(AuditAction.Denied), e => e.Detail!.StartsWith("reviewBreakGlass:", StringComparison.Ordinal) && e.ClientId == c);
        Assert.Equal("OPEN", (await PageAsync(admin, null, 5, null)).Entries.Single()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outcome_that_is_not_a_sentence_is_refused_and_changes_nothing()
    {
        var (clientId, requestId) = await OpenOneAsync();

        (await ReviewAsync(await AdminAsync(), clientId, requestId, "CLOSED", "ok")).FailsWith("BAD_USER_INPUT");

        Assert.Empty(await TrailAsync(AuditAction.ReviewBreakGlass));
    }

    [Theory]
    [InlineData(DemoRoles.Practitioner)]
    [InlineData(DemoRoles.Analyst)]
    [InlineData(DemoRoles.Commissioner)]
    public async Task Nobody_but_an_administrator_can_read_the_queue_or_review_and_the_attempts_are_on_record(string role)
    {
        var (clientId, requestId) = await OpenOneAsync();
        var token = await _app.TokenForAsync(Demo.EmailFor(_app, role));

        (await _app.GraphQLAsync(token, Queue, new { s = "OPEN", n = 5 })).FailsWith("FORBIDDEN");
        (await ReviewAsync(token, clientId, requestId, "CLOSED", Outcome)).FailsWith("FORBIDDEN");

        Assert.Empty(await TrailAsync(AuditAction.ReviewBreakGlass));
        var denied = await TrailAsync(AuditAction.Denied);
        Assert.Contains(denied, e => e.Detail!.StartsWith("breakGlassReviews:", StringComparison.Ordinal));
        Assert.Contains(denied, e => e.Detail!.StartsWith("reviewBreakGlass:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_queue_filters_by_status_and_pages_without_gaps_or_repeats()
    {
        var admin = await AdminAsync();
        var opened = await OpenSevenAsync();
        var reviewed = opened.Take(2).ToList();
        var closed = opened.Skip(2).Take(3).ToList();
        foreach (var (c, q) in reviewed)
        {
            (await ReviewAsync(admin, c, q, "REVIEWED", Outcome)).Ok();
        }
        foreach (var (c, q) in closed)
        {
            (await ReviewAsync(admin, c, q, "REVIEWED", Outcome)).Ok();
            (await ReviewAsync(admin, c, q, "CLOSED", Outcome)).Ok();
        }

        Assert.Equal(Keys(opened.Skip(5)), await AllPagesAsync(admin, "OPEN", 1));
        Assert.Equal(Keys(reviewed), await AllPagesAsync(admin, "REVIEWED", 1));
        Assert.Equal(Keys(closed), await AllPagesAsync(admin, "CLOSED", 2));
        Assert.Equal(Keys(opened), await AllPagesAsync(admin, null, 2));
        Assert.Equal(Keys(opened), await AllPagesAsync(admin, null, 3));
    }

    [Fact]
    public async Task The_queue_pages_through_more_break_glass_than_the_store_reads_at_once_with_none_missed_or_repeated()
    {
        // Written straight to the trail, many in the same millisecond, so moments straddle the store's 500-entry reads.
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        var entries = Enumerable.Range(0, 1_234).Select(i => new AuditEntry(start.AddMilliseconds(i / 7), "bulk", $"p{i % 40}",
            AuditAction.BreakGlass, $"c{i % 90}", null, Emergency, "OtherEmergency: bulk", $"bulk-{i:D5}")).ToList();
        await _app.Store.Audit.AppendAuditAsync(entries, default);
        var admin = await AdminAsync();
        // Closed: the oldest, and a run around where the first read of the newest 500 ends, part-way through a millisecond.
        var closed = entries.Where((_, i) => i == 0 || i is >= 720 and <= 740).Select(e => $"{e.ClientId}/{e.RequestId}").ToList();
        foreach (var key in closed)
        {
            (await ReviewAsync(admin, key.Split('/')[0], key.Split('/')[1], "CLOSED", Outcome)).Ok();
        }

        var all = await AllPagesAsync(admin, null, 100);
        var closedShown = await AllPagesAsync(admin, "CLOSED", 100);
        var open = await AllPagesAsync(admin, "OPEN", 100);

        Assert.Equal(entries.Select(e => $"{e.ClientId}/{e.RequestId}").Order(StringComparer.Ordinal), all);
        Assert.Equal(closed.Order(StringComparer.Ordinal), closedShown);
        Assert.Equal(all.Except(closed), open);
    }

    [Fact]
    public async Task A_cursor_the_queue_did_not_give_out_is_bad_input()
    {
        (await _app.GraphQLAsync(await AdminAsync(), Queue, new { a = "not-a-cursor" })).FailsWith("BAD_USER_INPUT");
    }

    [Fact]
    public async Task Reading_the_queue_is_itself_on_the_trail()
    {
        await OpenOneAsync();

        await PageAsync(await AdminAsync(), "OPEN", 5, null);

        Assert.Contains(await TrailAsync(AuditAction.ViewAuditTrail), e => e.Detail == "breakGlassReviews status=Open: 1 entries");
    }

    /// <summary>Every key a status shows, page after page until there are no more, each page checked for repeats.</summary>
    private async Task<List<string>> AllPagesAsync(string admin, string? status, int first)
    {
        var keys = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var (entries, cursor, more) = await PageAsync(admin, status, first, after);
            Assert.True(entries.Count <= first);
            keys.AddRange(entries.Select(e => $"{e!["clientId"]!.GetValue<string>()}/{e["requestId"]!.GetValue<string>()}"));
            if (!more)
            {
                Assert.Equal(keys.Count, keys.Distinct().Count());
                return [.. keys.Order(StringComparer.Ordinal)];
            }
            after = cursor;
        }
        throw new InvalidOperationException("The queue never ended.");
    }

    private async Task<(JsonArray Entries, string? Cursor, bool More)> PageAsync(string admin, string? status, int first, string? after)
    {
        var page = (await _app.GraphQLAsync(admin, Queue, new { s = status, n = first, a = after })).Ok()["breakGlassReviews"]!;
        return (page["entries"]!.AsArray(), page["endCursor"]?.GetValue<string>(), page["hasNextPage"]!.GetValue<bool>());
    }

    private static List<string> Keys(IEnumerable<(string ClientId, string RequestId)> entries) =>
        [.. entries.Select(e => $"{e.ClientId}/{e.RequestId}").Order(StringComparer.Ordinal)];

    private Task<GraphQLResponse> ReviewAsync(string token, string clientId, string requestId, string status, string outcome) =>
        _app.GraphQLAsync(token, Review, new { c = clientId, q = requestId, s = status, o = outcome });

    private async Task<(string ClientId, string RequestId)> OpenOneAsync()
    {
        var (hannah, grace) = await TourAsync();
        await BreakGlassAsync(hannah, grace);
        return (grace, (await TrailAsync(AuditAction.BreakGlass)).Single().RequestId);
    }

    /// <summary>Seven break glass by three practitioners (three a day each at most), oldest first.</summary>
    private async Task<List<(string ClientId, string RequestId)>> OpenSevenAsync()
    {
        var (hannah, grace) = await TourAsync();
        string[] others = ["priya.sharma@eastmere-health.example", "tom.gallagher@eastmere-fire.example"];
        var tokens = new[] { hannah }.Concat(await Task.WhenAll(others.Select(_app.TokenForAsync))).ToList();
        for (var i = 0; i < 7; i++)
        {
            await BreakGlassAsync(tokens[i / 3], grace);
        }
        return [.. (await TrailAsync(AuditAction.BreakGlass)).Reverse().Select(e => (e.ClientId!, e.RequestId))];
    }

    private async Task BreakGlassAsync(string token, string clientId) =>
        (await _app.GraphQLAsync(token, "mutation($c: ID!, $r: String!) { breakGlass(clientId: $c, reason: $r, category: CHILD_AT_RISK) { id } }",
            new { c = clientId, r = Emergency })).Ok();

    private Task<string> AdminAsync() => _app.TokenForAsync(Demo.EmailFor(_app, DemoRoles.Admin));

    private async Task<(string Token, string ClientId)> TourAsync()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        return (token, await Demo.FindTourClientAsync(_app, token));
    }

    private async Task<IReadOnlyList<AuditEntry>> TrailAsync(AuditAction action) =>
        await _app.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 50, action), default);

    public void Dispose() => _app.Dispose();
}
