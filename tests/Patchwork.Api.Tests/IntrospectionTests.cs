using System.Text.Json.Nodes;
using Patchwork.Api.Tests.GraphQLClients;

namespace Patchwork.Api.Tests;

/// <summary>
/// Where introspection is on, the tools that load a schema (GraphiQL, Apollo Sandbox, Postman, Insomnia, codegen,
/// graphql-inspector) can: they send graphql-js's standard introspection query and build a client schema from the
/// answer. Where it is off, that query is refused like any other introspection.
/// </summary>
public sealed class IntrospectionTests(PatchworkAppFixture fixture) : IClassFixture<PatchworkAppFixture>
{
    /// <summary>getIntrospectionQuery() with every option a current server answers, printed by the graphql package itself.</summary>
    private static readonly Lazy<Task<string>> StandardQuery = new(() => ClientScripts.RunAsync("introspection-query.mjs"));

    private static readonly string Contract = Path.Combine(ApiProcess.RepositoryRoot, "schema", "patchwork.graphql");

    private Task<string> PractitionerToken() => fixture.App.TokenForAsync(Demo.Tour.PractitionerEmail);

    [Fact]
    public async Task In_development_graphql_js_s_standard_introspection_query_builds_the_schema_the_contract_prints()
    {
        var answer = await fixture.App.GraphQLAsync(await PractitionerToken(), await StandardQuery.Value);

        answer.Ok();
        var schemas = JsonNode.Parse(await ClientScripts.RunAsync("client-schema.mjs", input: answer.Body.ToJsonString(), arguments: Contract))!;
        Assert.Equal(schemas["contract"]!.GetValue<string>(), schemas["client"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_standard_query_is_answered_again_from_a_remembered_document()
    {
        var token = await PractitionerToken();
        var query = await StandardQuery.Value;

        (await fixture.App.GraphQLAsync(token, query)).Ok();
        (await fixture.App.GraphQLAsync(token, query)).Ok();
    }

    [Fact]
    public async Task Introspection_beside_a_question_about_families_is_held_to_the_usual_limits()
    {
        var mixed = (await StandardQuery.Value).Replace("__schema {", "me { subject } __schema {", StringComparison.Ordinal);

        var answer = await fixture.App.GraphQLAsync(await PractitionerToken(), mixed);

        answer.FailsWith("BAD_USER_INPUT", 400);
        Assert.Contains("too nested", answer.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_introspection_nesting_the_schema_s_lists_three_deep_is_refused_as_graphql_js_refuses_it()
    {
        const string Nested = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }";

        (await fixture.App.GraphQLAsync(await PractitionerToken(), Nested)).FailsWith("BAD_USER_INPUT", 400);
    }

    [Fact]
    public async Task Where_introspection_is_off_the_standard_query_is_refused()
    {
        using var app = new PatchworkApp("Development", new() { ["GraphQL:Introspection"] = "false" });

        var answer = await app.GraphQLAsync(await app.TokenForAsync(Demo.Tour.PractitionerEmail), await StandardQuery.Value);

        answer.FailsWith("BAD_USER_INPUT", 400);
        Assert.Null(answer.Data);
        Assert.Contains(answer.Errors, e => e!["message"]!.GetValue<string>().Contains("introspection", StringComparison.OrdinalIgnoreCase));
    }
}
