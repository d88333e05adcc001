using GraphQL;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Loaders;

namespace Patchwork.Api.GraphQL.Visits;

/// <summary>Pages visit lists: hides restricted ones from others, orders them and applies <c>first</c>.</summary>
public static class VisitPaging
{
    public const int DefaultPage = 10;

    public static IReadOnlyList<Visit> Page(IEnumerable<Visit> visits, IResolveFieldContext ctx, bool upcoming)
    {
        var first = ctx.PageSize("first", NetworkLoaders.VisitsPerClient);
        var visible = visits.VisibleTo(ctx.Viewer());
        var ordered = upcoming
            ? visible.OrderBy(v => v.ScheduledFor).ThenBy(v => v.Id, StringComparer.Ordinal)
            : visible.OrderByDescending(v => v.CompletedAt).ThenBy(v => v.Id, StringComparer.Ordinal);
        return [.. ordered.Take(first)];
    }
}
