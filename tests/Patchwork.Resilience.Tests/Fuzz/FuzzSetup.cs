using System.Text.Json.Nodes;

namespace Patchwork.Resilience.Tests.Fuzz;

/// <summary>Signs in as the demo accounts and collects real ids, so fuzzed requests reach past sign-in and access rules.</summary>
public static class FuzzSetup
{
    public const string WalkThroughPractitioner = "hannah.reid@eastmere-council.example";

    public static async Task<FuzzContext> PrepareAsync(HttpClient http)
    {
        var users = await ApiServer.DemoUsersAsync(http);
        var practitioner = await ApiServer.TokenForAsync(http, WalkThroughPractitioner);
        var tokens = new List<string> { practitioner };
        foreach (var user in users.Where(u => !string.Equals(u.Email, WalkThroughPractitioner, StringComparison.OrdinalIgnoreCase)))
        {
            tokens.Add(await ApiServer.TokenForAsync(http, user.Email));
        }
        var subject = (await GraphQLCall.SendAsync(http, practitioner, "{ me { subject } }")).Ok()["me"]!["subject"]!.GetValue<string>();

        // Into a team or two, so client and family documents are answered rather than refused.
        var found = (await GraphQLCall.SendAsync(http, practitioner, "{ searchClients(query: \"grace okafor\") { id inMyTeam } }"))
            .Ok()["searchClients"]!.AsArray();
        foreach (var match in found.Where(m => !m!["inMyTeam"]!.GetValue<bool>()).Take(2))
        {
            await GraphQLCall.SendAsync(http, practitioner, "mutation($c: ID!) { joinTeam(clientId: $c, reason: \"Referral from school\") { id } }",
                new { c = match!["id"]!.GetValue<string>() });
        }
        var registered = (await GraphQLCall.SendAsync(http, practitioner, """
            mutation { registerClient(input: { givenName: "Sam", familyName: "Fuzzworth", dateOfBirth: "2016-04-01", address: "3 Test Row",
              postcode: "EM1 1AA", reason: "Referred by the school nurse" }) { id } }
            """)).Ok()["registerClient"]!["id"]!.GetValue<string>();
        await GraphQLCall.SendAsync(http, practitioner, "mutation($c: ID!, $at: DateTimeOffset!) { scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: PHONE }) { id } }",
            new { c = registered, at = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });

        var mine = (await GraphQLCall.SendAsync(http, practitioner, "{ myClients { id family { id } upcomingVisits(first: 10) { id } } }"))
            .Ok()["myClients"]!.AsArray();
        var others = (await GraphQLCall.SendAsync(http, practitioner, "{ searchClients(query: \"smith\", first: 20) { id } }"))
            .Ok()["searchClients"]!.AsArray();
        var agencies = (await GraphQLCall.SendAsync(http, practitioner, "{ agencies { id } }")).Ok()["agencies"]!.AsArray();

        return new FuzzContext(
            subject,
            tokens,
            [.. mine.Select(c => Id(c)).Concat(others.Select(c => Id(c))).Distinct()],
            [.. mine.Select(c => c!["family"]).OfType<JsonNode>().Select(f => Id(f)).Distinct()],
            [.. mine.SelectMany(c => c!["upcomingVisits"]!.AsArray()).Select(v => Id(v))],
            [.. agencies.Select(a => Id(a))],
            [.. users.Select(u => u.PractitionerId).OfType<string>()]);
    }

    /// <summary>How many corpus documents the running schema accepts as they are (answered, not refused as a bad document).</summary>
    public static async Task<int> CountValidCorpusDocumentsAsync(HttpClient http, FuzzContext context)
    {
        var random = new Random(0);
        var valid = 0;
        foreach (var document in Corpus.All)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject
                {
                    ["query"] = document.Query,
                    ["variables"] = document.Variables(random, context),
                    ["operationName"] = document.OperationName,
                }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", context.PractitionerToken);
            using var response = await http.SendAsync(request);
            valid += (int)response.StatusCode == 200 ? 1 : 0;
        }
        return valid;
    }

    private static string Id(JsonNode? node) => node!["id"]!.GetValue<string>();
}
