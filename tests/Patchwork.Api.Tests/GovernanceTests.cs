using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>Agreements, leavers, break-glass, team changes and the audit trail, through the API.</summary>
public sealed class GovernanceTests : IDisposable
{
    private readonly PatchworkApp _app = new();

    private Task<string> AdminToken() => _app.TokenForAsync(Demo.EmailFor(_app, DemoRoles.Admin));

    private Task<string> HannahToken() => _app.TokenForAsync(Demo.Tour.PractitionerEmail);

    [Fact]
    public async Task Suspending_an_agency_agreement_stops_its_practitioners_until_it_is_active_again()
    {
        var admin = await AdminToken();
        var hannah = await HannahToken();
        var agencyId = (await _app.GraphQLAsync(hannah, "{ me { practitioner { agency { id } } } }")).Ok()["me"]!["practitioner"]!["agency"]!["id"]!.GetValue<string>();

        (await _app.GraphQLAsync(admin, "mutation($a: ID!) { setAgreement(agencyId: $a, agreement: { status: SUSPENDED, signedOn: \"2025-01-01\" }) { agreement { status } } }", new { a = agencyId })).Ok();
        (await _app.GraphQLAsync(hannah, "{ searchClients(query: \"okafor\") { id } }")).FailsWith("FORBIDDEN");
        Assert.Equal("NO_AGREEMENT", (await _app.GraphQLAsync(hannah, "{ me { standing } }")).Ok()["me"]!["standing"]!.GetValue<string>());

        (await _app.GraphQLAsync(admin, "mutation($a: ID!) { setAgreement(agencyId: $a, agreement: { status: ACTIVE, signedOn: \"2025-01-01\" }) { id } }", new { a = agencyId })).Ok();
        (await _app.GraphQLAsync(hannah, "{ searchClients(query: \"okafor\") { id } }")).Ok();

        var invalid = await _app.GraphQLAsync(admin, "mutation($a: ID!) { setAgreement(agencyId: $a, agreement: { status: ACTIVE }) { id } }", new { a = agencyId });
        invalid.FailsWith("BAD_USER_INPUT");
        (await _app.GraphQLAsync(admin, "mutation($a: ID!) { setAgreement(agencyId: $a, agreement: { status: ACTIVE, signedOn: \"2025-01-01\", expiresOn: \"2999-01-01\" }) { id } }", new { a = agencyId }))
            .FailsWith("BAD_USER_INPUT");
        (await _app.GraphQLAsync(admin, "mutation($a: ID!) { setAgreement(agencyId: $a, agreement: { status: ACTIVE, signedOn: \"1901-01-01\" }) { id } }", new { a = agencyId }))
            .FailsWith("BAD_USER_INPUT");
    }

    [Fact]
    public async Task An_onboarded_practitioner_can_sign_in_and_a_leaver_is_shown_as_left_to_every_team()
    {
        var admin = await AdminToken();
        var agency = (await _app.GraphQLAsync(admin, """
            mutation { onboardAgency(input: { name: "Eastmere Young Carers", kind: VOLUNTARY, dutyPhone: "01632 960900",
              dutyEmail: "duty@youngcarers.example", agreement: { status: ACTIVE, signedOn: "2026-01-15", expiresOn: "2028-01-14" } }) { id } }
            """)).Ok()["onboardAgency"]!["id"]!.GetValue<string>();
        var practitioner = (await _app.GraphQLAsync(admin, """
            mutation($a: ID!) { addPractitioner(input: { agencyId: $a, name: "Robin Ash", role: "Young carers worker",
              mobile: "07700 900777", preferredContact: MOBILE, subject: "robin-ash" }) { id status } }
            """, new { a = agency })).Ok()["addPractitioner"]!;
        Assert.Equal("ACTIVE", practitioner["status"]!.GetValue<string>());
        (await _app.GraphQLAsync(admin, """
            mutation($a: ID!) { addPractitioner(input: { agencyId: $a, name: "Robin Again", role: "Worker",
              email: "r@example.org", preferredContact: EMAIL, subject: "robin-ash" }) { id } }
            """, new { a = agency })).FailsWith("CONFLICT");

        // A team the leaver is in sees them go, with the reason.
        var hannah = await HannahToken();
        var clientId = await Demo.FindTourClientAsync(_app, hannah);
        await _app.GraphQLAsync(hannah, "mutation($c: ID!) { joinTeam(clientId: $c, reason: \"Allocated\") { id } }", new { c = clientId });
        var tom = await Demo.PractitionerWhereAsync(_app, a => a.Kind == AgencyKind.Fire);
        (await _app.GraphQLAsync(admin, "mutation($p: ID!) { recordPractitionerLeft(practitionerId: $p) { status } }", new { p = tom.PractitionerId })).Ok();

        var family = (await _app.GraphQLAsync(hannah, "query($c: ID!) { client(id: $c) { family { team { practitioner { id } } teamChanges { kind reason practitioner { id } } } } }",
            new { c = clientId })).Ok()["client"]!["family"]!;
        Assert.DoesNotContain(family["team"]!.AsArray(), m => m!["practitioner"]?["id"]?.GetValue<string>() == tom.PractitionerId);
        Assert.Contains(family["teamChanges"]!.AsArray(), c => c!["kind"]!.GetValue<string>() == "LEFT"
            && c["practitioner"]?["id"]?.GetValue<string>() == tom.PractitionerId);

        var tomToken = await _app.TokenForAsync(tom.Email);
        Assert.Equal("LEFT", (await _app.GraphQLAsync(tomToken, "{ me { standing } }")).Ok()["me"]!["standing"]!.GetValue<string>());
        (await _app.GraphQLAsync(tomToken, "{ myClients { id } }")).FailsWith("FORBIDDEN");
    }

    [Fact]
    public async Task Onboarding_refuses_an_email_a_mail_link_would_read_as_more_than_one_plain_address()
    {
        var admin = await AdminToken();
        var agencies = await _app.Store.Directory.GetAgenciesAsync(default);

        var agency = await _app.GraphQLAsync(admin, """
            mutation { onboardAgency(input: { name: "Eastmere Young Carers", kind: VOLUNTARY, dutyPhone: "01632 960900",
              dutyEmail: "duty@youngcarers.example?cc=evil%40x.example",
              agreement: { status: ACTIVE, signedOn: "2026-01-15", expiresOn: "2028-01-14" } }) { id } }
            """);
        agency.FailsWith("BAD_USER_INPUT");
        Assert.StartsWith("dutyEmail ", agency.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var practitioner = await _app.GraphQLAsync(admin, """
            mutation($a: ID!) { addPractitioner(input: { agencyId: $a, name: "Robin Ash", role: "Young carers worker",
              email: "robin@youngcarers.example&bcc=evil%40x.example", preferredContact: EMAIL, subject: "robin-ash" }) { id } }
            """, new { a = agencies[0].Id });
        practitioner.FailsWith("BAD_USER_INPUT");
        Assert.StartsWith("email ", practitioner.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(agencies, await _app.Store.Directory.GetAgenciesAsync(default));
        Assert.Null(await _app.Store.Directory.FindAccountAsync("robin-ash", default));
    }

    [Fact]
    public async Task The_team_is_told_who_joined_and_why()
    {
        var hannah = await HannahToken();
        var clientId = await Demo.FindTourClientAsync(_app, hannah);
        await _app.GraphQLAsync(hannah, "mutation($c: ID!) { joinTeam(clientId: $c, reason: \"Referral from school nurse\") { id } }", new { c = clientId });

        // A colleague already in the family's team (the health visitor, in the demo) is told.
        var familyId = (await _app.Store.Batches.GetClientsAsync([clientId], default))[clientId].FamilyId!;
        var team = (await _app.Store.Batches.GetFamilyTeamsAsync([familyId], default))[familyId];
        var colleague = Demo.Accounts(_app).First(a => a.Email != Demo.Tour.PractitionerEmail
            && team.Any(m => !m.Restricted && m.Practitioner.Id == a.PractitionerId));
        var token = await _app.TokenForAsync(colleague.Email);
        var changes = (await _app.GraphQLAsync(token, "query($f: ID!) { family(id: $f) { teamChanges(days: 7) { kind reason practitioner { name } } } }",
            new { f = familyId })).Ok()["family"]!["teamChanges"]!.AsArray();
        Assert.Contains(changes, c => c!["kind"]!.GetValue<string>() == "JOINED"
            && c["reason"]!.GetValue<string>() == "Referral from school nurse"
            && c["practitioner"]!["name"]!.GetValue<string>() == Demo.Tour.PractitionerName);
    }

    [Fact]
    public async Task A_restricted_join_is_in_no_one_elses_team_changes_and_in_full_in_its_practitioners()
    {
        // A household of the test's own: Hannah supports mother and son; a women's aid worker joins the son's team.
        var household = new Household(_app);
        var hannah = await HannahToken();
        var aid = await _app.TokenForAsync(Household.WomensAidEmail);
        var aidWorker = await household.MeAsync(aid);
        var mother = await household.RegisterAsync(hannah, "Ada");
        var son = await household.RegisterAsync(hannah, "Ben");
        var family = await household.CreateFamilyAsync(hannah, mother, "mother");
        await household.AddMemberAsync(hannah, family, son, "son");
        await household.JoinAsync(aid, son, "Independent domestic violence advocacy");
        const string changes = "query($c: ID!) { client(id: $c) { family { teamChanges(days: 90) { kind restricted reason practitioner { id } agency { id } client { id } } } } }";

        var seen = (await _app.GraphQLAsync(hannah, changes, new { c = son })).Ok()["client"]!["family"]!["teamChanges"]!.AsArray();
        Assert.Equal(2, seen.Count(c => c!["kind"]!.GetValue<string>() == "JOINED")); // Hannah's own joins, on registering each
        Assert.DoesNotContain(seen, c => c!["restricted"]!.GetValue<bool>());
        Assert.DoesNotContain(seen, c => c!["agency"]!["id"]!.GetValue<string>() == aidWorker.AgencyId);

        var own = (await _app.GraphQLAsync(aid, changes, new { c = son })).Ok()["client"]!["family"]!["teamChanges"]!.AsArray();
        var join = Assert.Single(own, c => c!["restricted"]!.GetValue<bool>())!;
        Assert.Equal((aidWorker.Id, "Independent domestic violence advocacy", son),
            (join["practitioner"]!["id"]!.GetValue<string>(), join["reason"]!.GetValue<string>(), join["client"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Break_glass_shows_the_team_once_and_is_flagged_for_review()
    {
        var hannah = await HannahToken();
        var clientId = await Demo.FindTourClientAsync(_app, hannah);
        await _app.GraphQLAsync(hannah, "mutation($c: ID!) { breakGlass(clientId: $c, reason: \"\", category: CHILD_AT_RISK) { id } }", new { c = clientId });
        var opened = (await _app.GraphQLAsync(hannah,
            "mutation($c: ID!) { breakGlass(clientId: $c, reason: \"Child found alone at home, police on scene\", category: CHILD_AT_RISK) { team { agency { name } } } }",
            new { c = clientId })).Ok();
        Assert.NotEmpty(opened["breakGlass"]!["team"]!.AsArray());
        (await _app.GraphQLAsync(hannah, "query($c: ID!) { client(id: $c) { team { since } } }", new { c = clientId })).FailsWith("FORBIDDEN");

        var reviews = (await _app.GraphQLAsync(await AdminToken(), "{ auditTrail(action: BREAK_GLASS) { reason clientId practitioner { name } } }"))
            .Ok()["auditTrail"]!.AsArray();
        var review = Assert.Single(reviews);
        Assert.Equal("Child found alone at home, police on scene", review!["reason"]!.GetValue<string>());
        Assert.Equal(clientId, review["clientId"]!.GetValue<string>());
        Assert.Equal(Demo.Tour.PractitionerName, review["practitioner"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_audit_trail_answers_who_has_looked_at_a_family()
    {
        var hannah = await HannahToken();
        var clientId = await Demo.FindTourClientAsync(_app, hannah);
        var familyId = (await _app.Store.Batches.GetClientsAsync([clientId], default))[clientId].FamilyId!;
        await _app.GraphQLAsync(hannah, "query($c: ID!) { client(id: $c) { team { since } } }", new { c = clientId }); // denied
        await _app.GraphQLAsync(hannah, "mutation($c: ID!) { joinTeam(clientId: $c, reason: \"Allocated\") { id } }", new { c = clientId });
        await _app.GraphQLAsync(hannah, "query($f: ID!) { family(id: $f) { team { since } } }", new { f = familyId });

        var trail = (await _app.GraphQLAsync(await AdminToken(), "query($f: ID!) { auditTrail(familyId: $f) { action practitioner { name } requestId } }",
            new { f = familyId })).Ok()["auditTrail"]!.AsArray();
        var actions = trail.Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("DENIED", actions);
        Assert.Contains("JOIN_TEAM", actions);
        Assert.Contains("VIEW_FAMILY", actions);
        Assert.All(trail, e => Assert.NotEmpty(e!["requestId"]!.GetValue<string>()));
        (await _app.GraphQLAsync(hannah, "query($f: ID!) { auditTrail(familyId: $f) { action } }", new { f = familyId })).FailsWith("FORBIDDEN");
    }

    public void Dispose() => _app.Dispose();
}
