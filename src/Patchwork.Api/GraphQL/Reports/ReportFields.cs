using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.Identity;
using Patchwork.Api.Reports;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Api.GraphQL.Reports;

/// <summary>
/// Analysts' and commissioners' reports: aggregates under the small-count rule and pseudonymous family references,
/// never names or contact details. Every answer is audited as a view of a report, with its arguments.
/// </summary>
public static class ReportFields
{
    public const int MaxPage = 1000;
    public const int DefaultPage = 100;
    public const int MaxDutyPage = 200;

    /// <summary>A report's cost for the complexity limit: each walks the whole network, a team view one family.</summary>
    private const int ReportCost = 1000;

    public static void AddReportQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<DensityReportType>>("networkDensity")
            .Description("Network density by area and overall: families, practitioners and agencies per family, shares with three or more agencies, one agency, no key worker.")
            .WithComplexityImpact(ReportCost)
            .FilterArguments(asOf: true)
            .AllowRoles("see network density reports", ReportAccess.Analysis)
            .Audited(Viewed)
            .ResolveAsync(async ctx => await GatedAsync(ctx, q => q.DensityAsync(ArgumentsOf(ctx), ctx.CancellationToken)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FamilyNetworkGroupType>>>>("familyNetworks")
            .Description("Families grouped by area, number of agencies and contact recency, at the end of a month (last month when asOf is omitted), each group large enough to publish; ordered by those.")
            .WithComplexityImpact(ReportCost, 1)
            .FilterArguments(asOf: true)
            .AllowRoles("see family network reports", ReportAccess.Analysis)
            .Audited(Viewed)
            .ResolveAsync(async ctx => await GatedAsync(ctx, q => q.FamilyNetworksAsync(ArgumentsOf(ctx), ctx.CancellationToken)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgencyPairType>>>>("agencyCoInvolvement")
            .Description("Pairs of agencies working with the same families, and how many families, overall and per area.")
            .WithComplexityImpact(ReportCost, 1)
            .FilterArguments(asOf: true)
            .AllowRoles("see reports of agencies working together", ReportAccess.Analysis)
            .Audited(Viewed)
            .ResolveAsync(async ctx => await GatedAsync(ctx, q => q.AgencyPairsAsync(ArgumentsOf(ctx), ctx.CancellationToken)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgencyCaseloadType>>>>("caseloads")
            .Description("Caseloads (families and clients) overall and per agency, with their spread over practitioners.")
            .WithComplexityImpact(ReportCost, 2)
            .FilterArguments(asOf: true)
            .AllowRoles("see caseload reports", ReportAccess.Analysis)
            .Audited(Viewed)
            .ResolveAsync(async ctx => await GatedAsync(ctx, q => q.CaseloadsAsync(ArgumentsOf(ctx), ctx.CancellationToken)));

        query.Field<NonNullGraphType<NoContactPageType>>("familiesWithoutContact")
            .Description("Families that, at the start of this week (Monday 00:00 UTC), had no completed contact for `days` days, no active involvement, or only overdue visits: never contacted first, then by contact recency.")
            .WithComplexityImpact(ReportCost, 1)
            .FilterArguments(asOf: false)
            .Argument<IntGraphType>("days", "30, 90, 180 or 365.", a => a.DefaultValue = ReportArguments.DefaultDays)
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<NoContactReason>>>>("reasons", "Any of these; all when omitted.")
            .PageArguments()
            .AllowRoles("see the families with no contact", ReportAccess.Commissioning)
            .Audited(Viewed)
            .ResolveAsync(async ctx => Cursors.Page(await GatedAsync(ctx, q => q.FamiliesWithoutContactAsync(ArgumentsOf(ctx), ctx.CancellationToken)),
                ReportQueries.PositionOf, ctx.PageSize("first", MaxPage), ctx.GetArgument<string?>("after")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DutyFollowUpType>>>>("dutyFollowUpRequests")
            .Description("Follow-up requests sent to your agency's duty contacts about families with no team, newest first.")
            .WithComplexityImpact(5)
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .AllowPractitioners("see follow-up requests sent to their agency's duty contacts")
            .ResolveAsync(DutyInboxAsync);
    }

    public static void AddReportMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<FollowUpReceiptType>>("requestFollowUp")
            .Description("Ask for a family to be followed up, by the reference a report showed. It goes to the agencies of the family's team, or to agencies' duty contacts when it has none; only agencies with a data-sharing agreement in force count.")
            .Argument<NonNullGraphType<StringGraphType>>("reference")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .AllowRoles("ask for a family to be followed up", ReportAccess.Commissioning)
            .ResolveAsync(RequestFollowUpAsync);
    }

    /// <summary>The family's follow-up requests, for those who can see the family (its team).</summary>
    public static void AddFollowUpRequests<TSource>(this ObjectGraphType<TSource> type, Func<TSource, string> familyId,
        Func<IResolveFieldContext, object?, AuditedRead> view)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowUpRequestType>>>>("followUpRequests")
            .Description("Commissioners' requests that this family be followed up, newest first.")
            .Audited(view)
            .Resolve(ctx => ctx.Loaders().FollowUps.Load(familyId((TSource)ctx.Source!)));
    }

    private static FieldBuilder<TSource, TReturn> FilterArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, bool asOf)
    {
        field.Argument<StringGraphType>("area", "Only the families of this area.")
            .Argument<EnumerationGraphType<AgencyKind>>("agencyKind", "Only this kind of agency's involvements, contacts and visits count.");
        return asOf ? field.Argument<DateOnlyGraphType>("asOf", "The network as it was at the end of this day (UTC): the last day of a month that has ended.") : field;
    }

    private static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first", a => a.DefaultValue = DefaultPage).Argument<StringGraphType>("after");

    /// <summary>
    /// One report per request, however aliased (each walks the whole network), through the gate that keeps reports
    /// from crowding out practitioners' requests.
    /// </summary>
    private static async Task<T> GatedAsync<T>(IResolveFieldContext ctx, Func<ReportQueries, Task<T>> report)
    {
        if (!ctx.Request().FirstOf("report"))
        {
            throw PatchworkException.BadInput("One report per request: ask for each report on its own.");
        }
        var services = ctx.Services();
        return await services.ReportGate.RunAsync(ctx.Viewer().Subject, () => report(services.ReportQueries), ctx.CancellationToken);
    }

    private static ReportArguments ArgumentsOf(IResolveFieldContext ctx) => new(
        ctx.GetArgument<string?>("area"),
        ctx.GetArgument<AgencyKind?>("agencyKind"),
        ctx.HasArgument("asOf") ? ctx.GetArgument<DateOnly?>("asOf") : null,
        ctx.HasArgument("days") ? ctx.GetArgument<int?>("days") : null,
        ctx.HasArgument("reasons") ? ctx.GetArgument<List<NoContactReason>?>("reasons") : null);

    private static AuditedRead Viewed(IResolveFieldContext ctx, object? _) =>
        new(AuditAction.ViewReport, Detail: $"{ctx.FieldDefinition.Name} {ArgumentsOf(ctx).Describe()}".Trim());

    /// <summary>A refused request is audited too, so nobody can probe references for families without trace.</summary>
    private static async Task<object?> RequestFollowUpAsync(IResolveFieldContext ctx)
    {
        try
        {
            return await FollowUpAsync(ctx);
        }
        catch (PatchworkException refused)
        {
            ctx.Request().Audit.Record(ctx.Viewer(), AuditAction.Denied, detail: $"{ctx.FieldDefinition.Name}: {refused.Message}");
            throw;
        }
    }

    private static async Task<object?> FollowUpAsync(IResolveFieldContext ctx)
    {
        var viewer = ctx.Viewer();
        var reason = Check.Reason(ctx.GetArgument<string>("reason"));
        var pseudonyms = ctx.Services().Pseudonyms;
        var reports = ctx.Ports().Reports;
        var familyId = await pseudonyms.ResolveAsync(reports, ctx.GetArgument<string>("reference"), ctx.CancellationToken);
        var actor = new Actor(viewer.Subject, null, viewer.RequestId);
        var request = await ctx.Changes().RequestFollowUpAsync(new NewFollowUp(familyId, reason), actor, ctx.CancellationToken);
        return new FollowUpReceipt(pseudonyms.Reference(familyId), request);
    }

    private static async Task<object?> DutyInboxAsync(IResolveFieldContext ctx)
    {
        var first = ctx.PageSize("first", MaxDutyPage);
        var agencyId = ctx.Viewer().ActivePractitioner!.AgencyId;
        var requests = await ctx.Ports().Queries.GetDutyFollowUpRequestsAsync(agencyId, first, ctx.CancellationToken);
        var families = await ctx.Ports().Batches.GetFamiliesAsync([.. requests.Select(r => r.FamilyId).Distinct()], ctx.CancellationToken);
        return requests.Where(r => families.ContainsKey(r.FamilyId)).Select(r => new DutyFollowUp(r, families[r.FamilyId])).ToList();
    }
}
