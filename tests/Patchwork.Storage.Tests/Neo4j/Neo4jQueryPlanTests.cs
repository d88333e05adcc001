using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Patchwork.Auditing;
using Patchwork.Storage.Neo4j;
using Patchwork.Storage.Neo4j.Cypher;
using Patchwork.Storage.Tests.Contract;
using Patchwork.Testing;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Neo4j;

/// <summary>
/// The statements that must seek do, on the real server: each test has the store run its reads over the test network
/// and a few thousand audit entries, records every statement with the parameters the adapter sent, and asks the server
/// for the plan of exactly that (EXPLAIN through the Query API).
/// </summary>
[RequiresStoreServer<Neo4jTestServer>]
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jQueryPlanTests
{
    private static readonly Dictionary<string, string> StatementNames =
        Statements.All.ToDictionary(s => CypherCatalogue.Load().TextOf(s), s => s.Name);

    private static CancellationToken Ct => CancellationToken.None;

    [ContractFact]
    public async Task Every_read_of_the_audit_trail_seeks_an_index_instead_of_scanning_the_entries()
    {
        var (store, recorder, options) = await StoreWithTrailAsync();
        using (store)
        {
            foreach (var query in new AuditQuery[]
            {
                new(null, null, null, null, 100),
                new(null, null, Days(-30), Days(-10), 100),
                new(Alice, null, null, null, 100),
                new(Alice, Sam, Days(-30), null, 100, AuditAction.ViewClient, Smiths),
                new(null, null, null, null, 100, FamilyId: Smiths),
                new(null, Sam, null, Days(-1), 100, AuditAction.Denied, Smiths),
                new(null, Sam, null, null, 100),
                new(null, Sam, null, null, 100, AuditAction.ViewClient),
                new(null, null, null, null, 100, AuditAction.Search),
                new(null, null, Days(-3), null, 100, AuditAction.Search),
            })
            {
                await store.GetAuditTrailAsync(query, Ct);
            }
            await foreach (var _ in store.ExportAuditAsync(1_000, Ct))
            {
            }
        }

        var plans = await PlansAsync(options, recorder.Sent);

        Assert.All(plans, plan =>
        {
            // A scan of every node, of the label or of a whole index (which the planner was seen to choose over a seek).
            Assert.False(plan.Operators.Any(o => o.StartsWith("AllNodesScan", StringComparison.Ordinal) ||
                (o.Contains("Scan", StringComparison.Ordinal) && o.Contains(":AuditEntry", StringComparison.Ordinal))),
                plan.ToString());
            Assert.True(plan.Operators.Any(o => o.Contains("IndexSeek", StringComparison.Ordinal) && o.Contains(":AuditEntry(", StringComparison.Ordinal)),
                plan.ToString());
        });
        Assert.Equal(["audit/audit_trail_by_action", "audit/audit_trail_by_client", "audit/audit_trail_by_family",
            "audit/audit_trail_by_practitioner", "audit/audit_trail_by_time", "export/export_audit"],
            plans.Select(p => p.Statement).Distinct().Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Every_page_of_the_network_export_seeks_on_from_the_last_key_instead_of_skipping_the_rows_before_it()
    {
        var (store, recorder, options) = await StoreWithTrailAsync();
        using (store)
        {
            await foreach (var _ in store.ExportAsync(3, Ct))
            {
            }
        }

        var pages = (await PlansAsync(options, recorder.Sent)).Where(p => p.Statement.StartsWith("export/", StringComparison.Ordinal)).ToList();

        Assert.Equal(["export/export_agencies", "export/export_clients", "export/export_families", "export/export_follow_ups",
            "export/export_involvements", "export/export_practitioners", "export/export_visits"],
            pages.Select(p => p.Statement).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, pages.Count(p => p.Statement == "export/export_involvements"));
        Assert.All(pages, page =>
        {
            Assert.False(page.Operators.Any(o => o.StartsWith("Skip", StringComparison.Ordinal)), page.ToString());
            // Involvements have no id: they are read from the client id index, client by client.
            var seek = page.Statement == "export/export_involvements" ? "NodeUniqueIndexSeekByRange: UNIQUE c:Client(id)" : "NodeUniqueIndexSeekByRange:";
            Assert.True(page.Operators.Any(o => o.StartsWith(seek, StringComparison.Ordinal)), page.ToString());
        });
    }

    /// <summary>A store on the run's server holding the test network and 3,000 audit entries, so the planner has figures to go by.</summary>
    private static async Task<(Neo4jNetworkStore Store, StatementRecorder Recorder, Neo4jOptions Options)> StoreWithTrailAsync()
    {
        var options = await TestNeo4j.OptionsAsync();
        await TestNeo4j.WipeAsync(options);
        var recorder = new StatementRecorder();
        var store = new Neo4jNetworkStore(options, new FixedTimeProvider(Now), recorder);
        await store.InitializeAsync(Ct);
        await store.ImportAsync(Build(), Ct);
        AuditAction[] actions = [AuditAction.Search, AuditAction.ViewClient, AuditAction.ViewFamily, AuditAction.Denied, AuditAction.JoinTeam];
        await store.AppendAuditAsync(
            [.. Enumerable.Range(0, 3_000).Select(i => new AuditEntry(Now.AddMinutes(-i), $"idp|{i % 40}", PractitionerIds[i % PractitionerIds.Count],
                actions[i % actions.Length], i % 3 == 0 ? null : ClientIds[i % ClientIds.Count], i % 11 == 0 ? Smiths : null,
                null, null, $"req-{i}"))], Ct);
        recorder.Sent.Clear();
        return (store, recorder, options);
    }

    private static async Task<List<Plan>> PlansAsync(Neo4jOptions options, IEnumerable<JsonObject> sent)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        var plans = new List<Plan>();
        foreach (var body in sent)
        {
            var text = (string)body["statement"]!;
            var explain = new JsonObject { ["statement"] = "EXPLAIN " + text, ["parameters"] = body["parameters"]?.DeepClone() };
            using var response = await http.PostAsJsonAsync($"{options.Uri}/db/{options.Database}/query/v2", explain);
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var plan = answer["queryPlan"] ?? throw new InvalidOperationException($"No plan for {StatementNames[text]}: {answer}");
            plans.Add(new Plan(StatementNames[text], [.. Operators(plan)], body["parameters"]?.ToJsonString() ?? ""));
        }
        return plans;
    }

    /// <summary>Every operator of a plan, as "Type: details", top down.</summary>
    private static IEnumerable<string> Operators(JsonNode node) =>
        new[] { $"{((string)node["operatorType"]!).Split('@')[0]}: {(string?)node["arguments"]?["Details"]}" }
            .Concat(node["children"]!.AsArray().SelectMany(child => Operators(child!)));

    private sealed record Plan(string Statement, IReadOnlyList<string> Operators, string Parameters)
    {
        public override string ToString() => $"{Statement} {Parameters}\n  {string.Join("\n  ", Operators)}";
    }

    /// <summary>Records the body of every statement a store sends outside a transaction (its reads), and passes it on.</summary>
    private sealed class StatementRecorder() : DelegatingHandler(new HttpClientHandler())
    {
        public List<JsonObject> Sent { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null && request.RequestUri!.AbsolutePath.EndsWith("/query/v2", StringComparison.Ordinal))
            {
                var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
                lock (Sent)
                {
                    Sent.Add(body);
                }
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
