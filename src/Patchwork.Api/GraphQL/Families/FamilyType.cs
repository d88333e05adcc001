using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.GraphQL.Reports;
using Patchwork.Api.GraphQL.Team;
using Patchwork.Api.GraphQL.Visits;
using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Families;

public sealed class FamilyType : ObjectGraphType<Family>
{
    public FamilyType()
    {
        Name = "Family";
        Description = "A household, and the area it lives in.";
        Field(f => f.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(f => f.Name);
        Field(f => f.Area);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientType>>>>("members")
            .Resolve(ctx => ctx.Loaders().FamilyMembers.Load(ctx.Source.Id));

        // Every field that shows the team, its visits or its changes is a view of the team, audited once per request.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamMemberType>>>>("team")
            .WithComplexityImpact(5)
            .Description("Who else is around this family: every member's team, one entry per practitioner.")
            .Audited(View)
            .ResolveAsync(async ctx => (await ctx.DisclosureAsync(ctx.Source)).Team(
                await ctx.Loaders().FamilyTeams.Load(ctx.Source.Id).GetResultAsync(ctx.CancellationToken)));

        this.AddTeamChanges(async ctx => (await ctx.DisclosureAsync(ctx.Source)).Changes(
            await MemberValuesAsync(ctx, ctx.Loaders().TeamChanges)), View);
        this.AddFollowUpRequests(f => f.Id, View);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitType>>>>("upcomingVisits")
            .Description("Planned visits to any member from now on, soonest first.")
            .Audited(View)
            .Argument<IntGraphType>("first", a => a.DefaultValue = VisitPaging.DefaultPage)
            .ResolveAsync(async ctx => VisitPaging.Page((await ctx.DisclosureAsync(ctx.Source)).Visits(
                await MemberValuesAsync(ctx, ctx.Loaders().UpcomingVisits)), ctx, upcoming: true));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitType>>>>("recentContacts")
            .Description("Completed contacts with any member, latest first.")
            .Audited(View)
            .Argument<IntGraphType>("first", a => a.DefaultValue = VisitPaging.DefaultPage)
            .ResolveAsync(async ctx => VisitPaging.Page((await ctx.DisclosureAsync(ctx.Source)).Visits(
                await MemberValuesAsync(ctx, ctx.Loaders().RecentContacts)), ctx, upcoming: false));
    }

    private static AuditedRead View(IResolveFieldContext ctx, object? _) =>
        new(AuditAction.ViewFamily, FamilyId: ((Family)ctx.Source!).Id);

    private static async Task<IEnumerable<T>> MemberValuesAsync<T>(
        IResolveFieldContext<Family> ctx, BatchLoader<string, IReadOnlyList<T>> values)
    {
        var members = await ctx.Loaders().FamilyMembers.Load(ctx.Source.Id).GetResultAsync(ctx.CancellationToken);
        var perMember = await values.LoadManyAsync(members.Select(m => m.Id), ctx.CancellationToken);
        return perMember.SelectMany(v => v);
    }
}
