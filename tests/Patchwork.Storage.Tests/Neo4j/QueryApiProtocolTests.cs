using System.Text;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Neo4j.Http;
using static Patchwork.Storage.Tests.Neo4j.QueryApi;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The Query API client and the store's transactions against a real local HTTP server answering with the documented
/// response shapes: what goes out (paths, headers, bodies, statements and their parameters) and how each kind of
/// answer is taken (typed values, errors in a 202 body, 401, 404 for an expired transaction, transient errors).
/// </summary>
public sealed class QueryApiProtocolTests
{
    /// <summary>Changes as the API makes them, through the domain's write path, on the test network's clock.</summary>
    private static NetworkChanges Changes(IWriteStore store) => new(store, new FixedTimeProvider(TestNetworkNow));

    private static CancellationToken Ct => CancellationToken.None;

    private static readonly CypherCatalogue Cypher = CypherCatalogue.Load();

    private static readonly Actor Nina = new("idp|pr-nina", "pr-nina", "req-1");

    private static Neo4jOptions Options(string uri, int retries = 3) => new()
    {
        Uri = uri,
        Database = "patchwork",
        User = "neo4j",
        Password = "s3cret",
        MaxRetries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task A_read_sends_its_statement_parameters_access_mode_and_credentials_and_decodes_every_typed_value()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Result(
            ["s", "i", "f", "b", "n", "l", "m", "d", "odt", "zdt", "ldt", "dur", "bytes"],
            [[Str("Zoë"), Whole(-9007199254740993), """{"$type":"Float","_value":"2.5"}""", Bool(true), Null,
              List(Whole(1), Str("two")), Map(("k", Str("v"))), Date("2012-09-01"), Time("2025-03-10T12:00Z"),
              """{"$type":"ZonedDateTime","_value":"2025-03-10T12:00:00.123456789+01:00[Europe/Paris]"}""",
              """{"$type":"LocalDateTime","_value":"2025-03-10T12:00:00"}""",
              """{"$type":"Duration","_value":"PT1H30M"}""", """{"$type":"Base64","_value":"AQID"}"""]], "FB:one"));
        using var client = new QueryApiClient(Options(server.Uri));

        var result = await client.ReadAsync(Cypher.Call(Statements.VisitById, ("id", "vi-1")), Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/db/patchwork/query/v2"), (request.Method, request.Path));
        Assert.Equal("application/vnd.neo4j.query", request.Header("accept"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:s3cret")), request.Header("authorization"));
        Assert.Equal(Cypher.TextOf(Statements.VisitById), request.Json.GetProperty("statement").GetString());
        Assert.Equal("vi-1", request.Json.GetProperty("parameters").GetProperty("id").GetString());
        Assert.Equal("Read", request.Json.GetProperty("accessMode").GetString());
        var row = Assert.Single(result.Values);
        Assert.Equal("Zoë", row[0]);
        Assert.Equal(-9007199254740993L, row[1]);
        Assert.Equal(2.5, row[2]);
        Assert.Equal(true, row[3]);
        Assert.Null(row[4]);
        Assert.Equal(new List<object?> { 1L, "two" }, row[5]);
        Assert.Equal("v", ((IReadOnlyDictionary<string, object?>)row[6]!)["k"]);
        Assert.Equal(new DateOnly(2012, 9, 1), row[7]);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero), row[8]);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 11, 0, 0, TimeSpan.Zero).AddTicks(1234567), row[9]);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero), row[10]);
        Assert.Equal(TimeSpan.FromMinutes(90), row[11]);
        Assert.Equal(new byte[] { 1, 2, 3 }, row[12]);
        Assert.Equal(["FB:one"], result.Bookmarks);
    }

    [Fact]
    public async Task Parameters_go_out_as_plain_json_with_times_in_utc_to_the_millisecond()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Empty());
        using var client = new QueryApiClient(Options(server.Uri));

        await client.ReadAsync(Cypher.Call(Statements.UpcomingVisits,
            ("ids", new[] { "cl-a", "cl-b" }), ("now", new DateTimeOffset(2025, 3, 10, 13, 0, 0, 123, TimeSpan.FromHours(1))),
            ("perClient", 5L)), Ct);

        var parameters = Assert.Single(server.Requests).Json.GetProperty("parameters");
        Assert.Equal("""["cl-a","cl-b"]""", parameters.GetProperty("ids").GetRawText());
        Assert.Equal("2025-03-10T12:00:00.123Z", parameters.GetProperty("now").GetString());
        Assert.Equal(5, parameters.GetProperty("perClient").GetInt64());
    }

    [Fact]
    public async Task Ids_asked_for_twice_are_sent_once_so_no_row_comes_back_twice()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Result(["visit"], []));
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);
        string[] ids = ["cl-a", "cl-b", "cl-a", "cl-b"];

        await store.GetUpcomingVisitsAsync(ids, 3, Ct);
        await store.GetRecentContactsAsync(ids, 3, Ct);
        await store.GetClientTeamsAsync(ids, Ct);
        await store.GetFamilyTeamsAsync(ids, Ct);
        await store.GetTeamChangesAsync(ids, DateTimeOffset.UnixEpoch, Ct);

        Assert.Equal(5, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("""["cl-a","cl-b"]""", r.Json.GetProperty("parameters").GetProperty("ids").GetRawText()));
    }

    [Fact]
    public async Task A_store_read_becomes_domain_records()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Result(["agency"], [[AgencyMap("ag-1", "Sexual Health Norfolk", restricted: true)]]));
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var agencies = await store.GetAgenciesAsync(Ct);

        Assert.Equal("directory/all_agencies", Assert.Single(server.Requests).Statement);
        Assert.Equal(new Agency("ag-1", "Sexual Health Norfolk", AgencyKind.Health, "01603222000", "duty@ag-1.example", true,
            new DataSharingAgreement(AgreementStatus.Active, new DateOnly(2024, 1, 15), null)), Assert.Single(agencies));
    }

    [Fact]
    public async Task An_account_is_one_read_of_the_practitioner_and_the_agency_they_act_for()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Result(["practitioner", "agency"],
            [[PractitionerMap("pr-nina", "ag-1"), AgencyMap("ag-1", "Norfolk Community Health", restricted: false)]]));
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var account = await store.FindAccountAsync("idp|pr-nina", Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal("directory/account_by_subject", request.Statement);
        Assert.Equal("idp|pr-nina", request.Json.GetProperty("parameters").GetProperty("subject").GetString());
        Assert.Equal(new Practitioner("pr-nina", "ag-1", "Nina Okafor", "District nurse", "nina@health.example", null, "01603100001",
            ContactMethod.Landline, PractitionerStatus.Active, "idp|pr-nina"), account!.Practitioner);
        Assert.Equal(("ag-1", "Norfolk Community Health", AgreementStatus.Active), (account.Agency.Id, account.Agency.Name, account.Agency.Agreement.Status));
    }

    [Fact]
    public async Task Reach_is_one_read_that_returns_the_records_in_reach_by_id()
    {
        await using var server = await FakeQueryApi.StartAsync(request => request.Statement switch
        {
            "clients/clients_in_reach" => Result(["client"], [[ClientMap("cl-eve")]]),
            _ => Result(["family"], []),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var clients = await store.GetClientsInReachAsync("pr-nina", ["cl-eve", "cl-missing"], Ct);
        var families = await store.GetFamiliesInReachAsync("pr-nina", ["fa-1"], Ct);
        var none = await store.GetClientsInReachAsync("pr-nina", [], Ct);

        Assert.Equal(["clients/clients_in_reach", "clients/families_in_reach"], server.Requests.Select(r => r.Statement));
        Assert.All(server.Requests, r => Assert.Equal("pr-nina", r.Json.GetProperty("parameters").GetProperty("practitionerId").GetString()));
        Assert.Equal(("Eve", "Brown"), (clients["cl-eve"].GivenName, clients["cl-eve"].FamilyName));
        Assert.Single(clients);
        Assert.Empty(families);
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_write_is_one_transaction_whose_every_request_carries_the_affinity_header_and_a_read_after_it_carries_its_bookmark()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun("tx-7", "c2VydmVyLTI="),
            (_, _, "writes/lock_client") => Result(["client"], [[ClientMap("cl-eve")]]),
            (_, _, "writes/lock_practitioner") => Result(["practitioner", "agency"], [[PractitionerMap("pr-nina", "ag-1"), AgencyMap("ag-1", "Health", restricted: false)]]),
            (_, _, "writes/current_involvement") => Result(["involvement"], []),
            ("POST", "/db/patchwork/query/v2/tx/tx-7/commit", _) => Empty("FB:after-join"),
            (_, _, "visits/visit_by_id") => Result(["visit"], []),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(TestNetworkNow));

        var joined = await Changes(store).JoinTeamAsync("cl-eve", "Referral from the GP", false, Nina, Ct);
        await store.GetVisitAsync("vi-1", Ct);

        var requests = server.Requests;
        Assert.Equal(
            ["POST /db/patchwork/query/v2/tx", "POST /db/patchwork/query/v2/tx/tx-7 writes/lock_client",
             "POST /db/patchwork/query/v2/tx/tx-7 writes/lock_practitioner", "POST /db/patchwork/query/v2/tx/tx-7 writes/current_involvement",
             "POST /db/patchwork/query/v2/tx/tx-7 team/insert_involvement", "POST /db/patchwork/query/v2/tx/tx-7 audit/append_audit",
             "POST /db/patchwork/query/v2/tx/tx-7/commit", "POST /db/patchwork/query/v2 visits/visit_by_id"],
            requests.Select(r => $"{r.Method} {r.Path} {r.Statement}".TrimEnd()));
        Assert.All(requests.Skip(1).Take(6), r => Assert.Equal("c2VydmVyLTI=", r.Header("neo4j-cluster-affinity")));
        Assert.Equal(["clientId", "practitionerId", "reason", "restricted", "since"], requests[4].ParameterNames);
        Assert.Equal("2025-03-10T12:00:00.000Z", requests[4].Json.GetProperty("parameters").GetProperty("since").GetString());
        var audit = requests[5].Json.GetProperty("parameters").GetProperty("entries")[0];
        Assert.Equal(("JoinTeam", "cl-eve", "req-1"), (audit.GetProperty("action").GetString(), audit.GetProperty("clientId").GetString(), audit.GetProperty("requestId").GetString()));
        Assert.Equal("""["FB:after-join"]""", requests[7].Json.GetProperty("bookmarks").GetRawText());
        Assert.Equal(TestNetworkNow, joined.Since);
    }

    [Fact]
    public async Task Scheduling_a_visit_locks_the_client_then_the_practitioner_before_reading_the_involvement()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun("tx-3", "YWZm"),
            (_, _, "writes/lock_client") => Result(["client"], [[ClientMap("cl-eve")]]),
            (_, _, "writes/lock_practitioner") => Result(["practitioner", "agency"], [[PractitionerMap("pr-nina", "ag-1"), AgencyMap("ag-1", "Health", restricted: false)]]),
            (_, _, "writes/current_involvement") => Result(["involvement"], []),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(TestNetworkNow));

        var error = await Assert.ThrowsAsync<PatchworkException>(() => Changes(store).ScheduleVisitAsync(
            new NewVisit("cl-eve", TestNetworkNow.AddDays(1), VisitMode.HomeVisit), Nina, Ct));

        Assert.Equal(ErrorCode.Forbidden, error.Code);
        Assert.Equal(["writes/lock_client", "writes/lock_practitioner", "writes/current_involvement"],
            server.Requests.Where(r => r.Statement is not null).Select(r => r.Statement));
        Assert.Equal("pr-nina", server.Requests[2].Json.GetProperty("parameters").GetProperty("id").GetString());
        Assert.Equal("DELETE", server.Requests[^1].Method);
    }

    [Fact]
    public async Task Leaving_a_team_whose_involvement_ended_meanwhile_is_a_conflict_and_is_rolled_back()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun("tx-4", "YWZm"),
            (_, _, "writes/lock_client") => Result(["client"], [[ClientMap("cl-eve")]]),
            (_, _, "writes/lock_practitioner") => Result(["practitioner", "agency"], [[PractitionerMap("pr-nina", "ag-1"), AgencyMap("ag-1", "Health", restricted: false)]]),
            (_, _, "writes/current_involvement") => Result(["involvement"], [[InvolvementMap("pr-nina", "cl-eve")]]),
            (_, _, "team/end_involvement") => Result(["ended"], [[Whole(0)]]),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(TestNetworkNow));

        var error = await Assert.ThrowsAsync<PatchworkException>(() => Changes(store).LeaveTeamAsync("cl-eve", "Case closed", Nina, Ct));

        Assert.Equal(ErrorCode.Conflict, error.Code);
        Assert.Equal(["writes/lock_client", "writes/lock_practitioner", "writes/current_involvement", "team/end_involvement"],
            server.Requests.Where(r => r.Statement is not null).Select(r => r.Statement));
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Equal("DELETE", server.Requests[^1].Method);
    }

    [Fact]
    public async Task A_read_answer_does_not_replace_the_bookmark_of_the_last_commit()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path) switch
        {
            ("POST", "/db/patchwork/query/v2/tx") => Begun("tx-5", "YWZm"),
            ("POST", "/db/patchwork/query/v2/tx/tx-5/commit") => Empty("FB:commit"),
            _ => Empty("FB:older-read"),
        });
        using var client = new QueryApiClient(Options(server.Uri));

        await client.InTransactionAsync(_ => Task.FromResult(1), Ct);
        await client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct);
        await client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct);
        await client.WriteImplicitAsync(Cypher.Call(Statements.AllAgencies), Ct);
        await client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct);

        var requests = server.Requests;
        Assert.Equal("""["FB:commit"]""", requests[2].Json.GetProperty("bookmarks").GetRawText());
        Assert.Equal("""["FB:commit"]""", requests[3].Json.GetProperty("bookmarks").GetRawText());
        Assert.Equal("""["FB:commit"]""", requests[4].Json.GetProperty("bookmarks").GetRawText());
        Assert.Equal("""["FB:older-read"]""", requests[5].Json.GetProperty("bookmarks").GetRawText());
    }

    [Fact]
    public async Task A_write_its_checks_refuse_is_rolled_back_and_never_committed()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun("tx-8", "YWZm"),
            (_, _, "writes/lock_client") => Result(["client"], []),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var error = await Assert.ThrowsAsync<PatchworkException>(() => Changes(store).JoinTeamAsync("cl-gone", "Referral", false, Nina, Ct));

        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Equal(["POST /db/patchwork/query/v2/tx", "POST /db/patchwork/query/v2/tx/tx-8", "DELETE /db/patchwork/query/v2/tx/tx-8"],
            server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("YWZm", server.Requests[2].Header("neo4j-cluster-affinity"));
    }

    [Fact]
    public async Task An_error_inside_a_202_body_fails_with_its_code_and_is_not_retried()
    {
        await using var server = await FakeQueryApi.StartAsync(_ =>
            Error(202, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN'"));
        using var client = new QueryApiClient(Options(server.Uri));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Contains("RETRUN", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_401_says_which_settings_to_check_and_is_not_retried()
    {
        await using var server = await FakeQueryApi.StartAsync(_ =>
            Error(401, "Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."));
        using var client = new QueryApiClient(Options(server.Uri));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.Equal(Neo4jException.Unauthorized, error.Code);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_401_without_a_body_names_the_settings()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => new Reply(401, ""));
        using var client = new QueryApiClient(Options(server.Uri));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.Contains("Neo4j:User and Neo4j:Password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_that_expired_fails_the_write_with_404_and_is_rolled_back_not_committed()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path) switch
        {
            ("POST", "/db/patchwork/query/v2/tx") => Begun("tx-9", "YWZm"),
            ("POST", "/db/patchwork/query/v2/tx/tx-9") => Error(404, "Neo.ClientError.Transaction.TransactionNotFound",
                "Transaction with Id: tx-9 was not found. It may have timed out and therefore rolled back or the routing header may be missing."),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Changes(store).CancelVisitAsync("vi-1", Nina, Ct));

        Assert.Equal(Neo4jException.TransactionNotFound, error.Code);
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Equal("DELETE", server.Requests[^1].Method);
    }

    [Fact]
    public async Task A_transient_error_is_retried_and_then_succeeds()
    {
        await using var server = await FakeQueryApi.StartAsync(request => request.Index == 1
            ? Error(202, "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient[1] can't acquire ExclusiveLock")
            : Result(["agency"], [[AgencyMap("ag-1", "Council", restricted: false)]]));
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var agencies = await store.GetAgenciesAsync(Ct);

        Assert.Equal("ag-1", Assert.Single(agencies).Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_transient_error_in_a_write_retries_the_whole_transaction_from_the_start()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun($"tx-{request.Index}", "YWZm"),
            (_, _, "writes/lock_agency") when request.Index == 2 => Error(202, "Neo.TransientError.General.DatabaseUnavailable", "leader switch"),
            (_, _, "writes/lock_agency") => Result(["agency"], [[AgencyMap("ag-1", "Council", restricted: false)]]),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(TestNetworkNow));

        await Changes(store).SetAgreementAsync("ag-1", new DataSharingAgreement(AgreementStatus.Suspended, new DateOnly(2024, 1, 15), null),
            TestNetworkAdmin, Ct);

        Assert.Equal(
            ["POST /db/patchwork/query/v2/tx", "POST /db/patchwork/query/v2/tx/tx-1 writes/lock_agency", "DELETE /db/patchwork/query/v2/tx/tx-1",
             "POST /db/patchwork/query/v2/tx", "POST /db/patchwork/query/v2/tx/tx-4 writes/lock_agency",
             "POST /db/patchwork/query/v2/tx/tx-4 admin/set_agreement", "POST /db/patchwork/query/v2/tx/tx-4 audit/append_audit",
             "POST /db/patchwork/query/v2/tx/tx-4/commit"],
            server.Requests.Select(r => $"{r.Method} {r.Path} {r.Statement}".TrimEnd()));
    }

    [Fact]
    public async Task A_transient_error_that_persists_is_reported_after_the_configured_retries()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Error(503, "Neo.TransientError.General.DatabaseUnavailable", "unavailable"));
        using var client = new QueryApiClient(Options(server.Uri, retries: 2));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.True(error.IsTransient);
        Assert.Equal(3, server.Requests.Count);
    }

    // As a real 5.26 server words them: a transaction over its own cap meets it again every time; the pool shared by
    // all transactions may have room when others finish.
    [Theory]
    [InlineData("db.memory.transaction.max", 1)]
    [InlineData("db.memory.transaction.total.max", 3)]
    public async Task A_transaction_over_its_memory_cap_is_not_retried_though_neo4j_calls_it_transient(string setting, int requests)
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Error(202, "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
            $"The allocation of an extra 2.0 MiB would use more than the limit 96.0 MiB. Currently using 96.0 MiB. {setting} threshold reached"));
        using var client = new QueryApiClient(Options(server.Uri, retries: 2));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.Equal(requests > 1, error.IsTransient);
        Assert.Equal(requests, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_reported_as_unavailable_and_the_long_read_is_not_run_again()
    {
        // The server answers long after the client's timeout, which is wide enough for the request to reach it on a
        // loaded machine.
        await using var server = await FakeQueryApi.StartAsync(_ => Empty() with { Delay = TimeSpan.FromMinutes(5) });
        var options = Options(server.Uri, retries: 3);
        options.Timeout = TimeSpan.FromSeconds(3);
        using var impatient = new QueryApiClient(options);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => impatient.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.Equal(Neo4jException.Unavailable, error.Code);
        Assert.False(error.IsTransient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_failure_to_reach_the_server_never_prints_a_password_from_the_address()
    {
        using var client = new QueryApiClient(new Neo4jOptions
        {
            Uri = "http://neo4j:hunter2@127.0.0.1:1",
            User = "u",
            Password = "p",
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(5),
        });

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct));

        Assert.Contains("http://127.0.0.1:1/", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_that_gets_no_answer_is_not_retried_as_it_may_have_succeeded()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path) switch
        {
            ("POST", "/db/patchwork/query/v2/tx") => Begun("tx-1", "YWZm"),
            ("POST", "/db/patchwork/query/v2/tx/tx-1/commit") => new Reply(503, ""),
            _ => Empty(),
        });
        using var client = new QueryApiClient(Options(server.Uri));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.InTransactionAsync(_ => Task.FromResult(1), Ct));

        Assert.False(error.IsTransient);
        Assert.Single(server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Equal(("DELETE", "/db/patchwork/query/v2/tx/tx-1"), (server.Requests[^1].Method, server.Requests[^1].Path));
    }

    [Fact]
    public async Task A_caller_cancelling_after_the_work_still_gets_the_commit_so_no_transaction_is_left_holding_locks()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path) switch
        {
            ("POST", "/db/patchwork/query/v2/tx") => Begun("tx-2", "YWZm"),
            _ => Empty(),
        });
        using var client = new QueryApiClient(Options(server.Uri));
        using var caller = new CancellationTokenSource();

        var result = await client.InTransactionAsync(_ =>
        {
            caller.Cancel();
            return Task.FromResult(42);
        }, caller.Token);

        Assert.Equal(42, result);
        Assert.Equal(["POST /db/patchwork/query/v2/tx", "POST /db/patchwork/query/v2/tx/tx-2/commit"],
            server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_uniqueness_constraint_refusing_a_write_is_a_conflict()
    {
        await using var server = await FakeQueryApi.StartAsync(request => (request.Method, request.Path, request.Statement) switch
        {
            ("POST", "/db/patchwork/query/v2/tx", _) => Begun("tx-1", "YWZm"),
            (_, _, "writes/agency_names") => Result(["name"], []),
            (_, _, "admin/insert_agency") => Error(202, "Neo.ClientError.Schema.ConstraintValidationFailed",
                "Node(12) already exists with label `Agency` and property `nameKey` = 'COUNCIL'"),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(TestNetworkNow));

        var error = await Assert.ThrowsAsync<PatchworkException>(() => Changes(store).OnboardAgencyAsync(
            new NewAgency("Council", AgencyKind.CountyCouncil, "01603222000", "duty@council.example", false,
                new DataSharingAgreement(AgreementStatus.Draft, null, null)), TestNetworkAdmin, Ct));

        Assert.Equal(ErrorCode.Conflict, error.Code);
        Assert.Equal("DELETE", server.Requests[^1].Method);
    }

    [Fact]
    public async Task A_token_without_a_user_is_sent_as_a_bearer_token()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Empty());
        using var client = new QueryApiClient(new Neo4jOptions { Uri = server.Uri, Token = "sso-token" });

        await client.ReadAsync(Cypher.Call(Statements.AllAgencies), Ct);

        Assert.Equal("Bearer sso-token", Assert.Single(server.Requests).Header("authorization"));
    }

    [Fact]
    public async Task Start_up_applies_each_schema_statement_on_its_own_and_records_the_version_once()
    {
        var applied = new List<long>();
        await using var server = await FakeQueryApi.StartAsync(request => request.Statement switch
        {
            "store/applied_schema_versions" => Result(["version"], applied.Select(v => new[] { Whole(v) })),
            "store/record_schema_version" => Record(applied, request),
            _ => Empty(),
        });
        using var store = new Neo4jNetworkStore(Options(server.Uri), new FixedTimeProvider(TestNetworkNow));

        var first = await store.InitializeAsync(Ct);
        var requestsAfterFirst = server.Requests.Count;
        var second = await store.InitializeAsync(Ct);

        // Each migration's statements, then its version recorded, in version order.
        var migrations = SchemaMigrations.Embedded;
        Assert.Equal([1, 2], first);
        Assert.Equal([1L, 2L], applied);
        Assert.Empty(second);
        var writes = server.Requests.Take(requestsAfterFirst).Skip(1).ToList();
        Assert.Equal(migrations.SelectMany(m => m.Statements.Append(Cypher.TextOf(Statements.RecordSchemaVersion))),
            writes.Select(r => r.Json.GetProperty("statement").GetString()));
        Assert.Contains(writes, r => r.Json.GetProperty("statement").GetString()!.Contains("FOR (u:FollowUp) REQUIRE u.id IS UNIQUE", StringComparison.Ordinal));
        Assert.All(writes, r => Assert.Equal("Write", r.Json.GetProperty("accessMode").GetString()));
        Assert.Contains(writes, r => r.Json.GetProperty("statement").GetString()!.Contains("CREATE FULLTEXT INDEX client_names", StringComparison.Ordinal));
        Assert.Equal(requestsAfterFirst + 1, server.Requests.Count);
        Assert.True(await store.IsReadyAsync(Ct));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused()
    {
        await using var server = await FakeQueryApi.StartAsync(_ => Result(["version"], [[Whole(1)], [Whole(999)]]));
        using var store = new Neo4jNetworkStore(Options(server.Uri), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));

        Assert.Contains("schema version 999", error.Message, StringComparison.Ordinal);
    }

    private static Reply Record(List<long> applied, SeenRequest request)
    {
        applied.Add(request.Json.GetProperty("parameters").GetProperty("version").GetInt64());
        return Empty("FB:schema");
    }

    [Fact]
    public void Back_off_doubles_from_the_first_delay_is_capped_at_five_seconds_and_jittered()
    {
        using var client = new QueryApiClient(new Neo4jOptions { Uri = "http://127.0.0.1:1", User = "u", Password = "p", RetryDelay = TimeSpan.FromMilliseconds(100) });

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var ceiling = Math.Min(100 * Math.Pow(2, attempt - 1), 5000);
            var pause = client.BackOff(attempt).TotalMilliseconds;
            Assert.InRange(pause, ceiling / 2, ceiling);
        }
    }

    private static readonly DateTimeOffset TestNetworkNow = Contract.TestNetwork.Now;

    private static readonly Actor TestNetworkAdmin = Contract.TestNetwork.Admin;

    private static string AgencyMap(string id, string name, bool restricted) => Map(
        ("id", Str(id)), ("name", Str(name)), ("kind", Str("Health")), ("dutyPhone", Str("01603222000")),
        ("dutyEmail", Str($"duty@{id}.example")), ("restrictedService", Bool(restricted)), ("agreementStatus", Str("Active")),
        ("agreementSignedOn", Date("2024-01-15")), ("agreementExpiresOn", Null));

    private static string PractitionerMap(string id, string agencyId) => Map(
        ("id", Str(id)), ("agencyId", Str(agencyId)), ("name", Str("Nina Okafor")), ("role", Str("District nurse")),
        ("email", Str("nina@health.example")), ("mobile", Null), ("landline", Str("01603100001")),
        ("preferredContact", Str("Landline")), ("status", Str("Active")), ("subject", Str("idp|pr-nina")));

    private static string InvolvementMap(string practitionerId, string clientId) => Map(
        ("practitionerId", Str(practitionerId)), ("clientId", Str(clientId)), ("since", Time("2025-01-01T09:00Z")),
        ("reason", Str("Referral")), ("restricted", Bool(false)), ("endedOn", Null), ("endReason", Null));

    private static string ClientMap(string id) => Map(
        ("id", Str(id)), ("givenName", Str("Eve")), ("familyName", Str("Brown")), ("dateOfBirth", Date("1970-07-07")),
        ("address", Str("6 Elm Road")), ("postcode", Str("PE30 1AA")), ("nhsNumber", Null), ("shielded", Bool(false)),
        ("familyId", Null), ("familyRelationship", Null));
}
