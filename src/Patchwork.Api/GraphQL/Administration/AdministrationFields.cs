using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Administration;

/// <summary>What administrators do: onboard agencies under agreement and their practitioners, and read the audit trail.</summary>
public static class AdministrationFields
{
    private const int MaxAuditPage = 500;

    public static void AddAdministrationQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditTrail")
            .WithComplexityImpact(20)
            .Description("The audit trail, newest first. familyId selects entries about the family or any of its members: who has looked at it.")
            .Argument<IdGraphType>("clientId")
            .Argument<IdGraphType>("practitionerId")
            .Argument<IdGraphType>("familyId")
            .Argument<EnumerationGraphType<AuditAction>>("action")
            .Argument<DateTimeOffsetGraphType>("from", "Inclusive.")
            .Argument<DateTimeOffsetGraphType>("to", "Exclusive.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 100)
            .AllowRoles("read the audit trail", Role.Admin)
            // Reading the trail is itself on the trail: who looked at whose history is as sensitive as the history.
            .Audited((ctx, result) => new AuditedRead(AuditAction.ViewAuditTrail, ctx.GetArgument<string?>("clientId"),
                ctx.GetArgument<string?>("familyId"), TrailDetail(ctx, result)))
            .ResolveAsync(async ctx => await ctx.Ports().Audit.GetAuditTrailAsync(AuditQueryOf(ctx), ctx.CancellationToken));
    }

    public static void AddAdministrationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AgencyType>>("onboardAgency")
            .Description("Add an agency and its data-sharing agreement.")
            .Argument<NonNullGraphType<OnboardAgencyInputType>>("input")
            .AllowRoles("onboard agencies", Role.Admin)
            .ResolveAsync(async ctx => await ctx.Changes().OnboardAgencyAsync(
                ctx.GetArgument<NewAgency>("input"), ctx.Viewer().ToAdminActor(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<AgencyType>>("setAgreement")
            .Description("Record a change to an agency's data-sharing agreement (signed, suspended, expired …).")
            .Argument<NonNullGraphType<IdGraphType>>("agencyId")
            .Argument<NonNullGraphType<AgreementInputType>>("agreement")
            .AllowRoles("change an agency's data-sharing agreement", Role.Admin)
            .ResolveAsync(async ctx => await ctx.Changes().SetAgreementAsync(
                Check.Id(ctx.GetArgument<string>("agencyId"), "agencyId"), ctx.GetArgument<DataSharingAgreement>("agreement"),
                ctx.Viewer().ToAdminActor(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PractitionerType>>("addPractitioner")
            .Description("Add a practitioner to an agency, linked to the identity-provider subject they sign in as.")
            .Argument<NonNullGraphType<AddPractitionerInputType>>("input")
            .AllowRoles("add practitioners", Role.Admin)
            .ResolveAsync(async ctx => await ctx.Changes().AddPractitionerAsync(
                ctx.GetArgument<NewPractitioner>("input"), ctx.Viewer().ToAdminActor(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<PractitionerType>>("recordPractitionerLeft")
            .Description("Mark a practitioner as having left: their involvements end, and every affected team sees that they left.")
            .Argument<NonNullGraphType<IdGraphType>>("practitionerId")
            .AllowRoles("record that a practitioner has left", Role.Admin)
            .ResolveAsync(async ctx => await ctx.Changes().RecordPractitionerLeftAsync(
                Check.Id(ctx.GetArgument<string>("practitionerId"), "practitionerId"), ctx.Viewer().ToAdminActor(), ctx.CancellationToken));
    }

    private static AuditQuery AuditQueryOf(IResolveFieldContext ctx)
    {
        var first = ctx.PageSize("first", MaxAuditPage);
        var from = ctx.GetArgument<DateTimeOffset?>("from");
        var to = ctx.GetArgument<DateTimeOffset?>("to");
        if (from >= to)
        {
            throw PatchworkException.BadInput("from must be before to.");
        }
        return new AuditQuery(OptionalId(ctx, "clientId"), OptionalId(ctx, "practitionerId"), from, to, first,
            ctx.GetArgument<AuditAction?>("action"), OptionalId(ctx, "familyId"));
    }

    private static readonly string[] TrailFilters = ["practitionerId", "action", "from", "to"];

    private static string TrailDetail(IResolveFieldContext ctx, object? result)
    {
        var filters = TrailFilters.Where(ctx.HasArgument).Select(name => $"{name}={ctx.Arguments![name].Value}");
        return $"auditTrail {string.Join(" ", filters)}: {(result as IReadOnlyList<AuditEntry>)?.Count ?? 0} entries".Replace("  ", " ", StringComparison.Ordinal);
    }

    private static string? OptionalId(IResolveFieldContext ctx, string name) =>
        ctx.GetArgument<string?>(name) is { } id ? Check.Id(id, name) : null;
}
