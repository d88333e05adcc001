using GraphQL;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Visits;

/// <summary>Pages visit lists, already filtered by the household's <c>Disclosure</c>: orders them and applies <c>first</c>.</summary>
public static class VisitPaging
{
    public const int DefaultPage = 10;

    public static IReadOnlyList<Visit> Page(IEnumerable<Visit> visits, IResolveFieldContext ctx, bool upcoming)
    {
        var first = ctx.PageSize("first", NetworkLoaders.VisitsPerClient);
        var ordered = upcoming
            ? visits.OrderBy(v => v.ScheduledFor).ThenBy(v => v.Id, StringComparer.Ordinal)
            : visits.OrderByDescending(v => v.CompletedAt).ThenBy(v => v.Id, StringComparer.Ordinal);
        return [.. ordered.Take(first)];
    }
}
