using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Api.Identity;
using Patchwork.Api.Reports;
using Patchwork.Auditing;

namespace Patchwork.Api.GraphQL.Administration;

/// <summary>The information governance lead's queue of break glass to review, and the review itself. Administrators only.</summary>
public static class BreakGlassReviewFields
{
    private const int DefaultPage = 20;
    private const int MaxPage = 100;

    public static void AddBreakGlassReviewQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<BreakGlassReviewPageType>>("breakGlassReviews")
            .WithComplexityImpact(20)
            .Description("Break glass to review, newest first, with where each review stands. status filters by it; all when left out.")
            .Argument<EnumerationGraphType<BreakGlassReviewStatus>>("status")
            .Argument<IntGraphType>("first", a => a.DefaultValue = DefaultPage)
            .Argument<StringGraphType>("after", "The endCursor of the page before.")
            .AllowRoles("review break glass", Role.Admin)
            // The queue is the audit trail read another way, and reading the trail is itself on the trail.
            .Audited((ctx, result) => new AuditedRead(AuditAction.ViewAuditTrail, Detail: QueueDetail(ctx, result)))
            .ResolveAsync(async ctx => await BreakGlassReviews.QueueAsync(ctx.Ports().Audit, ctx.GetArgument<BreakGlassReviewStatus?>("status"),
                ctx.PageSize("first", MaxPage), ctx.GetArgument<string?>("after"), ctx.CancellationToken));

    public static void AddBreakGlassReviewMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<BreakGlassEntryType>>("reviewBreakGlass")
            .Description("Record a review of a break glass, named by its client and request id. Each review is a new audit entry; a CLOSED one is not reviewed again.")
            .Argument<NonNullGraphType<IdGraphType>>("clientId")
            .Argument<NonNullGraphType<IdGraphType>>("requestId", "The request id of the break glass, as the queue shows it.")
            .Argument<NonNullGraphType<EnumerationGraphType<BreakGlassDecision>>>("status")
            .Argument<NonNullGraphType<StringGraphType>>("outcome", "What the review found, in a sentence.")
            .AllowRoles("review break glass", Role.Admin)
            .ResolveAsync(async ctx => await BreakGlassReviews.ReviewAsync(ctx.Ports().Audit,
                ctx.Services().Time, ctx.Request(), ctx.GetArgument<string>("clientId"),
                ctx.GetArgument<string>("requestId"), ctx.GetArgument<BreakGlassDecision>("status"), ctx.GetArgument<string>("outcome"),
                ctx.CancellationToken));

    private static string QueueDetail(IResolveFieldContext ctx, object? result)
    {
        var status = ctx.GetArgument<BreakGlassReviewStatus?>("status");
        var count = (result as CursorPage<BreakGlassCase>)?.Rows.Count ?? 0;
        return $"breakGlassReviews{(status is null ? "" : $" status={status}")}: {count} entries";
    }
}

public sealed class BreakGlassEntryType : ObjectGraphType<BreakGlassCase>
{
    public BreakGlassEntryType()
    {
        Name = "BreakGlassEntry";
        Description = "A break glass: who saw which client's team without joining it, when and why, and where its review stands.";
        Field<NonNullGraphType<IdGraphType>>("clientId").Resolve(ctx => ctx.Source.Entry.ClientId);
        Field<NonNullGraphType<IdGraphType>>("requestId").Description("With clientId, names the break glass to review.")
            .Resolve(ctx => ctx.Source.Entry.RequestId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(ctx => ctx.Source.Entry.At);
        Field(c => c.Category, nullable: true);
        Field<StringGraphType>("reason").Resolve(ctx => ctx.Source.Entry.Reason);
        Field<PractitionerType>("practitioner").Description("Who broke glass, and their agency.")
            .Resolve(ctx => ctx.Source.Entry.PractitionerId is { } id ? ctx.Loaders().Practitioners.Load(id) : null);
        Field(c => c.Status);
        Field<BreakGlassReviewType>("latestReview").Resolve(ctx => ctx.Source.LatestReview);
    }
}

public sealed class BreakGlassReviewType : ObjectGraphType<BreakGlassReview>
{
    public BreakGlassReviewType()
    {
        Name = "BreakGlassReview";
        Field(r => r.Status);
        Field(r => r.Outcome);
        Field(r => r.Reviewer).Description("The identity-provider subject of the administrator who reviewed it.");
        Field(r => r.At);
    }
}

public sealed class BreakGlassReviewPageType : ObjectGraphType<CursorPage<BreakGlassCase>>
{
    public BreakGlassReviewPageType()
    {
        Name = "BreakGlassReviewPage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BreakGlassEntryType>>>>("entries").Resolve(ctx => ctx.Source.Rows);
        Field(p => p.EndCursor, nullable: true).Description("Pass as `after` for the next page.");
        Field(p => p.HasNextPage);
    }
}
