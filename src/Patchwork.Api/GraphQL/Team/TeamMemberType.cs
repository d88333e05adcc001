using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Team;

/// <summary>
/// One practitioner around a client or family. For a restricted involvement, anyone but the practitioner
/// sees only the agency and its duty line: no name, no clients, no dates.
/// </summary>
public sealed class TeamMemberType : ObjectGraphType<TeamMember>
{
    public TeamMemberType()
    {
        Name = "TeamMember";
        Field<PractitionerType>("practitioner")
            .Description("Null when the involvement is restricted: contact the agency's duty line instead.")
            .Resolve(ctx => Shown(ctx, m => m.Practitioner));
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(ctx => ctx.Source.Agency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientType>>>>("supports")
            .Description("The clients (of this family) the practitioner supports.")
            .Resolve(ctx => Disclosure.IsMasked(ctx.Source, ctx.Viewer()) ? [] : ctx.Source.Supports);
        Field<DateTimeOffsetGraphType>("since").Resolve(ctx => Shown(ctx, m => (DateTimeOffset?)m.Since));
        Field<DateTimeOffsetGraphType>("lastContactAt").Resolve(ctx => Shown(ctx, m => m.LastContactAt));
        Field<DateTimeOffsetGraphType>("nextVisitAt").Resolve(ctx => Shown(ctx, m => m.NextVisitAt));
        Field(m => m.Restricted).Description("A restricted service (sexual health, domestic abuse …) is involved.");
        Field<StringGraphType>("notice")
            .Description("What to do about a restricted involvement.")
            .Resolve(ctx => ctx.Source.Restricted ? Disclosure.RestrictedNotice : null);
    }

    private static T? Shown<T>(IResolveFieldContext<TeamMember> ctx, Func<TeamMember, T> value) =>
        Disclosure.IsMasked(ctx.Source, ctx.Viewer()) ? default : value(ctx.Source);
}
