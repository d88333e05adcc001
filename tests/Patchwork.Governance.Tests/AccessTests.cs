using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Network;
using static Patchwork.Governance.Tests.People;

namespace Patchwork.Governance.Tests;

/// <summary>
/// The one place access is decided, on a schema of its own: each root field's roles and reach, what a refusal and an
/// audited read put on the trail, and that the reach check's read is the one a query's resolvers then use.
/// </summary>
public sealed class AccessTests
{
    private readonly Network _network = new();
    private readonly Trail _trail = new();
    private readonly Schema _schema;

    public AccessTests()
    {
        _network.Clients["c1"] = Client("c1");
        _network.Clients["c2"] = Client("c2");
        _network.Families["f1"] = new Family("f1", "the Quill household", "North");
        _network.Families["f2"] = new Family("f2", "the Marsh household", "South");
        _network.InReach.Add(("p1", "c1"));
        _network.InReach.Add(("p1", "f1"));
        _schema = Schema(_network);
    }

    private static Schema Schema(Network network)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("open").AllowAnyoneSignedIn().Resolve(_ => "open");
        query.Field<StringGraphType>("undeclared").Resolve(_ => "leaked");
        query.Field<StringGraphType>("admins").AllowRoles("see the admins' page", Role.Admin).Resolve(_ => "admins");
        query.Field<StringGraphType>("figures").AllowRoles("see the figures", Role.Analyst, Role.Commissioner).Resolve(_ => "figures");
        query.Field<StringGraphType>("mine").AllowPractitioners("see this").Resolve(_ => "mine");
        query.Field<StringGraphType>("shared").AllowRoles("see what is shared", Role.Practitioner, Role.Admin).Resolve(_ => "shared");
        query.Field<StringGraphType>("client")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowPractitioners("see this")
            .RequireReach(ctx => [Reach.Client(ctx.GetArgument<string>("id"))])
            .Audited((ctx, result) => new AuditedRead(AuditAction.ViewClient, ClientId: ctx.GetArgument<string>("id"), Detail: $"saw {result}"))
            .ResolveAsync(async ctx => (await ctx.Loaders().Clients.Load(ctx.GetArgument<string>("id")).GetResultAsync())?.Id);
        query.Field<StringGraphType>("family")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowPractitioners("see this")
            .RequireReach(ctx => [Reach.Family(ctx.GetArgument<string>("id"))])
            .Audited((ctx, _) => new AuditedRead(AuditAction.ViewFamily, FamilyId: ctx.GetArgument<string>("id")))
            .ResolveAsync(async ctx => (await ctx.Loaders().Families.Load(ctx.GetArgument<string>("id")).GetResultAsync())?.Name);
        query.Field<StringGraphType>("both")
            .Argument<NonNullGraphType<IdGraphType>>("a").Argument<NonNullGraphType<IdGraphType>>("b")
            .AllowPractitioners("see this")
            .RequireReach(ctx => [Reach.Client(ctx.GetArgument<string>("a")), Reach.Client(ctx.GetArgument<string>("b"))])
            .Resolve(_ => "both");
        query.Field<StringGraphType>("teamForAnyone")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowAnyoneSignedIn()
            .RequireReach(ctx => [Reach.Client(ctx.GetArgument<string>("id"))])
            .Resolve(_ => "team");
        query.Field<StringGraphType>("conflict").AllowAnyoneSignedIn().Resolve(_ => throw PatchworkException.Conflict("Already done."));
        query.Field<StringGraphType>("slowDown").AllowAnyoneSignedIn().Resolve(_ => throw PatchworkException.RateLimited("Slow down."));

        var child = new ObjectGraphType { Name = "Child" };
        child.Field<StringGraphType>("plain").Resolve(_ => "plain");
        child.Field<StringGraphType>("personal")
            .Audited((_, result) => new AuditedRead(AuditAction.ViewClient, ClientId: "c1", Detail: $"personal {result}"))
            .Resolve(_ => "details");
        query.Field("child", child).AllowAnyoneSignedIn().Resolve(_ => new object());

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<StringGraphType>("act")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowPractitioners("see this")
            .RequireReach(ctx => [Reach.Client(ctx.GetArgument<string>("id"))])
            .ResolveAsync(async ctx => (await ctx.Loaders().Clients.Load(ctx.GetArgument<string>("id")).GetResultAsync())?.Id);

        mutation.Field<StringGraphType>("actOnFamily")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowPractitioners("see this")
            .RequireReach(ctx => [Reach.Family(ctx.GetArgument<string>("id"))])
            .ResolveAsync(async ctx => (await ctx.Loaders().Families.Load(ctx.GetArgument<string>("id")).GetResultAsync())?.Id);

        var schema = new Schema { Query = query, Mutation = mutation };
        schema.FieldMiddleware.Use(new AccessMiddleware(network));
        return schema;
    }

    private sealed record Answer(ExecutionResult Result, IReadOnlyList<AuditEntry> Audit)
    {
        public object? Data(string field) =>
            Result.Data is GraphQL.Execution.ExecutionNode root ? root.ToValue() is Dictionary<string, object?> d ? d.GetValueOrDefault(field) : null : null;

        public PatchworkException Refusal => Assert.IsType<PatchworkException>(Assert.Single(Result.Errors!).InnerException);
    }

    private async Task<Answer> AskAsync(Viewer viewer, string document)
    {
        var audit = new AuditLog(_trail, TimeProvider.System);
        var loaders = new NetworkLoaders(_network, _network, _trail, viewer.ActivePractitioner?.Id,
            reading: !document.TrimStart().StartsWith("mutation", StringComparison.Ordinal), Monday);
        var request = new RequestContext(viewer, audit, loaders, null!);
        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = document;
            o.UserContext = request;
        });
        await audit.FlushAsync(default);
        return new Answer(result, [.. _trail.Appends.SelectMany(a => a)]);
    }

    private static void Refused(Answer answer, ErrorCode code, string message)
    {
        Assert.Equal((code, message), (answer.Refusal.Code, answer.Refusal.Message));
    }

    private static readonly Viewer Practitioner1 = PractitionerViewer("p1");

    [Fact]
    public async Task A_root_field_that_declares_nobody_is_open_to_nobody_and_the_refusal_is_on_record()
    {
        var answer = await AskAsync(WithRoles(Role.Admin, Role.Analyst, Role.Commissioner, Role.Practitioner), "{ undeclared }");

        Refused(answer, ErrorCode.Forbidden, "Nobody can use this part of Patchwork.");
        Assert.Null(answer.Data("undeclared"));
        var denied = Assert.Single(answer.Audit);
        Assert.Equal((AuditAction.Denied, null, null, "undeclared: Nobody can use this part of Patchwork."), (denied.Action, denied.ClientId, denied.FamilyId, denied.Detail));
    }

    [Fact]
    public async Task A_field_open_to_anyone_signed_in_needs_no_role_and_a_child_field_no_declaration()
    {
        var answer = await AskAsync(WithRoles(), "{ open child { plain } }");

        Assert.Null(answer.Result.Errors);
        Assert.Equal("open", answer.Data("open"));
        Assert.Empty(answer.Audit);
    }

    [Theory]
    [InlineData("admins", "Only administrators can see the admins' page.", Role.Analyst)]
    [InlineData("figures", "Only analysts and commissioners can see the figures.", Role.Admin)]
    [InlineData("mine", "Only practitioners can see this.", Role.Commissioner)]
    public async Task A_field_is_refused_to_a_role_it_does_not_name(string field, string message, Role role)
    {
        var answer = await AskAsync(WithRoles(role), $"{{ {field} }}");

        Refused(answer, ErrorCode.Forbidden, message);
        Assert.Equal($"{field}: {message}", Assert.Single(answer.Audit).Detail);
    }

    [Theory]
    [InlineData("admins", Role.Admin)]
    [InlineData("figures", Role.Analyst)]
    [InlineData("figures", Role.Commissioner)]
    [InlineData("shared", Role.Admin)]
    public async Task A_field_is_open_to_each_role_it_names(string field, Role role)
    {
        var answer = await AskAsync(WithRoles(role), $"{{ {field} }}");

        Assert.Null(answer.Result.Errors);
        Assert.Equal(field, answer.Data(field));
    }

    [Fact]
    public async Task A_practitioners_field_needs_an_active_practitioner_and_says_why_one_is_not()
    {
        Refused(await AskAsync(PractitionerViewer("p1", Standing.NoAgreement), "{ mine }"), ErrorCode.Forbidden,
            "Your agency has no data-sharing agreement in force, so Patchwork cannot be used. Contact your information governance lead.");
        _trail.Appends.Clear();
        Refused(await AskAsync(PractitionerViewer("p1", Standing.Active) with { Practitioner = null }, "{ mine }"), ErrorCode.Forbidden,
            "This needs an active practitioner.");
        Assert.Equal("mine", (await AskAsync(Practitioner1, "{ mine }")).Data("mine"));
        Assert.Equal("shared", (await AskAsync(PractitionerViewer("p1", Standing.Left), "{ shared }")).Data("shared"));
    }

    [Fact]
    public async Task A_client_in_reach_is_read_once_by_the_check_and_its_read_is_audited()
    {
        var answer = await AskAsync(Practitioner1, "{ client(id: \"c1\") }");

        Assert.Null(answer.Result.Errors);
        Assert.Equal("c1", answer.Data("client"));
        Assert.Equal(["ClientsInReach p1 c1"], _network.Reads);
        var view = Assert.Single(answer.Audit);
        Assert.Equal((AuditAction.ViewClient, "c1", "saw c1", "sub-p1", "p1"), (view.Action, view.ClientId, view.Detail, view.Subject, view.PractitionerId));
    }

    [Fact]
    public async Task A_family_in_reach_is_read_once_by_the_check()
    {
        var answer = await AskAsync(Practitioner1, "{ family(id: \"f1\") }");

        Assert.Equal("the Quill household", answer.Data("family"));
        Assert.Equal(["FamiliesInReach p1 f1"], _network.Reads);
        Assert.Equal((AuditAction.ViewFamily, "f1"), (Assert.Single(answer.Audit).Action, answer.Audit[0].FamilyId));
    }

    [Fact]
    public async Task A_client_out_of_reach_is_forbidden_on_record_with_the_client_it_was_about()
    {
        const string message = "You are not in the team around this client. Join their team, with a reason, to see it.";
        var answer = await AskAsync(Practitioner1, "{ client(id: \"c2\") }");

        Refused(answer, ErrorCode.Forbidden, message);
        Assert.Equal(["ClientsInReach p1 c2", "Clients c2"], _network.Reads);
        var denied = Assert.Single(answer.Audit);
        Assert.Equal((AuditAction.Denied, "c2", null, $"client: {message}"), (denied.Action, denied.ClientId, denied.FamilyId, denied.Detail));
    }

    [Fact]
    public async Task A_family_out_of_reach_is_forbidden_on_record_with_the_family_it_was_about()
    {
        const string message = "You are not in the team around this family. Join a member's team, with a reason, to see it.";
        var answer = await AskAsync(Practitioner1, "{ family(id: \"f2\") }");

        Refused(answer, ErrorCode.Forbidden, message);
        Assert.Equal(["FamiliesInReach p1 f2", "Families f2"], _network.Reads);
        var denied = Assert.Single(answer.Audit);
        Assert.Equal((AuditAction.Denied, null, "f2", $"family: {message}"), (denied.Action, denied.ClientId, denied.FamilyId, denied.Detail));
    }

    [Fact]
    public async Task An_id_nobody_has_is_not_found_rather_than_forbidden_and_on_record_too()
    {
        var client = await AskAsync(Practitioner1, "{ client(id: \"nobody\") }");
        Refused(client, ErrorCode.NotFound, "No client has the id 'nobody'.");
        Assert.Equal("client: No client has the id 'nobody'.", Assert.Single(client.Audit).Detail);

        _trail.Appends.Clear();
        Refused(await AskAsync(Practitioner1, "{ family(id: \"nowhere\") }"), ErrorCode.NotFound, "No family has the id 'nowhere'.");
    }

    [Fact]
    public async Task Every_client_a_field_opens_must_be_in_reach()
    {
        Refused(await AskAsync(Practitioner1, "{ both(a: \"c1\", b: \"c2\") }"), ErrorCode.Forbidden,
            "You are not in the team around this client. Join their team, with a reason, to see it.");
        Assert.Equal("both", (await AskAsync(PractitionerViewer("p1"), "{ both(a: \"c1\", b: \"c1\") }")).Data("both"));
    }

    [Fact]
    public async Task Only_an_active_practitioner_reaches_a_team_whatever_the_field_lets_in()
    {
        Refused(await AskAsync(WithRoles(Role.Admin), "{ teamForAnyone(id: \"c1\") }"), ErrorCode.Forbidden, "Only an active practitioner can see a team.");
        Refused(await AskAsync(PractitionerViewer("p1", Standing.Left), "{ teamForAnyone(id: \"c1\") }"), ErrorCode.Forbidden,
            "Only an active practitioner can see a team.");
        Assert.Empty(_network.Reads);
        Assert.Equal("team", (await AskAsync(Practitioner1, "{ teamForAnyone(id: \"c1\") }")).Data("teamForAnyone"));
    }

    [Fact]
    public async Task A_mutation_checks_reach_but_reads_the_record_again_for_the_change()
    {
        var answer = await AskAsync(Practitioner1, "mutation { act(id: \"c1\") }");

        Assert.Equal("c1", answer.Data("act"));
        Assert.Equal(["ClientsInReach p1 c1", "Clients c1"], _network.Reads);
        _network.Reads.Clear();
        Assert.Equal("f1", (await AskAsync(Practitioner1, "mutation { actOnFamily(id: \"f1\") }")).Data("actOnFamily"));
        Assert.Equal(["FamiliesInReach p1 f1", "Families f1"], _network.Reads);
    }

    [Fact]
    public async Task The_role_is_checked_before_any_reach_is_read()
    {
        var answer = await AskAsync(WithRoles(Role.Analyst), "{ client(id: \"c1\") }");

        Refused(answer, ErrorCode.Forbidden, "Only practitioners can see this.");
        Assert.Empty(_network.Reads);
    }

    [Fact]
    public async Task Any_refusal_a_resolver_raises_is_on_record_but_a_rate_limit_is_left_to_its_own_entry()
    {
        var conflict = await AskAsync(Practitioner1, "{ conflict }");
        Refused(conflict, ErrorCode.Conflict, "Already done.");
        Assert.Equal((AuditAction.Denied, "conflict: Already done."), (Assert.Single(conflict.Audit).Action, conflict.Audit[0].Detail));

        _trail.Appends.Clear();
        var slow = await AskAsync(Practitioner1, "{ slowDown }");
        Refused(slow, ErrorCode.RateLimited, "Slow down.");
        Assert.Empty(slow.Audit);
    }

    [Fact]
    public async Task A_field_below_the_root_that_is_audited_is_on_the_trail_when_it_resolves()
    {
        var answer = await AskAsync(WithRoles(), "{ child { plain personal } }");

        Assert.Null(answer.Result.Errors);
        var read = Assert.Single(answer.Audit);
        Assert.Equal((AuditAction.ViewClient, "c1", "personal details", "sub-other", "req-other"), (read.Action, read.ClientId, read.Detail, read.Subject, read.RequestId));
    }

    [Fact]
    public async Task Introspection_is_not_a_root_field_to_declare()
    {
        var answer = await AskAsync(WithRoles(), "{ __type(name: \"Query\") { name } __typename }");

        Assert.Null(answer.Result.Errors);
        Assert.Empty(answer.Audit);
    }

    [Fact]
    public void A_reach_names_a_client_or_a_family()
    {
        Assert.Equal(new Reach(false, "c1"), Reach.Client("c1"));
        Assert.Equal(new Reach(true, "f1"), Reach.Family("f1"));
    }
}
