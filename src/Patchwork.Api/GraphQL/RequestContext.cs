using GraphQL;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.Identity;

namespace Patchwork.Api.GraphQL;

/// <summary>What every resolver of one request shares: who is asking, the audit of what they saw, the loaders.</summary>
public sealed class RequestContext(Viewer viewer, AuditLog audit, NetworkLoaders loaders) : Dictionary<string, object?>
{
    public Viewer Viewer { get; } = viewer;

    public AuditLog Audit { get; } = audit;

    public NetworkLoaders Loaders { get; } = loaders;

    private int _searches;

    /// <summary>True for the request's first search only: one search per request, however it is aliased.</summary>
    public bool ClaimSearch() => Interlocked.Increment(ref _searches) == 1;
}

public static class RequestContextExtensions
{
    public static RequestContext Request(this IResolveFieldContext context) => (RequestContext)context.UserContext;

    public static Viewer Viewer(this IResolveFieldContext context) => context.Request().Viewer;

    public static NetworkLoaders Loaders(this IResolveFieldContext context) => context.Request().Loaders;

    public static INetworkStore Store(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<INetworkStore>();
}
