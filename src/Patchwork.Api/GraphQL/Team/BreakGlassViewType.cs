using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Team;

/// <summary>Someone outside the team saw it under break glass: when, why, and who (as far as a team entry would say).</summary>
public sealed class BreakGlassViewType : ObjectGraphType<BreakGlassView>
{
    public BreakGlassViewType()
    {
        Name = "BreakGlassView";
        Field(v => v.At);
        Field(v => v.Category, nullable: true).Description("The kind of emergency given; null for views recorded before categories.");
        Field<NonNullGraphType<AgencyType>>("agency").Description("The agency of the practitioner who looked.")
            .Resolve(ctx => ctx.Source.Agency);
        Field(v => v.PractitionerName, nullable: true)
            .Description("Who looked; null when they work for a restricted service, which shows as its agency alone.");
        Field(v => v.Role, nullable: true).Description("The job of whoever looked; null as their name is.");
    }
}
