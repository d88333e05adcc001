using GraphQL;
using Patchwork.Api.GraphQL;
using Patchwork.Api.GraphQL.Team;
using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.Governance;

/// <summary>
/// A break-glass view of a client as their team is told of it: when, why (the category), and who looked. The reason
/// itself is for the reviewers only: it is free text about the family, which Patchwork shows nobody else.
/// </summary>
public sealed record BreakGlassView(DateTimeOffset At, BreakGlassCategory? Category, Agency Agency, string? PractitionerName, string? Role);

/// <summary>
/// The client's team is told at once when someone outside it breaks glass: the views are read from the audit trail, so
/// nothing can record one without the team seeing it. Only the team around the client may read them (not the
/// practitioner who broke glass, through the answer that opened the team), and the viewer is named as a team entry
/// would be: a practitioner of a restricted service, or one withheld in this household, shows as their agency alone.
/// </summary>
public static class BreakGlassViews
{
    public const string NotInTeam = "Only the client's team sees who has broken glass to see it.";

    public static async Task<IReadOnlyList<BreakGlassView>> ForTeamAsync(IResolveFieldContext<Client> ctx)
    {
        var client = ctx.Source;
        await RefuseOutsideTeamAsync(ctx, client);
        var entries = await ctx.Loaders().BreakGlassViews.Load(client.Id).GetResultAsync(ctx.CancellationToken);
        var practitioners = (await ctx.Loaders().Practitioners.LoadManyAsync(
            entries.Select(e => e.PractitionerId).OfType<string>().Distinct(), ctx.CancellationToken)).OfType<Practitioner>().ToList();
        var agencies = (await ctx.Loaders().Agencies.LoadManyAsync(
            practitioners.Select(p => p.AgencyId).Distinct(), ctx.CancellationToken)).OfType<Agency>().ToDictionary(a => a.Id);
        var viewers = practitioners.Where(p => agencies.ContainsKey(p.AgencyId)).ToDictionary(p => p.Id, p => (p, agencies[p.AgencyId]));
        var disclosure = await ctx.DisclosureAsync(client);
        var viewerId = ctx.Viewer().Practitioner?.Id;
        return [.. entries
            .Where(e => e.PractitionerId is { } id && viewers.ContainsKey(id))
            .Select(e => View(e, viewers[e.PractitionerId!], disclosure, viewerId))];
    }

    /// <summary>The category a break-glass entry was recorded with, from its detail ("ChildAtRisk: …"); null before categories.</summary>
    public static BreakGlassCategory? CategoryOf(AuditEntry entry) =>
        entry.Detail?.Split(':', 2)[0] is { } name && Enum.TryParse<BreakGlassCategory>(name, out var category)
            && Enum.IsDefined(category) && !name.Any(char.IsDigit)
            ? category
            : null;

    /// <summary>
    /// The team around a client is everyone in the team of any member of the household: the reach a client's own
    /// team field is opened with. Checked here, on the field, because a client is also reached below the root
    /// (the answer to breakGlass is one), and the refusal is on record like any other.
    /// </summary>
    private static async Task RefuseOutsideTeamAsync(IResolveFieldContext<Client> ctx, Client client)
    {
        var viewerId = ctx.Viewer().ActivePractitioner?.Id;
        var household = client.FamilyId is { } familyId
            ? ctx.Loaders().FamilyTeams.Load(familyId)
            : ctx.Loaders().ClientTeams.Load(client.Id);
        var team = await household.GetResultAsync(ctx.CancellationToken);
        if (viewerId is null || !team.Any(m => m.Practitioner.Id == viewerId))
        {
            ctx.Request().Audit.Record(ctx.Viewer(), AuditAction.Denied, client.Id, client.FamilyId,
                detail: $"breakGlassViews of client {client.Id}: {NotInTeam}");
            throw PatchworkException.Forbidden(NotInTeam);
        }
    }

    private static BreakGlassView View(AuditEntry entry, (Practitioner Who, Agency Agency) looked, Disclosure disclosure, string? viewerId)
    {
        var (who, agency) = looked;
        var named = who.Id == viewerId || (!agency.RestrictedService && !disclosure.Withholds(who.Id));
        return new BreakGlassView(entry.At, CategoryOf(entry), agency, named ? who.Name : null, named ? who.Role : null);
    }
}
