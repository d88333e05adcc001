using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Changes;

namespace Patchwork.Api.GraphQL.Visits;

public static class VisitFields
{
    public static void AddVisitMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<VisitType>>("scheduleVisit")
            .Description("Book a visit with a client whose team you are in.")
            .Argument<NonNullGraphType<ScheduleVisitInputType>>("input")
            .AllowPractitioners("book visits")
            .ResolveAsync(async ctx => await ctx.Changes().ScheduleVisitAsync(
                ctx.GetArgument<NewVisit>("input"), ctx.Viewer().ToActor(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<VisitType>>("recordContact")
            .Description("Record a completed contact, or complete one of your planned visits (give visitId).")
            .Argument<NonNullGraphType<RecordContactInputType>>("input")
            .AllowPractitioners("record contacts")
            .ResolveAsync(async ctx => await ctx.Changes().RecordContactAsync(
                ctx.GetArgument<NewContact>("input"), ctx.Viewer().ToActor(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<VisitType>>("cancelVisit")
            .Description("Cancel one of your planned visits.")
            .Argument<NonNullGraphType<IdGraphType>>("visitId")
            .AllowPractitioners("cancel visits")
            .ResolveAsync(async ctx => await ctx.Changes().CancelVisitAsync(
                Check.Id(ctx.GetArgument<string>("visitId"), "visitId"), ctx.Viewer().ToActor(), ctx.CancellationToken));
    }
}

public sealed class ScheduleVisitInputType : InputObjectGraphType<NewVisit>
{
    public ScheduleVisitInputType()
    {
        Name = "ScheduleVisitInput";
        Field(v => v.ClientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(v => v.ScheduledFor);
        Field(v => v.Mode);
    }
}

public sealed class RecordContactInputType : InputObjectGraphType<NewContact>
{
    public RecordContactInputType()
    {
        Name = "RecordContactInput";
        Field(c => c.ClientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.CompletedAt);
        Field(c => c.Mode);
        Field(c => c.VisitId, type: typeof(IdGraphType)).Description("The planned visit this contact completes, if any.");
    }
}
