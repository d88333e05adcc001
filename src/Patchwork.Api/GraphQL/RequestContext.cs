using GraphQL;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.Identity;
using Patchwork.Changes;
using Patchwork.Ports;

namespace Patchwork.Api.GraphQL;

/// <summary>
/// What every resolver of one request shares: who is asking, the audit of what they saw, the loaders, and the services
/// resolvers call.
/// </summary>
public sealed class RequestContext(Viewer viewer, AuditLog audit, NetworkLoaders loaders, ResolverServices services)
    : Dictionary<string, object?>
{
    public Viewer Viewer { get; } = viewer;

    public AuditLog Audit { get; } = audit;

    public NetworkLoaders Loaders { get; } = loaders;

    public ResolverServices Services { get; } = services;

    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <summary>True the first time a field asks in this request only: for fields allowed once per request, however aliased.</summary>
    public bool FirstOf(string field)
    {
        lock (_claimed)
        {
            return _claimed.Add(field);
        }
    }
}

public static class RequestContextExtensions
{
    public static RequestContext Request(this IResolveFieldContext context) => (RequestContext)context.UserContext;

    public static Viewer Viewer(this IResolveFieldContext context) => context.Request().Viewer;

    public static NetworkLoaders Loaders(this IResolveFieldContext context) => context.Request().Loaders;

    public static ResolverServices Services(this IResolveFieldContext context) => context.Request().Services;

    /// <summary>The configured store's ports.</summary>
    public static StorePorts Ports(this IResolveFieldContext context) => context.Request().Services.Store;

    /// <summary>Every change to the network goes through here, whichever store is configured.</summary>
    public static NetworkChanges Changes(this IResolveFieldContext context) => context.Request().Services.Changes;
}
