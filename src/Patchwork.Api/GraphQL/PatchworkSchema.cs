using GraphQL.Introspection;
using GraphQL.Types;
using Patchwork.Api.GraphQL.Administration;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Api.GraphQL.Families;
using Patchwork.Api.GraphQL.Reports;
using Patchwork.Api.GraphQL.Team;
using Patchwork.Api.GraphQL.Visits;

namespace Patchwork.Api.GraphQL;

/// <summary>The GraphQL schema: each feature folder contributes its own queries and mutations.</summary>
public sealed class PatchworkSchema : Schema
{
    public PatchworkSchema(IServiceProvider services, PatchworkQuery query, PatchworkMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        // What graphql-js's standard introspection query asks of a current server (directives' isRepeatable,
        // deprecated arguments and input fields); introspection itself is allowed or refused in AddPatchworkGraphQL.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        switch (graphType)
        {
            case __Type type:
                IntrospectionTypes.AddSpecifiedByUrl(type);
                break;
            case __Directive directive:
                IntrospectionTypes.AddIncludeDeprecatedToArgs(directive);
                break;
        }
    }
}

public sealed class PatchworkQuery : ObjectGraphType
{
    public PatchworkQuery()
    {
        Name = "Query";
        this.AddDirectoryQueries();
        this.AddClientQueries();
        this.AddFamilyQueries();
        this.AddAdministrationQueries();
        this.AddBreakGlassReviewQueries();
        this.AddReportQueries();
    }
}

public sealed class PatchworkMutation : ObjectGraphType
{
    public PatchworkMutation()
    {
        Name = "Mutation";
        this.AddClientMutations();
        this.AddFamilyMutations();
        this.AddTeamMutations();
        this.AddVisitMutations();
        this.AddDirectoryMutations();
        this.AddAdministrationMutations();
        this.AddBreakGlassReviewMutations();
        this.AddReportMutations();
    }
}
