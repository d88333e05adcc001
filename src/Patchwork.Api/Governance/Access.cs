using GraphQL;
using GraphQL.Builders;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.Governance;

/// <summary>A client or family whose team a field reveals; the viewer must be within its reach.</summary>
public sealed record Reach(bool IsFamily, string Id)
{
    public static Reach Client(string id) => new(false, id);

    public static Reach Family(string id) => new(true, id);
}

/// <summary>How a read is written to the audit trail.</summary>
public sealed record AuditedRead(AuditAction Action, string? ClientId = null, string? FamilyId = null, string? Detail = null);

/// <summary>The roles a field is open to, and what it does in a person's words, for the refusal anyone else gets.</summary>
public sealed record RoleRule(IReadOnlyList<Role> Roles, string Action);

/// <summary>
/// The access declarations every root field carries, read by <see cref="AccessMiddleware"/>:
/// which roles may use it, and which clients or families the caller must be in the team around.
/// </summary>
public static class Access
{
    internal const string RolesKey = "patchwork.access.roles";
    internal const string ReachKey = "patchwork.access.reach";
    internal const string AnyoneSignedIn = "patchwork.access.anyone";
    internal const string AuditKey = "patchwork.access.audit";

    /// <summary>
    /// Only these roles may use the field. The action says what it does in a person's words ("see network density
    /// reports"), for the refusal anyone else gets: people read it in the app, so it never names a field.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> AllowRoles<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, string action, params Role[] roles)
    {
        field.FieldType.Metadata[RolesKey] = new RoleRule(roles, action);
        return field;
    }

    public static FieldBuilder<TSource, TReturn> AllowPractitioners<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, string action) => field.AllowRoles(action, Role.Practitioner);

    /// <summary>A refusal in plain words: "Only analysts and commissioners can see network density reports."</summary>
    public static string OnlyFor(IReadOnlyList<Role> roles, string action) => $"Only {Roles.People(roles)} can {action}.";

    public static FieldBuilder<TSource, TReturn> AllowAnyoneSignedIn<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[AnyoneSignedIn] = true;
        return field;
    }

    /// <summary>The caller must be in the team around each client or family this yields, from the arguments.</summary>
    public static FieldBuilder<TSource, TReturn> RequireReach<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, Func<IResolveFieldContext, IEnumerable<Reach>> reach)
    {
        field.FieldType.Metadata[ReachKey] = reach;
        return field;
    }

    /// <summary>Every successful resolution of this field is written to the audit trail as described.</summary>
    public static FieldBuilder<TSource, TReturn> Audited<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, Func<IResolveFieldContext, object?, AuditedRead> describe)
    {
        field.FieldType.Metadata[AuditKey] = describe;
        return field;
    }
}
