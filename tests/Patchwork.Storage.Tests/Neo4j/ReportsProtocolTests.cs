using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using Patchwork.Storage.Neo4j;
using static Patchwork.Storage.Tests.Neo4j.QueryApi;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The reports port over the Query API, against a local server answering in typed JSON: what the report statements
/// are sent, how their rows become the port's records, and how a follow-up request is routed inside its transaction.
/// What the statements compute is the contract suite's to show, on a real Neo4j.
/// </summary>
public sealed class ReportsProtocolTests
{
    /// <summary>Changes as the API makes them, through the domain's write path, on the test network's clock.</summary>
    private static NetworkChanges Changes(IWriteStore store) => new(store, new FixedTimeProvider(Now));

    private static readonly DateTimeOffset Now = Contract.TestNetwork.Now;

    private static CancellationToken Ct => CancellationToken.None;

    private static Neo4jOptions Options(string uri) => new()
    {
        Uri = uri,
        Database = "patchwork",
        User = "neo4j",
        Password = "s3cret",
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task A_family_network_report_sends_the_moment_and_kind_and_puts_each_familys_visits_on_its_row()
    {
        await using var server = await FakeQueryApi.StartAsync(request => request.Statement switch
        {
            "reports/family_networks" => Result(
                ["familyId", "area", "members", "membersWithInvolvement", "practitioners", "agencies", "hasKeyWorker"],
                [[Str("fa-1"), Str("North"), Whole(3), Whole(2), Whole(4), Whole(3), Bool(true)],
                 [Str("fa-2"), Str("South"), Whole(1), Whole(0), Whole(0), Whole(0), Bool(false)]]),
            // In another order than the families: rows are matched by id, not by position.
            "reports/family_visits_at" => Result(["familyId", "lastContactAt", "nextVisitAt"],
                [[Str("fa-2"), Null, Null],
                 [Str("fa-1"), Time("2025-03-05T09:30:00.250Z"), """{"$type":"ZonedDateTime","_value":"2025-03-13T10:00:00+00:00[Europe/London]"}"""]]),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(Now.AddTicks(4321)));
        var at = new DateTimeOffset(2025, 2, 1, 9, 0, 0, 123, TimeSpan.FromHours(1)).AddTicks(5000);

        var families = await store.GetFamilyNetworksAsync(new ReportFilter(null, AgencyKind.Health, at), withVisits: true, Ct);

        Assert.Equal(
            [
                new FamilyNetwork("fa-1", "North", 3, 2, 4, 3, true,
                    new DateTimeOffset(2025, 3, 5, 9, 30, 0, 250, TimeSpan.Zero), new DateTimeOffset(2025, 3, 13, 10, 0, 0, TimeSpan.Zero)),
                new FamilyNetwork("fa-2", "South", 1, 0, 0, 0, false, null, null),
            ],
            families);
        var (networks, visits) = (server.Requests[0].Json.GetProperty("parameters"), server.Requests[1].Json.GetProperty("parameters"));
        Assert.Equal(("Read", "Read"), (server.Requests[0].Json.GetProperty("accessMode").GetString(), server.Requests[1].Json.GetProperty("accessMode").GetString()));
        Assert.Equal(
            ("2025-02-01T08:00:00.123Z", "Health", """["CountyCouncil"]""", "Null"),
            (networks.GetProperty("at").GetString(), networks.GetProperty("kind").GetString(), networks.GetProperty("leadKinds").GetRawText(),
             networks.GetProperty("area").ValueKind.ToString()));
        // "now" is the store's clock at the precision it keeps, so a visit scheduled before it is seen as past.
        Assert.Equal(("2025-02-01T08:00:00.123Z", "2025-03-10T12:00:00.000Z"), (visits.GetProperty("at").GetString(), visits.GetProperty("now").GetString()));
    }

    [Fact]
    public async Task A_follow_up_without_a_team_goes_to_the_agencies_that_worked_with_the_family_and_with_nobody_to_ask_is_rolled_back()
    {
        // The statement returns every candidate in full; the suspended police agency is left out by the domain.
        string[] team = [], worked = [AgencyMap("ag-school", "Active"), AgencyMap("ag-council", "Active"), AgencyMap("ag-police", "Suspended")];
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun("tx-9", "YWZm"),
            (_, _, "writes/lock_family") => Result(["family"], [[Map(("id", Str("fa-1")), ("name", Str("the Ahmeds")), ("area", Str("North")))]]),
            (_, _, "reports/follow_up_recipients") => Result(["team", "worked", "leads"],
                [[List(team), List(worked), List()]]),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(Now));
        var commissioner = new Actor("idp|commissioner", null, "req-9");

        var request = await Changes(store).RequestFollowUpAsync(new NewFollowUp("fa-1", " Not seen for 40 days "), commissioner, Ct);

        Assert.Equal(
            ["POST /db/patchwork/query/v2/tx", "POST /db/patchwork/query/v2/tx/tx-9 writes/lock_family",
             "POST /db/patchwork/query/v2/tx/tx-9 reports/follow_up_recipients", "POST /db/patchwork/query/v2/tx/tx-9 reports/insert_follow_up",
             "POST /db/patchwork/query/v2/tx/tx-9 audit/append_audit", "POST /db/patchwork/query/v2/tx/tx-9/commit"],
            server.Requests.Select(r => $"{r.Method} {r.Path} {r.Statement}".TrimEnd()));
        Assert.Equal((FollowUpRoute.Duty, "Not seen for 40 days", Now), (request.Route, request.Reason, request.RequestedAt));
        Assert.Equal(["ag-council", "ag-school"], request.AgencyIds);
        var sent = server.Requests[3].Json.GetProperty("parameters").GetProperty("followUp");
        Assert.Equal((request.Id, "fa-1", "2025-03-10T12:00:00.000Z", "Duty", """["ag-council","ag-school"]"""),
            (sent.GetProperty("id").GetString(), sent.GetProperty("familyId").GetString(), sent.GetProperty("requestedAt").GetString(),
             sent.GetProperty("route").GetString(), sent.GetProperty("agencyIds").GetRawText()));
        var audit = server.Requests[4].Json.GetProperty("parameters").GetProperty("entries")[0];
        Assert.Equal(("RequestFollowUp", "fa-1", "Routed to the duty contacts of 2 agencies.", System.Text.Json.JsonValueKind.Null),
            (audit.GetProperty("action").GetString(), audit.GetProperty("familyId").GetString(), audit.GetProperty("detail").GetString(),
             audit.GetProperty("practitionerId").ValueKind));

        // No team, nobody ever, and no lead agency in the graph: refused, and the transaction is rolled back.
        worked = [];
        var before = server.Requests.Count;
        var refused = await Assert.ThrowsAsync<PatchworkException>(() =>
            Changes(store).RequestFollowUpAsync(new NewFollowUp("fa-1", "Check on them"), commissioner, Ct));

        Assert.Equal(ErrorCode.Conflict, refused.Code);
        Assert.Equal(["writes/lock_family", "reports/follow_up_recipients", "DELETE"],
            server.Requests.Skip(before + 1).Select(r => r.Statement ?? r.Method));
    }

    private static string AgencyMap(string id, string agreement) => Map(
        ("id", Str(id)), ("name", Str(id)), ("kind", Str("School")), ("dutyPhone", Str("01603222000")),
        ("dutyEmail", Str($"duty@{id}.example")), ("restrictedService", Bool(false)), ("agreementStatus", Str(agreement)),
        ("agreementSignedOn", Date("2024-01-15")), ("agreementExpiresOn", Null));
}
