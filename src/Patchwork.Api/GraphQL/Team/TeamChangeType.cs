using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Team;

/// <summary>Someone joining or leaving the team, and why: how the team is told. Restricted changes show only the agency.</summary>
public sealed class TeamChangeType : ObjectGraphType<TeamChange>
{
    public const int MaxDays = 90;

    public TeamChangeType()
    {
        Name = "TeamChange";
        Field(c => c.Kind);
        Field(c => c.At);
        Field<PractitionerType>("practitioner").Resolve(ctx => Disclosure.IsMasked(ctx.Source, ctx.Viewer()) ? null : ctx.Source.Practitioner);
        Field<NonNullGraphType<AgencyType>>("agency").Resolve(ctx => ctx.Source.Agency);
        Field<StringGraphType>("reason").Resolve(ctx => Disclosure.IsMasked(ctx.Source, ctx.Viewer()) ? null : ctx.Source.Reason);
        Field<ClientType>("client").Resolve(ctx => Disclosure.IsMasked(ctx.Source, ctx.Viewer()) ? null : ctx.Loaders().Clients.Load(ctx.Source.ClientId));
        Field(c => c.Restricted);
    }

    /// <summary>The changes of the last <c>days</c> days, newest first.</summary>
    public static IReadOnlyList<TeamChange> Recent(IEnumerable<TeamChange> changes, IResolveFieldContext ctx)
    {
        var days = ctx.PageSize("days", MaxDays);
        var since = ctx.Services().Time.GetUtcNow().AddDays(-days);
        return [.. changes.Where(c => c.At >= since).OrderByDescending(c => c.At).ThenBy(c => c.Practitioner.Id, StringComparer.Ordinal)];
    }
}

public static class TeamChangeFields
{
    public static void AddTeamChanges<TSource>(this ObjectGraphType<TSource> type,
        Func<IResolveFieldContext<TSource>, Task<IEnumerable<TeamChange>>> load, Func<IResolveFieldContext, object?, AuditedRead> view)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamChangeType>>>>("teamChanges")
            .Description("Who joined or left the team recently, and why.")
            .Argument<IntGraphType>("days", a => a.DefaultValue = 30)
            .Audited(view)
            .ResolveAsync(async ctx => TeamChangeType.Recent(await load(ctx), ctx));
    }
}
