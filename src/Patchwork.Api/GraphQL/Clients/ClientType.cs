using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Families;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.GraphQL.Team;
using Patchwork.Api.GraphQL.Visits;
using Patchwork.Auditing;
using Patchwork.Network;

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
        Field(c => c.DateOfBirth).Audited(PersonalDetails);
        // Where a shielded client lives (a refuge, say) is for their own team alone, on every path that leads to them:
        // a member of the family, a supported client, a visit's or a team change's client.
        Field<StringGraphType>("address").Description("Null for a shielded client, except to their own team.")
            .Audited(PersonalDetails)
            .ResolveAsync(async ctx => await ShownToOwnTeamAsync(ctx, c => c.Address));
        Field<StringGraphType>("postcode").Description("Null for a shielded client, except to their own team.")
            .Audited(PersonalDetails)
            .ResolveAsync(async ctx => await ShownToOwnTeamAsync(ctx, c => c.Postcode));
        Field<StringGraphType>("nhsNumber").Description("Null when not known, or for a shielded client except to their own team.")
            .Audited(PersonalDetails)
            .ResolveAsync(async ctx => await ShownToOwnTeamAsync(ctx, c => c.NhsNumber));
        Field(c => c.Shielded).Description("Shielded clients never appear in search except to their own team, and their address and NHS number show only to it.");
        Field(c => c.FamilyRelationship, nullable: true).Description("How the client belongs to their family.");
        Field<FamilyType>("family").Resolve(ctx => ctx.Source.FamilyId is { } id ? ctx.Loaders().Families.Load(id) : null);

        // Every field that shows the team, its visits or its changes is a view of the team, audited once per request.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TeamMemberType>>>>("team")
            .WithComplexityImpact(5)
            .Description("The practitioners currently supporting this client.")
            .Audited(View)
            .ResolveAsync(async ctx => (await ctx.DisclosureAsync(ctx.Source)).Team(await Loaded(ctx, ctx.Loaders().ClientTeams)));

        // Nullable, so that a refusal (to anyone outside the team, such as whoever broke glass) leaves the rest of the answer.
        Field<ListGraphType<NonNullGraphType<BreakGlassViewType>>>("breakGlassViews")
            .Description($"Who has seen this client's team under break glass in the last {NetworkLoaders.BreakGlassViewDays} days, newest first. For the client's team only.")
            .Audited(View)
            .ResolveAsync(async ctx => await BreakGlassViews.ForTeamAsync(ctx));

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

    private static async Task<string?> ShownToOwnTeamAsync(IResolveFieldContext<Client> ctx, Func<Client, string?> value)
    {
        if (!ctx.Source.Shielded)
        {
            return value(ctx.Source);
        }
        var team = await Loaded(ctx, ctx.Loaders().ClientTeams);
        return team.Any(m => m.Practitioner.Id == ctx.Viewer().Practitioner?.Id) ? value(ctx.Source) : null;
    }

    private static Task<IReadOnlyList<T>> Loaded<T>(IResolveFieldContext<Client> ctx, BatchLoader<string, IReadOnlyList<T>> values) =>
        values.Load(ctx.Source.Id).GetResultAsync(ctx.CancellationToken);

    /// <summary>Personal details read through any path (a member, a supported client, a visit's client) are a view of that client.</summary>
    private static AuditedRead PersonalDetails(IResolveFieldContext ctx, object? _) =>
        new(AuditAction.ViewClient, ClientId: ((Client)ctx.Source!).Id, Detail: "personal details");

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
