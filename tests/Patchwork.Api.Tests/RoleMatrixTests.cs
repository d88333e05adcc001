using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>
/// Every role against every root query and mutation. The expected roles are written out here, not read from the
/// code, so removing or widening a rule fails a test; a new root field fails until it is added to the matrix.
/// </summary>
public sealed class RoleMatrixTests(PatchworkAppFixture fixture) : IClassFixture<PatchworkAppFixture>
{
    private const string Nobody = "ffffffffffffffffffffffffffffffff";
    private const string P = DemoRoles.Practitioner;
    private const string Admin = DemoRoles.Admin;
    private const string Analyst = DemoRoles.Analyst;
    private const string Commissioner = DemoRoles.Commissioner;
    private static readonly string[] Everyone = [.. DemoRoles.All];

    /// <summary>Root field → an operation that uses it, and the roles that may.</summary>
    public static readonly Dictionary<string, (string Operation, string[] Allowed)> Matrix = new()
    {
        ["me"] = ("{ me { subject } }", Everyone),
        ["agencies"] = ("{ agencies { name } }", Everyone),
        ["searchClients"] = ("{ searchClients(query: \"okafor\") { id } }", [P]),
        ["client"] = ($"{{ client(id: \"{Nobody}\") {{ id }} }}", [P]),
        ["myClients"] = ("{ myClients { id } }", [P]),
        ["family"] = ($"{{ family(id: \"{Nobody}\") {{ id }} }}", [P]),
        ["auditTrail"] = ("{ auditTrail(first: 5) { action } }", [Admin]),
        ["breakGlassReviews"] = ("{ breakGlassReviews(status: OPEN, first: 5) { entries { requestId } } }", [Admin]),
        ["registerClient"] = ("mutation { registerClient(input: { givenName: \"Role\", familyName: \"Matrix\", dateOfBirth: \"2010-01-01\", address: \"1 Road\", postcode: \"EM1 1AA\", reason: \"Role matrix\" }) { id } }", [P]),
        ["createFamily"] = ($"mutation {{ createFamily(input: {{ name: \"the Matrix household\", area: \"Eastmere\", clientId: \"{Nobody}\", relationship: \"parent\" }}) {{ id }} }}", [P]),
        ["addFamilyMember"] = ($"mutation {{ addFamilyMember(familyId: \"{Nobody}\", clientId: \"{Nobody}\", relationship: \"child\") {{ id }} }}", [P]),
        ["joinTeam"] = ($"mutation {{ joinTeam(clientId: \"{Nobody}\", reason: \"Role matrix\") {{ id }} }}", [P]),
        ["breakGlass"] = ($"mutation {{ breakGlass(clientId: \"{Nobody}\", reason: \"Role matrix check of who may break glass\", category: OTHER_EMERGENCY) {{ id }} }}", [P]),
        ["leaveTeam"] = ($"mutation {{ leaveTeam(clientId: \"{Nobody}\") {{ endedOn }} }}", [P]),
        ["scheduleVisit"] = ($"mutation {{ scheduleVisit(input: {{ clientId: \"{Nobody}\", scheduledFor: \"{DateTimeOffset.UtcNow.AddDays(1):O}\", mode: PHONE }}) {{ id }} }}", [P]),
        ["recordContact"] = ($"mutation {{ recordContact(input: {{ clientId: \"{Nobody}\", completedAt: \"{DateTimeOffset.UtcNow.AddHours(-1):O}\", mode: PHONE }}) {{ id }} }}", [P]),
        ["cancelVisit"] = ($"mutation {{ cancelVisit(visitId: \"{Nobody}\") {{ id }} }}", [P]),
        ["updateMyContactDetails"] = ("mutation { updateMyContactDetails(input: { email: \"matrix@example.org\", preferredContact: EMAIL }) { email } }", [P]),
        ["onboardAgency"] = ("mutation { onboardAgency(input: { name: \"Matrix Agency\", kind: VOLUNTARY, dutyPhone: \"01632 960999\", dutyEmail: \"duty@matrix.example\", agreement: { status: DRAFT } }) { id } }", [Admin]),
        ["setAgreement"] = ($"mutation {{ setAgreement(agencyId: \"{Nobody}\", agreement: {{ status: SUSPENDED }}) {{ id }} }}", [Admin]),
        ["addPractitioner"] = ($"mutation {{ addPractitioner(input: {{ agencyId: \"{Nobody}\", name: \"Role Matrix\", role: \"Tester\", email: \"rm@example.org\", preferredContact: EMAIL, subject: \"role-matrix\" }}) {{ id }} }}", [Admin]),
        ["networkDensity"] = ("{ networkDensity { overall { families { value } } } }", [Analyst, Commissioner]),
        ["familyNetworks"] = ("{ familyNetworks { area } }", [Analyst, Commissioner]),
        ["agencyCoInvolvement"] = ("{ agencyCoInvolvement { families { value } } }", [Analyst, Commissioner]),
        ["caseloads"] = ("{ caseloads { families { value } } }", [Analyst, Commissioner]),
        ["familiesWithoutContact"] = ("{ familiesWithoutContact(first: 5) { rows { reference } } }", [Commissioner]),
        ["dutyFollowUpRequests"] = ("{ dutyFollowUpRequests { familyId } }", [P]),
        ["requestFollowUp"] = ("mutation { requestFollowUp(reference: \"F-0000000000\", reason: \"Role matrix\") { reference } }", [Commissioner]),
        ["reviewBreakGlass"] = ($"mutation {{ reviewBreakGlass(clientId: \"{Nobody}\", requestId: \"role-matrix\", status: CLOSED, outcome: \"Role matrix check of who may review\") {{ status }} }}", [Admin]),
        ["recordPractitionerLeft"] = ($"mutation {{ recordPractitionerLeft(practitionerId: \"{Nobody}\") {{ id }} }}", [Admin]),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var field in Matrix.Keys)
        {
            foreach (var role in DemoRoles.All)
            {
                cases.Add(field, role);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_use_exactly_the_fields_meant_for_it(string field, string role)
    {
        var (operation, allowed) = Matrix[field];
        var token = await fixture.App.TokenForAsync(Demo.EmailFor(fixture.App, role));
        var response = await fixture.App.GraphQLAsync(token, operation);
        Assert.Equal(200, response.Status);
        if (allowed.Contains(role))
        {
            Assert.DoesNotContain("FORBIDDEN", response.Codes);
        }
        else
        {
            response.FailsWith("FORBIDDEN");
            Assert.Null(response.Data?[field]);
            // People read refusals in the app: who may do what, in plain words, never a field's name.
            Assert.Matches(@"^Only [a-z ,]+ can [a-z' -]+\.$", response.Errors[0]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_matrix_covers_every_root_field()
    {
        var schema = fixture.App.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var rootFields = schema.Query.Fields.Concat(schema.Mutation!.Fields).Select(f => f.Name).Order();
        Assert.Equal(rootFields, Matrix.Keys.Order());
    }
}
