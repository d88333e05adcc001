using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Patchwork.Api.GraphQL;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Api.Governance;

/// <summary>
/// The one place where access is decided. Every root query and mutation must declare who may use it
/// (a root field that declares nothing is refused), and fields that open a client or family must name it,
/// so the caller's reach can be checked before anything is resolved. Every refusal, and every read a
/// field declares as audited (searches, views of a team), goes to the audit trail.
///
/// Below the root, the schema never leads out of the circle it was entered by: a client leads only to
/// its family, that family's members and their team, so checking at the root covers the whole answer.
/// </summary>
public sealed class AccessMiddleware(IBatchReads batches, IReach reachable) : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (!IsRootField(context))
        {
            return await ResolvedAsync(context, next);
        }
        try
        {
            await RefuseIfNotAllowedAsync(context);
            return await ResolvedAsync(context, next);
        }
        catch (PatchworkException refused) when (refused.Code is not ErrorCode.RateLimited)
        {
            // Every refusal is on record, whoever raised it: a probe for an id that does not exist, a store refusing a
            // visit for someone else's client, a conflict. A refusal already recorded where it was decided is not doubled.
            context.Request().Audit.Record(context.Viewer(), AuditAction.Denied, detail: $"{context.FieldDefinition.Name}: {refused.Message}");
            throw;
        }
    }

    private static async ValueTask<object?> ResolvedAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var result = await next(context);
        RecordRead(context, result);
        return result;
    }

    private async Task RefuseIfNotAllowedAsync(IResolveFieldContext context)
    {
        var viewer = context.Viewer();
        var refusal = RoleRefusal(context.FieldDefinition, viewer) ?? await ReachRefusalAsync(context, viewer);
        if (refusal is not null)
        {
            context.Request().Audit.Record(viewer, AuditAction.Denied,
                refusal.Reach is { IsFamily: false } client ? client.Id : null,
                refusal.Reach is { IsFamily: true } family ? family.Id : null,
                detail: $"{context.FieldDefinition.Name}: {refusal.Message}");
            throw PatchworkException.Forbidden(refusal.Message);
        }
    }

    private sealed record Refusal(string Message, Reach? Reach = null);

    private static void RecordRead(IResolveFieldContext context, object? result)
    {
        var describe = context.FieldDefinition.GetMetadata<Func<IResolveFieldContext, object?, AuditedRead>>(Access.AuditKey);
        if (describe is not null)
        {
            var read = describe(context, result);
            context.Request().Audit.Record(context.Viewer(), read.Action, read.ClientId, read.FamilyId, detail: read.Detail);
        }
    }

    private static bool IsRootField(IResolveFieldContext context) =>
        (context.ParentType == context.Schema.Query || context.ParentType == context.Schema.Mutation)
        && !context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal);

    private static Refusal? RoleRefusal(FieldType field, Viewer viewer)
    {
        if (field.GetMetadata(Access.AnyoneSignedIn, false))
        {
            return null;
        }
        var roles = field.GetMetadata<Role[]>(Access.RolesKey);
        if (roles is null)
        {
            return new Refusal("Nobody can use this part of Patchwork."); // the audit trail names the field
        }
        if (!roles.Any(viewer.Has))
        {
            return new Refusal(Access.OnlyFor(roles, field.GetMetadata<string>(Access.ActionKey) ?? "use this"));
        }
        return roles is [Role.Practitioner] && viewer.ActivePractitioner is null
            ? new Refusal(viewer.StandingMessage ?? "This needs an active practitioner.")
            : null;
    }

    private async Task<Refusal?> ReachRefusalAsync(IResolveFieldContext context, Viewer viewer)
    {
        var declared = context.FieldDefinition.GetMetadata<Func<IResolveFieldContext, IEnumerable<Reach>>>(Access.ReachKey);
        if (declared is null)
        {
            return null;
        }
        var practitionerId = viewer.ActivePractitioner?.Id;
        if (practitionerId is null)
        {
            return new Refusal("Only an active practitioner can see a team.");
        }
        foreach (var reach in declared(context))
        {
            if (!await IsInReachAsync(context, practitionerId, reach))
            {
                // Only on the way out: an id nobody has is NOT_FOUND rather than FORBIDDEN.
                await EnsureExistsAsync(reach, context.CancellationToken);
                return new Refusal(reach.IsFamily
                    ? "You are not in the team around this family. Join a member's team, with a reason, to see it."
                    : "You are not in the team around this client. Join their team, with a reason, to see it.", reach);
            }
        }
        return null;
    }

    /// <summary>
    /// Checks reach with the query that also reads the record. A query's resolvers then take the record from the
    /// request's loaders instead of reading it again; a mutation's do not, as the change may alter it after this check.
    /// </summary>
    private async Task<bool> IsInReachAsync(IResolveFieldContext context, string practitionerId, Reach reach)
    {
        var prime = context.ParentType == context.Schema.Query;
        return reach.IsFamily
            ? Found(await reachable.GetFamiliesInReachAsync(practitionerId, [reach.Id], context.CancellationToken),
                reach.Id, prime ? context.Loaders().Families : null)
            : Found(await reachable.GetClientsInReachAsync(practitionerId, [reach.Id], context.CancellationToken),
                reach.Id, prime ? context.Loaders().Clients : null);
    }

    private static bool Found<T>(IReadOnlyDictionary<string, T> inReach, string id, BatchLoader<string, T?>? loader)
        where T : class
    {
        if (!inReach.TryGetValue(id, out var record))
        {
            return false;
        }
        loader?.Prime(id, record);
        return true;
    }

    private async Task EnsureExistsAsync(Reach reach, CancellationToken cancellationToken)
    {
        var exists = reach.IsFamily
            ? (await batches.GetFamiliesAsync([reach.Id], cancellationToken)).ContainsKey(reach.Id)
            : (await batches.GetClientsAsync([reach.Id], cancellationToken)).ContainsKey(reach.Id);
        if (!exists)
        {
            throw PatchworkException.NotFound(reach.IsFamily ? "family" : "client", reach.Id);
        }
    }
}
