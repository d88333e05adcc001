using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.Types;
using Patchwork.Api.GraphQL;
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
public sealed class AccessMiddleware(IBatchReads batches) : IFieldMiddleware
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
        var rule = field.GetMetadata<RoleRule>(Access.RolesKey);
        if (rule is null)
        {
            return new Refusal("Nobody can use this part of Patchwork."); // the audit trail names the field
        }
        if (!rule.Roles.Any(viewer.Has))
        {
            return new Refusal(Access.OnlyFor(rule.Roles, rule.Action));
        }
        return rule.Roles is [Role.Practitioner] && viewer.ActivePractitioner is null
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
            if (!await IsInReachAsync(context, reach))
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
    /// Asks the request's reach loaders, which read the record with the check: the root resolver that opens the client
    /// or family takes it from the same loader, so checking and reading are one round trip.
    /// </summary>
    private static async Task<bool> IsInReachAsync(IResolveFieldContext context, Reach reach) => reach.IsFamily
        ? await context.Loaders().FamiliesInReach.Load(reach.Id).GetResultAsync(context.CancellationToken) is not null
        : await context.Loaders().ClientsInReach.Load(reach.Id).GetResultAsync(context.CancellationToken) is not null;

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
