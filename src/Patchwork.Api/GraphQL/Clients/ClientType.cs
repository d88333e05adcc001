using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Families;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.GraphQL.Team;
using Patchwork.Api.GraphQL.Visits;

namespace Patchwork.Api.GraphQL.Clients;

public sealed class ClientType : ObjectGraphType<Client>
{
    public ClientType()
    {
        Name = "Client";
        Description = "A person the network is around: identifying details only.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.GivenName);
        Field(c => c.FamilyName);
        Field(c => c.DisplayName);
        Field(c => c.DateOfBirth);
        Field(c => c.Address);
        Field(c => c.Postcode);
        Field(c => c.NhsNumber, nullable: true);
        Field(c => c.Shielded).Description("Shielded clients never appear in search except to their own team.");
        Field(c => c.FamilyRelationship, nullable: true).Description("How the client belongs to their family.");
        Field<FamilyType>("family").Resolve(ctx => ctx.Source.FamilyId is { } id ? ctx.Loaders().Families.Load(id) : null);

        // Every field that shows the team, its visits or its changes is a view of the team, audited once per request.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamMemberType>>>>("team")
            .WithComplexityImpact(5)
            .Description("The practitioners currently supporting this client.")
            .Audited(View)
            .ResolveAsync(async ctx => (await ctx.DisclosureAsync(ctx.Source)).Team(await Loaded(ctx, ctx.Loaders().ClientTeams)));

        this.AddTeamChanges(async ctx => (await ctx.DisclosureAsync(ctx.Source)).Changes(await Loaded(ctx, ctx.Loaders().TeamChanges)), View);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitType>>>>("upcomingVisits")
            .Description("Planned visits from now on, soonest first.")
            .Audited(View)
            .Argument<IntGraphType>("first", a => a.DefaultValue = VisitPaging.DefaultPage)
            .ResolveAsync(async ctx => VisitPaging.Page(
                (await ctx.DisclosureAsync(ctx.Source)).Visits(await Loaded(ctx, ctx.Loaders().UpcomingVisits)), ctx, upcoming: true));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitType>>>>("recentContacts")
            .Description("Completed contacts, latest first.")
            .Audited(View)
            .Argument<IntGraphType>("first", a => a.DefaultValue = VisitPaging.DefaultPage)
            .ResolveAsync(async ctx => VisitPaging.Page(
                (await ctx.DisclosureAsync(ctx.Source)).Visits(await Loaded(ctx, ctx.Loaders().RecentContacts)), ctx, upcoming: false));
    }

    private static Task<IReadOnlyList<T>> Loaded<T>(IResolveFieldContext<Client> ctx, BatchLoader<string, IReadOnlyList<T>> values) =>
        values.Load(ctx.Source.Id).GetResultAsync(ctx.CancellationToken);

    private static AuditedRead View(IResolveFieldContext ctx, object? _) =>
        new(AuditAction.ViewClient, ClientId: ((Client)ctx.Source!).Id);
}

/// <summary>What a search shows of a client: enough to recognise them, not enough to find them.</summary>
public sealed class ClientMatchType : ObjectGraphType<ClientMatch>
{
    public ClientMatchType()
    {
        Name = "ClientMatch";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.ClientId);
        Field(m => m.DisplayName);
        Field(m => m.DateOfBirth);
        Field(m => m.PostcodeDistrict).Description("The outward part of the postcode only, e.g. \"NR2\".");
        Field(m => m.InMyTeam).Description("Whether you are in this client's team.");
    }
}
