using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Api.Reports;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>Analysts' and commissioners' reports through HTTP: GraphQL and CSV, on the demo district.</summary>
public sealed partial class ReportsTests : IDisposable
{
    private readonly PatchworkApp _app = new();

    private Task<string> TokenAsync(string role) => _app.TokenForAsync(Demo.EmailFor(_app, role));

    [GeneratedRegex("^F-[0-9A-HJKMNP-TV-Z]{10}$")]
    private static partial Regex ReferencePattern();

    [Fact]
    public async Task Density_by_area_publishes_only_multiples_of_five_and_never_a_name()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        var response = await _app.GraphQLAsync(analyst, """
            { networkDensity { areas { area suppressed families { value suppressed }
                  practitionersPerFamily { mean median buckets { label count { value suppressed } } }
                  agenciesPerFamily { mean median buckets { label count { value suppressed } } }
                  threeOrMoreAgencies { count { value suppressed } share } singleAgency { count { value } share }
                  noKeyWorker { count { value } share } }
                overall { area families { value } agenciesPerFamily { mean } } } }
            """);

        var density = response.Ok()["networkDensity"]!;
        var areas = density["areas"]!.AsArray();
        Assert.NotEmpty(areas);
        var values = Values(density).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(0, v % 5));
        // The overall row counts only published areas: nothing is left over to subtract.
        var visible = areas.Where(a => !a!["suppressed"]!.GetValue<bool>()).Sum(a => a!["families"]!["value"]!.GetValue<int>());
        Assert.Equal(visible, density["overall"]!["families"]!["value"]!.GetValue<int>());
        await AssertNoNamesAsync(response.Body.ToJsonString());
    }

    [Fact]
    public async Task Family_networks_publish_groups_of_at_least_ten_families_with_no_reference_and_no_exact_figure()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        var groups = (await _app.GraphQLAsync(analyst, """
            { familyNetworks { area agencies lastContact families { value suppressed } withKeyWorker { value suppressed }
                withVisitPlanned { value suppressed } practitionersPerFamily membersWithInvolvementShare } }
            """)).Ok()["familyNetworks"]!.AsArray();

        // The true groups, worked out here from the store at the end of last month.
        var monthEnd = ReportArguments.MonthStart(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var families = await _app.Services.GetRequiredService<INetworkReports>()
            .GetFamilyNetworksAsync(new ReportFilter(null, null, monthEnd), withVisits: true, default);
        var truth = families.GroupBy(f => (f.Area, Agencies: Names.Constant(FamilyNetworkGroups.Band(f.Agencies)),
                LastContact: Names.Constant(Recency.Of(monthEnd, f.LastContactAt))))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Contains(truth, g => g.Value is > 0 and < FamilyNetworkGroups.DefaultMinimum); // the demo has groups too small to show
        Assert.NotEmpty(groups);
        var shown = groups.Select(g => (Area: g!["area"]!.GetValue<string>(), Agencies: g["agencies"]!.GetValue<string>(),
            LastContact: g["lastContact"]!.GetValue<string>())).ToList();
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.All(groups, g =>
        {
            var key = (g!["area"]!.GetValue<string>(), g["agencies"]!.GetValue<string>(), g["lastContact"]!.GetValue<string>());
            Assert.True(truth[key] >= FamilyNetworkGroups.DefaultMinimum);
            Assert.Equal(SmallCounts.Publish(truth[key]).Value, g["families"]!["value"]!.GetValue<int>());
            Assert.All(new[] { g["families"]!, g["withKeyWorker"]!, g["withVisitPlanned"]! },
                c => Assert.True(c["suppressed"]!.GetValue<bool>() || c["value"]!.GetValue<int>() % 5 == 0));
        });
        // Every group of ten or more is there: nothing publishable is lost.
        Assert.Equal(truth.Count(g => g.Value >= FamilyNetworkGroups.DefaultMinimum), groups.Count);
        // A row per family, or its reference, is no longer to be had.
        (await _app.GraphQLAsync(analyst, "{ familyNetworks { reference } }")).FailsWith("BAD_USER_INPUT", 400);
        (await _app.GraphQLAsync(analyst, "{ familyNetworks { rows { reference } } }")).FailsWith("BAD_USER_INPUT", 400);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("HEALTH")]
    [InlineData("POLICE")]
    [InlineData("VOLUNTARY")]
    public async Task Family_networks_show_no_group_of_a_lone_family_and_the_csv_says_the_same(string? agencyKind)
    {
        var (account, _) = await PractitionerWithAFamilyAsync();
        var practitioner = await _app.TokenForAsync(account.Email);
        var client = (await _app.GraphQLAsync(practitioner, "mutation { registerClient(input: { givenName: \"Ada\", familyName: \"Lone\", dateOfBirth: \"2015-12-10\", address: \"1 Test Street\", postcode: \"EM1 1AA\", reason: \"Referred by school nurse\" }) { id } }"))
            .Ok()["registerClient"]!["id"]!.GetValue<string>();
        (await _app.GraphQLAsync(practitioner, "mutation($c: ID!) { createFamily(input: { name: \"the Lone household\", area: \"Eastmere / Lone Farm\", clientId: $c, relationship: \"parent\" }) { id } }",
            new { c = client })).Ok();
        var analyst = await TokenAsync(DemoRoles.Analyst);
        var lastMonth = DateOnly.FromDateTime(ReportArguments.MonthStart(_app.Services.GetRequiredService<TimeProvider>().GetUtcNow()).UtcDateTime).AddDays(-1);
        var variables = new { k = agencyKind };

        var groups = (await _app.GraphQLAsync(analyst, "query($k: AgencyKind) { familyNetworks(agencyKind: $k) { area agencies lastContact families { value } } }", variables))
            .Ok()["familyNetworks"]!.AsArray()
            .Select(g => $"{g!["area"]},{g["agencies"]},{g["lastContact"]},{g["families"]!["value"]}").ToList();
        using var response = await GetCsvAsync(analyst, agencyKind is null ? "/reports/family-networks.csv" : $"/reports/family-networks.csv?agencyKind={agencyKind}");
        var csv = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => string.Join(',', line.Split(',').Take(4))).ToList();

        Assert.DoesNotContain(groups, g => g.StartsWith("Eastmere / Lone Farm,", StringComparison.Ordinal));
        Assert.Equal(groups, csv);
        Assert.NotEmpty(groups);
        // With no date the groups are those of the end of last month: the same as asking for that month end.
        var asked = (await _app.GraphQLAsync(analyst, "query($k: AgencyKind, $d: DateOnly) { familyNetworks(agencyKind: $k, asOf: $d) { area agencies lastContact families { value } } }",
                new { k = agencyKind, d = lastMonth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }))
            .Ok()["familyNetworks"]!.AsArray()
            .Select(g => $"{g!["area"]},{g["agencies"]},{g["lastContact"]},{g["families"]!["value"]}").ToList();
        Assert.Equal(groups, asked);
    }

    [Theory]
    [InlineData("{ networkDensity(asOf: \"2999-01-31\") { overall { area } } }")]
    [InlineData("{ networkDensity(area: \"   \") { overall { area } } }")]
    [InlineData("{ networkDensity(asOf: \"1990-01-31\") { overall { area } } }")]
    [InlineData("{ networkDensity(asOf: \"2025-03-30\") { overall { area } } }")]
    [InlineData("{ familyNetworks(asOf: \"2025-02-27\", agencyKind: HEALTH) { area } }")]
    [InlineData("{ familyNetworks(asOf: \"2024-02-28\") { area } }")]
    [InlineData("{ caseloads(asOf: \"2025-06-01\") { clients { value } } }")]
    public async Task Bad_report_arguments_are_bad_user_input(string query)
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        (await _app.GraphQLAsync(analyst, query)).FailsWith("BAD_USER_INPUT");
    }

    [Theory]
    [InlineData("{ familiesWithoutContact(days: 0) { hasNextPage } }")]
    [InlineData("{ familiesWithoutContact(days: 4000) { hasNextPage } }")]
    [InlineData("{ familiesWithoutContact(days: 31) { hasNextPage } }")]
    [InlineData("{ familiesWithoutContact(days: 89) { hasNextPage } }")]
    [InlineData("{ familiesWithoutContact(after: \"cjE6eDpG\") { hasNextPage } }")]
    [InlineData("mutation { requestFollowUp(reference: \"Smith household\", reason: \"Check\") { reference } }")]
    [InlineData("mutation { requestFollowUp(reference: \"F-0000000000\", reason: \"   \") { reference } }")]
    public async Task Bad_commissioner_arguments_are_bad_user_input(string query)
    {
        var commissioner = await TokenAsync(DemoRoles.Commissioner);

        (await _app.GraphQLAsync(commissioner, query)).FailsWith("BAD_USER_INPUT");
    }

    [Fact]
    public async Task Families_without_contact_come_never_contacted_first_then_by_band_and_page_without_gaps_or_repeats()
    {
        var commissioner = await TokenAsync(DemoRoles.Commissioner);
        const string Query = "query($after: String) { familiesWithoutContact(days: 30, first: 7, after: $after) { rows { reference area lastContact hasActiveInvolvement onlyOverdueVisits reasons } endCursor hasNextPage } }";

        var rows = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await _app.GraphQLAsync(commissioner, Query, new { after })).Ok()["familiesWithoutContact"]!;
            rows.AddRange(page["rows"]!.AsArray().Select(r => r!));
            after = page["hasNextPage"]!.GetValue<bool>() ? page["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.NotEmpty(rows);
        var keys = rows.Select(r => (Band: Enum.Parse<ContactRecency>(r["lastContact"]!.GetValue<string>().Replace("_", ""), ignoreCase: true),
            Reference: r["reference"]!.GetValue<string>())).ToList();
        Assert.Equal(keys.OrderByDescending(k => k.Band).ThenBy(k => k.Reference, StringComparer.Ordinal), keys);
        Assert.True(keys.Select(k => k.Band).Distinct().Count() > 1);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(rows, r => Assert.NotEmpty(r["reasons"]!.AsArray()));
        Assert.All(rows.Where(r => r["lastContact"]!.GetValue<string>() == "WITHIN_A_MONTH"),
            r => Assert.DoesNotContain("NO_RECENT_CONTACT", r["reasons"]!.AsArray().Select(x => x!.GetValue<string>())));
    }

    [Fact]
    public async Task A_follow_up_reaches_the_familys_team_by_reference_and_is_audited_without_naming_the_commissioner_to_them()
    {
        var commissioner = await TokenAsync(DemoRoles.Commissioner);
        var (account, familyId) = await PractitionerWithAFamilyAsync();
        var reference = _app.Services.GetRequiredService<Pseudonyms>().Reference(familyId);

        var receipt = (await _app.GraphQLAsync(commissioner,
            "mutation($r: String!) { requestFollowUp(reference: $r, reason: \"No contact for ten weeks\") { reference route agencies { name } } }",
            new { r = reference.ToLowerInvariant() })).Ok()["requestFollowUp"]!;

        Assert.Equal((reference, "TEAM"), (receipt["reference"]!.GetValue<string>(), receipt["route"]!.GetValue<string>()));
        Assert.NotEmpty(receipt["agencies"]!.AsArray());
        var practitioner = await _app.TokenForAsync(account.Email);
        var seen = (await _app.GraphQLAsync(practitioner, "query($id: ID!) { family(id: $id) { followUpRequests { reason route requestedAt } } }",
            new { id = familyId })).Ok();
        Assert.Equal("No contact for ten weeks", seen["family"]!["followUpRequests"]![0]!["reason"]!.GetValue<string>());
        Assert.DoesNotContain(Demo.EmailFor(_app, DemoRoles.Commissioner), seen.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var admin = await TokenAsync(DemoRoles.Admin);
        var audit = (await _app.GraphQLAsync(admin, "query($f: ID!) { auditTrail(familyId: $f, action: REQUEST_FOLLOW_UP) { subject reason } }",
            new { f = familyId })).Ok()["auditTrail"]!.AsArray();
        Assert.Equal("No contact for ten weeks", Assert.Single(audit)!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_follow_up_for_a_family_with_no_team_reaches_the_duty_contacts_of_the_agency_that_left_it()
    {
        var (account, _) = await PractitionerWithAFamilyAsync();
        var practitioner = await _app.TokenForAsync(account.Email);
        var client = (await _app.GraphQLAsync(practitioner, "mutation { registerClient(input: { givenName: \"Ada\", familyName: \"Duty\", dateOfBirth: \"2015-12-10\", address: \"1 Test Street\", postcode: \"EM1 1AA\", reason: \"Referred by school nurse\" }) { id } }"))
            .Ok()["registerClient"]!["id"]!.GetValue<string>();
        var family = (await _app.GraphQLAsync(practitioner, "mutation($c: ID!) { createFamily(input: { name: \"the Duty household\", area: \"Eastmere / Harbour\", clientId: $c, relationship: \"parent\" }) { id } }",
            new { c = client })).Ok()["createFamily"]!["id"]!.GetValue<string>();
        (await _app.GraphQLAsync(practitioner, "mutation($c: ID!) { leaveTeam(clientId: $c) { endedOn } }", new { c = client })).Ok();
        var reference = _app.Services.GetRequiredService<Pseudonyms>().Reference(family);
        var commissioner = await TokenAsync(DemoRoles.Commissioner);

        var receipt = (await _app.GraphQLAsync(commissioner, "mutation($r: String!) { requestFollowUp(reference: $r, reason: \"Left without a team\") { route } }",
            new { r = reference })).Ok()["requestFollowUp"]!;

        Assert.Equal("DUTY", receipt["route"]!.GetValue<string>());
        var inbox = (await _app.GraphQLAsync(practitioner, "{ dutyFollowUpRequests { familyId householdName area request { reason route } } }"))
            .Ok()["dutyFollowUpRequests"]!.AsArray();
        var item = Assert.Single(inbox)!;
        Assert.Equal((family, "the Duty household", "Left without a team"),
            (item["familyId"]!.GetValue<string>(), item["householdName"]!.GetValue<string>(), item["request"]!["reason"]!.GetValue<string>()));
        // No longer in the team, the practitioner still cannot open the family itself.
        (await _app.GraphQLAsync(practitioner, "query($id: ID!) { family(id: $id) { id } }", new { id = family })).FailsWith("FORBIDDEN");
    }

    [Fact]
    public async Task A_duty_inbox_is_audited_per_family_and_names_a_restricted_service_only_to_its_own_practitioners()
    {
        var (account, _) = await PractitionerWithAFamilyAsync();
        var practitioner = await _app.TokenForAsync(account.Email);
        var advocateAccount = await Demo.PractitionerWhereAsync(_app, a => a.RestrictedService);
        var advocate = await _app.TokenForAsync(advocateAccount.Email);
        var client = (await _app.GraphQLAsync(practitioner, "mutation { registerClient(input: { givenName: \"Ada\", familyName: \"Refuge\", dateOfBirth: \"2015-12-10\", address: \"1 Test Street\", postcode: \"EM1 1AA\", reason: \"Referred by school nurse\" }) { id } }"))
            .Ok()["registerClient"]!["id"]!.GetValue<string>();
        var family = (await _app.GraphQLAsync(practitioner, "mutation($c: ID!) { createFamily(input: { name: \"the Refuge household\", area: \"Eastmere / Harbour\", clientId: $c, relationship: \"parent\" }) { id } }",
            new { c = client })).Ok()["createFamily"]!["id"]!.GetValue<string>();
        (await _app.GraphQLAsync(advocate, "mutation($c: ID!) { joinTeam(clientId: $c, reason: \"Safety planning\") { id } }", new { c = client })).Ok();
        foreach (var token in new[] { advocate, practitioner })
        {
            (await _app.GraphQLAsync(token, "mutation($c: ID!) { leaveTeam(clientId: $c) { endedOn } }", new { c = client })).Ok();
        }
        var reference = _app.Services.GetRequiredService<Pseudonyms>().Reference(family);
        var receipt = (await _app.GraphQLAsync(await TokenAsync(DemoRoles.Commissioner),
            "mutation($r: String!) { requestFollowUp(reference: $r, reason: \"Left without a team\") { route agencies { id restrictedService } } }",
            new { r = reference })).Ok()["requestFollowUp"]!;
        // The commissioner's receipt never names the refuge, though the refuge's duty inbox has the request.
        Assert.NotEmpty(receipt["agencies"]!.AsArray());
        Assert.All(receipt["agencies"]!.AsArray(), a => Assert.False(a!["restrictedService"]!.GetValue<bool>()));
        const string Inbox = "{ dutyFollowUpRequests { familyId request { agencies { id restrictedService } } } }";

        var seenOutside = (await _app.GraphQLAsync(practitioner, Inbox)).Ok()["dutyFollowUpRequests"]!.AsArray().Single(i => i!["familyId"]!.GetValue<string>() == family)!;
        var seenByAdvocate = (await _app.GraphQLAsync(advocate, Inbox)).Ok()["dutyFollowUpRequests"]!.AsArray().Single(i => i!["familyId"]!.GetValue<string>() == family)!;

        var advocateAgency = (await _app.Store.Batches.GetPractitionersAsync([advocateAccount.PractitionerId!], default))[advocateAccount.PractitionerId!].AgencyId;
        var outside = seenOutside["request"]!["agencies"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(outside);
        Assert.DoesNotContain(advocateAgency, outside);
        Assert.All(seenOutside["request"]!["agencies"]!.AsArray(), a => Assert.False(a!["restrictedService"]!.GetValue<bool>()));
        Assert.Contains(advocateAgency, seenByAdvocate["request"]!["agencies"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        var admin = await TokenAsync(DemoRoles.Admin);
        var views = (await _app.GraphQLAsync(admin, "query($f: ID!) { auditTrail(familyId: $f, action: VIEW_FAMILY) { subject detail } }", new { f = family }))
            .Ok()["auditTrail"]!.AsArray();
        Assert.Contains(views, v => v!["subject"]!.GetValue<string>() == account.Subject && v["detail"]!.GetValue<string>() == "dutyFollowUpRequests");
        Assert.Contains(views, v => v!["subject"]!.GetValue<string>() == advocateAccount.Subject);
    }

    [Fact]
    public async Task As_of_a_date_before_anyone_was_involved_the_network_is_empty()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        var now = (await _app.GraphQLAsync(analyst, "{ networkDensity { overall { agenciesPerFamily { mean } } } }")).Ok();
        var then = (await _app.GraphQLAsync(analyst, "{ networkDensity(asOf: \"2000-01-31\") { overall { agenciesPerFamily { mean } } } }")).Ok();

        Assert.True(now["networkDensity"]!["overall"]!["agenciesPerFamily"]!["mean"]!.GetValue<double>() > 0);
        Assert.Equal(0, then["networkDensity"]!["overall"]!["agenciesPerFamily"]!["mean"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_follow_up_for_an_unknown_reference_is_not_found_and_changes_nothing()
    {
        var commissioner = await TokenAsync(DemoRoles.Commissioner);
        var trailBefore = await AuditCountAsync();

        (await _app.GraphQLAsync(commissioner, "mutation { requestFollowUp(reference: \"F-0000000000\", reason: \"Check on them\") { reference } }"))
            .FailsWith("NOT_FOUND");

        var families = await _app.Services.GetRequiredService<INetworkReports>().GetFamilyIdsAsync(default);
        var requests = await _app.Store.Batches.GetFollowUpRequestsAsync([.. families], default);
        Assert.Empty(requests.SelectMany(g => g.Value));
        Assert.Equal(trailBefore, await AuditCountAsync(action: "REQUEST_FOLLOW_UP"));
    }

    [Theory]
    [InlineData("F-0000000000", "NOT_FOUND", "No family has the reference 'F-0000000000'")]
    [InlineData("Smith household", "BAD_USER_INPUT", "requestFollowUp: ")]
    public async Task A_refused_follow_up_request_is_audited_as_denied_so_references_cannot_be_probed_without_trace(
        string reference, string code, string detailPart)
    {
        var commissioner = await TokenAsync(DemoRoles.Commissioner);

        (await _app.GraphQLAsync(commissioner, "mutation($r: String!) { requestFollowUp(reference: $r, reason: \"Check on them\") { reference } }",
            new { r = reference })).FailsWith(code);

        var subject = Demo.Accounts(_app).First(a => a.Role == DemoRoles.Commissioner).Subject;
        var denied = await DeniedAsync();
        Assert.Contains(denied, e => e.Subject == subject && e.Detail.StartsWith("requestFollowUp: ", StringComparison.Ordinal)
            && e.Detail.Contains(detailPart, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_csv_download_refused_as_bad_input_is_audited_as_denied()
    {
        using var response = await GetCsvAsync(await TokenAsync(DemoRoles.Analyst), "/reports/network-density.csv?asOf=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var subject = Demo.Accounts(_app).First(a => a.Role == DemoRoles.Analyst).Subject;
        Assert.Contains(await DeniedAsync(), e => e.Subject == subject && e.Detail.StartsWith("network-density.csv: ", StringComparison.Ordinal));
    }

    private async Task<List<(string Subject, string Detail)>> DeniedAsync()
    {
        var admin = await TokenAsync(DemoRoles.Admin);
        return [.. (await _app.GraphQLAsync(admin, "{ auditTrail(action: DENIED, first: 500) { subject detail } }")).Ok()["auditTrail"]!.AsArray()
            .Select(e => (e!["subject"]!.GetValue<string>(), e["detail"]?.GetValue<string>() ?? ""))];
    }

    [Fact]
    public async Task Every_report_read_is_audited_with_its_arguments()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        (await _app.GraphQLAsync(analyst, "{ caseloads(agencyKind: HEALTH) { families { value } } }")).Ok();

        var admin = await TokenAsync(DemoRoles.Admin);
        var trail = (await _app.GraphQLAsync(admin, "{ auditTrail(action: VIEW_REPORT) { detail } }")).Ok()["auditTrail"]!.AsArray();
        Assert.Contains(trail, e => e!["detail"]!.GetValue<string>() == "caseloads agencyKind=Health");
    }

    [Fact]
    public async Task Csv_exports_have_headers_utf8_a_filename_and_the_same_suppression_as_graphql()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        using var response = await GetCsvAsync(analyst, "/reports/network-density.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Matches("^attachment; filename=\"patchwork-network-density-\\d{4}-\\d{2}-\\d{2}\\.csv\"$", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("area,families,practitioners_per_family_mean,practitioners_per_family_median,practitioners_per_family_0,", lines[0], StringComparison.Ordinal);
        var header = lines[0].Split(',');

        var graphql = (await _app.GraphQLAsync(analyst, "{ networkDensity { areas { area families { value suppressed } singleAgency { count { value suppressed } } } } }"))
            .Ok()["networkDensity"]!["areas"]!.AsArray();
        Assert.Equal(graphql.Count + 2, lines.Length); // header, areas, overall
        for (var i = 0; i < graphql.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(graphql[i]!["area"]!.GetValue<string>(), cells[0]);
            Assert.Equal(Shown(graphql[i]!["families"]!), cells[1]);
            Assert.Equal(Shown(graphql[i]!["singleAgency"]!["count"]!), cells[Array.IndexOf(header, "single_agency")]);
        }
        await AssertNoNamesAsync(string.Join("\n", lines));
    }

    [Fact]
    public async Task A_csv_as_of_a_month_end_is_named_for_that_day_and_one_of_now_for_today()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);

        using var asOf = await GetCsvAsync(analyst, "/reports/caseloads.csv?asOf=2025-01-31");
        using var now = await GetCsvAsync(analyst, "/reports/caseloads.csv");

        Assert.Equal("attachment; filename=\"patchwork-caseloads-2025-01-31.csv\"", asOf.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal($"attachment; filename=\"patchwork-caseloads-{_app.Services.GetRequiredService<TimeProvider>().GetUtcNow():yyyy-MM-dd}.csv\"", now.Content.Headers.ContentDisposition!.ToString());
    }

    [Theory]
    [InlineData("/reports/network-density.csv", DemoRoles.Analyst, HttpStatusCode.OK)]
    [InlineData("/reports/family-networks.csv", DemoRoles.Commissioner, HttpStatusCode.OK)]
    [InlineData("/reports/agency-co-involvement.csv?agencyKind=HEALTH", DemoRoles.Analyst, HttpStatusCode.OK)]
    [InlineData("/reports/caseloads.csv?asOf=2025-01-31", DemoRoles.Analyst, HttpStatusCode.OK)]
    [InlineData("/reports/caseloads.csv?asOf=2025-01-30", DemoRoles.Analyst, HttpStatusCode.BadRequest)]
    [InlineData("/reports/families-without-contact.csv?days=45", DemoRoles.Commissioner, HttpStatusCode.BadRequest)]
    [InlineData("/reports/families-without-contact.csv?days=30&reasons=NO_RECENT_CONTACT,ONLY_OVERDUE_VISITS", DemoRoles.Commissioner, HttpStatusCode.OK)]
    [InlineData("/reports/families-without-contact.csv", DemoRoles.Analyst, HttpStatusCode.Forbidden)]
    [InlineData("/reports/network-density.csv", DemoRoles.Practitioner, HttpStatusCode.Forbidden)]
    [InlineData("/reports/caseloads.csv", DemoRoles.Admin, HttpStatusCode.Forbidden)]
    [InlineData("/reports/network-density.csv?agencyKind=health", DemoRoles.Analyst, HttpStatusCode.BadRequest)]
    [InlineData("/reports/network-density.csv?asOf=yesterday", DemoRoles.Analyst, HttpStatusCode.BadRequest)]
    [InlineData("/reports/network-density.csv?colour=red", DemoRoles.Analyst, HttpStatusCode.BadRequest)]
    [InlineData("/reports/network-density.csv?area=a&area=b", DemoRoles.Analyst, HttpStatusCode.BadRequest)]
    [InlineData("/reports/families-without-contact.csv?days=-3", DemoRoles.Commissioner, HttpStatusCode.BadRequest)]
    [InlineData("/reports/families-without-contact.csv?asOf=2025-01-01", DemoRoles.Commissioner, HttpStatusCode.BadRequest)]
    public async Task Csv_exports_take_the_same_roles_and_arguments_as_graphql(string path, string role, HttpStatusCode expected)
    {
        using var response = await GetCsvAsync(await TokenAsync(role), path);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(expected == HttpStatusCode.Forbidden ? "FORBIDDEN" : "BAD_USER_INPUT",
                body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            if (expected == HttpStatusCode.Forbidden)
            {
                Assert.Matches(@"^Only [a-z ,]+ can download [a-z ]+\.$", body["errors"]![0]!["message"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task A_csv_export_needs_a_token_and_is_audited()
    {
        using (var anonymous = await GetCsvAsync(null, "/reports/network-density.csv"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var ok = await GetCsvAsync(await TokenAsync(DemoRoles.Commissioner), "/reports/families-without-contact.csv?days=30"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var admin = await TokenAsync(DemoRoles.Admin);
        var trail = (await _app.GraphQLAsync(admin, "{ auditTrail(action: EXPORT_REPORT) { detail } }")).Ok()["auditTrail"]!.AsArray();
        Assert.Contains(trail, e => e!["detail"]!.GetValue<string>() == "families-without-contact.csv days=30");
    }

    [Fact]
    public async Task Every_csv_answer_is_kept_from_caches_and_from_type_sniffing()
    {
        var analyst = await TokenAsync(DemoRoles.Analyst);
        var practitioner = await TokenAsync(DemoRoles.Practitioner);
        (string What, string? Token, string Path, HttpStatusCode Status)[] answers =
        [
            ("a download", analyst, "/reports/network-density.csv", HttpStatusCode.OK),
            ("bad arguments", analyst, "/reports/network-density.csv?colour=red", HttpStatusCode.BadRequest),
            ("no token", null, "/reports/network-density.csv", HttpStatusCode.Unauthorized),
            ("a role without the report", practitioner, "/reports/network-density.csv", HttpStatusCode.Forbidden),
        ];

        foreach (var (what, token, path, status) in answers)
        {
            using var response = await GetCsvAsync(token, path);
            Assert.Equal(status, response.StatusCode);
            response.AssertKeptPrivate(what);
        }
    }

    [Fact]
    public async Task A_cell_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var (account, _) = await PractitionerWithAFamilyAsync();
        var practitioner = await _app.TokenForAsync(account.Email);
        var client = (await _app.GraphQLAsync(practitioner, "mutation { registerClient(input: { givenName: \"Ada\", familyName: \"Formula\", dateOfBirth: \"2015-12-10\", address: \"1 Test Street\", postcode: \"EM1 1AA\", reason: \"Referred by school nurse\" }) { id } }"))
            .Ok()["registerClient"]!["id"]!.GetValue<string>();
        (await _app.GraphQLAsync(practitioner, "mutation($c: ID!) { createFamily(input: { name: \"the Formula household\", area: \"=HYPERLINK(\\\"http://x\\\",\\\"a, b\\\")\", clientId: $c, relationship: \"parent\" }) { id } }",
            new { c = client })).Ok();

        // The families-without-contact list is complete, so a lone family's area (left out of family-networks) shows there.
        using var response = await GetCsvAsync(await TokenAsync(DemoRoles.Commissioner), "/reports/families-without-contact.csv?days=30");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_without_a_pseudonym_key_and_says_what_to_set()
    {
        var (exitCode, output) = await ApiProcess.RunToExitAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "",
            ["Reports__PseudonymKey"] = "too short",
            ["Storage__Sqlite__Path"] = Path.Combine(Path.GetTempPath(), $"patchwork-start-{Guid.NewGuid():N}.db"),
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Set Reports:PseudonymKey", output, StringComparison.Ordinal);
        Assert.Contains("Set Auth:Authority", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 1603", "'+44 1603")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Norwich – Café", "Norwich – Café")]
    [InlineData("Eastmere / North Ward", "Eastmere / North Ward")]
    [InlineData("A-Z, x=1, e-mail@home", "\"A-Z, x=1, e-mail@home\"")]
    // A trigger that begins a cell once another separator splits the text (; in much of Europe, tab when pasted, | or a
    // line break, a quote opening a cell, spaces trimmed) runs there too: an apostrophe goes in front of it.
    [InlineData("a;=1+1", "a;'=1+1")]
    [InlineData("a\t=1+1", "a\t'=1+1")]
    [InlineData("a,=1+1", "\"a,'=1+1\"")]
    [InlineData("a|=1+1", "a|'=1+1")]
    [InlineData("a; @SUM(A1)", "a; '@SUM(A1)")]
    [InlineData("x;-2;+3", "x;'-2;'+3")]
    [InlineData("a;\"=1\"", "\"a;\"\"'=1\"\"\"")]
    [InlineData("\n=1+1", "\"'\n'=1+1\"")]
    // A cell starting with a space or a control character, trimmed or not, is text as a whole.
    [InlineData(" =1+1", "' =1+1")]
    [InlineData("\u00a0=1+1", "'\u00a0=1+1")]
    [InlineData(" plain", "' plain")]
    // Full-width forms, which some spreadsheets read as the ASCII ones.
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("－2", "'－2")]
    [InlineData("＠SUM(A1)", "'＠SUM(A1)")]
    [InlineData("a;＋1", "a;'＋1")]
    [InlineData("a；=1", "a；'=1")]
    [InlineData("a｜＝1", "a｜'＝1")]
    // No locale splits cells on a plain space, so a dash between words stays as it is.
    [InlineData("Eastmere North - East", "Eastmere North - East")]
    public void Csv_cells_are_quoted_as_rfc_4180_says_and_formulas_are_defused(string value, string cell) =>
        Assert.Equal(cell, Csv.Cell(value));

    [Theory]
    [InlineData(-2, "-2")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.125, "0.125")]
    public void Csv_numbers_stay_numbers(double value, string cell) => Assert.Equal(cell, Csv.Cell(value));

    private async Task<HttpResponseMessage> GetCsvAsync(string? token, string path)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    private static string Shown(JsonNode count) =>
        count["suppressed"]!.GetValue<bool>() ? "suppressed" : count["value"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<int> Values(JsonNode node) => node switch
    {
        JsonObject o when o.ContainsKey("suppressed") && o.ContainsKey("value") =>
            o["value"] is { } v ? [v.GetValue<int>()] : [],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Values(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Values(i)),
        _ => [],
    };

    /// <summary>No family's name or id and no member's name appears in a report.</summary>
    private async Task AssertNoNamesAsync(string text)
    {
        var reports = _app.Services.GetRequiredService<INetworkReports>();
        var ids = await reports.GetFamilyIdsAsync(default);
        var families = await _app.Store.Batches.GetFamiliesAsync([.. ids], default);
        var members = await _app.Store.Batches.GetFamilyMembersAsync([.. ids], default);
        foreach (var family in families.Values)
        {
            Assert.DoesNotContain(family.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(family.Name, text, StringComparison.Ordinal);
        }
        foreach (var member in members.SelectMany(g => g.Value))
        {
            Assert.DoesNotContain(member.DisplayName, text, StringComparison.Ordinal);
        }
    }

    private async Task<(DemoAccount Account, string FamilyId)> PractitionerWithAFamilyAsync()
    {
        foreach (var account in Demo.Accounts(_app).Where(a => a.PractitionerId is not null))
        {
            var clients = await _app.Store.Queries.GetMyClientsAsync(account.PractitionerId!, default);
            if (clients.FirstOrDefault(c => c.FamilyId is not null) is { } client)
            {
                var practitioner = (await _app.Store.Batches.GetPractitionersAsync([account.PractitionerId!], default))[account.PractitionerId!];
                var agency = (await _app.Store.Batches.GetAgenciesByIdAsync([practitioner.AgencyId], default))[practitioner.AgencyId];
                if (practitioner.Status == PractitionerStatus.Active && agency.Agreement.IsInForce(DateOnly.FromDateTime(DateTime.UtcNow)))
                {
                    return (account, client.FamilyId!);
                }
            }
        }
        throw new InvalidOperationException("No demo practitioner works with a family.");
    }

    private async Task<int> AuditCountAsync(string action = "REQUEST_FOLLOW_UP")
    {
        var admin = await TokenAsync(DemoRoles.Admin);
        return (await _app.GraphQLAsync(admin, $"{{ auditTrail(action: {action}, first: 500) {{ at }} }}")).Ok()["auditTrail"]!.AsArray().Count;
    }

    public void Dispose() => _app.Dispose();
}
