using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Auditing;

namespace Patchwork.Api.Tests;

/// <summary>
/// Every read of personal data, every refusal and every read of the trail itself is on the trail before the answer
/// leaves, on every path: the schema walk asks each way down to a client and checks each client it was shown.
/// </summary>
public sealed class AuditCoverageTests(DisclosureTests.QuillHousehold household) : IClassFixture<DisclosureTests.QuillHousehold>
{
    private static readonly string[] PersonalFields = ["address", "postcode", "nhsNumber", "dateOfBirth"];

    [Fact]
    public async Task Every_path_that_shows_a_clients_personal_details_is_audited_as_a_view_of_that_client()
    {
        var documents = SchemaWalk.Documents(household.App.Services.GetRequiredService<ISchema>(), new Dictionary<string, string[]>
        {
            ["client"] = [$"id: \"{household.Ada}\""],
            ["family"] = [$"id: \"{household.Family}\""],
            ["myClients"] = [],
            ["searchClients"] = [],
        });
        var checkedPaths = 0;
        foreach (var document in documents)
        {
            var since = DateTimeOffset.UtcNow.AddMilliseconds(-1);
            var answer = await household.App.GraphQLAsync(household.SocialWorker, document);
            var shown = ClientsWithPersonalDetails(answer.Data).ToHashSet();

            foreach (var id in shown)
            {
                var views = await household.App.Store.Audit.GetAuditTrailAsync(new AuditQuery(id, null, since, null, 1, AuditAction.ViewClient), default);
                Assert.True(views.Count == 1, $"{id} shown unaudited by {document}");
            }
            checkedPaths += shown.Count > 0 ? 1 : 0;
        }
        Assert.True(checkedPaths > 10, $"Only {checkedPaths} paths showed personal details.");
    }

    [Fact]
    public async Task A_refusal_raised_by_the_store_and_a_probe_for_an_unknown_id_are_on_record()
    {
        var visit = await household.App.GraphQLAsync(household.SocialWorker,
            "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: PHONE }) { id } }",
            new { c = household.Bea, at = DateTimeOffset.UtcNow.AddDays(1) });
        var probe = await household.App.GraphQLAsync(household.SocialWorker, "{ client(id: \"no-such-client\") { id } }");

        visit.FailsWith("FORBIDDEN");
        probe.FailsWith("NOT_FOUND");
        var denied = await household.App.Store.Audit.GetAuditTrailAsync(new AuditQuery(null, null, null, null, 50, AuditAction.Denied), default);
        Assert.Contains(denied, e => e.Detail!.StartsWith("scheduleVisit:", StringComparison.Ordinal));
        Assert.Contains(denied, e => e.Detail!.StartsWith("client:", StringComparison.Ordinal) && e.Detail.Contains("no-such-client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_the_audit_trail_is_itself_on_the_trail()
    {
        var admin = await household.App.TokenForAsync(Demo.EmailFor(household.App, "admin"));

        (await household.App.GraphQLAsync(admin, "query($c: ID!) { auditTrail(clientId: $c, action: VIEW_CLIENT) { at } }", new { c = household.Bea })).Ok();

        var reads = await household.App.Store.Audit.GetAuditTrailAsync(new AuditQuery(household.Bea, null, null, null, 10, AuditAction.ViewAuditTrail), default);
        Assert.Contains(reads, e => e.Detail!.Contains("action=ViewClient", StringComparison.Ordinal));
    }

    /// <summary>The ids of every client object in an answer that carries a personal field with a value.</summary>
    private static IEnumerable<string> ClientsWithPersonalDetails(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue id && PersonalFields.Any(f => o[f] is JsonValue) ? [id.GetValue<string>()] : Enumerable.Empty<string>())
            .Concat(o.SelectMany(p => ClientsWithPersonalDetails(p.Value))),
        JsonArray a => a.SelectMany(ClientsWithPersonalDetails),
        _ => [],
    };
}
