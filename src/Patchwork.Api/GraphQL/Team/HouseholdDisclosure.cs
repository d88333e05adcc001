using GraphQL;
using Patchwork.Api.Governance;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Team;

/// <summary>The disclosure rule of the household a client or family field is about, from the request's loaders.</summary>
public static class HouseholdDisclosure
{
    /// <summary>A client's household is their family's, or theirs alone when they are in none.</summary>
    public static async Task<Disclosure> DisclosureAsync(this IResolveFieldContext ctx, Client client)
    {
        var household = client.FamilyId is { } familyId
            ? ctx.Loaders().FamilyTeams.Load(familyId)
            : ctx.Loaders().ClientTeams.Load(client.Id);
        return new Disclosure(await household.GetResultAsync(ctx.CancellationToken), ctx.Viewer());
    }

    public static async Task<Disclosure> DisclosureAsync(this IResolveFieldContext ctx, Family family) =>
        new(await ctx.Loaders().FamilyTeams.Load(family.Id).GetResultAsync(ctx.CancellationToken), ctx.Viewer());
}
