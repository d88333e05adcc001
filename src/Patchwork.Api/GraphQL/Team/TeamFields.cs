using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Team;

public static class TeamFields
{
    public static void AddTeamMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ClientType>>("joinTeam")
            .Description("Join a client's team, stating why. The reason is audited and shown to the team in its changes.")
            .Argument<NonNullGraphType<IdGraphType>>("clientId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<BooleanGraphType>("restricted", a =>
            {
                a.DefaultValue = false;
                a.Description = "Mark your involvement restricted (always so for a restricted service).";
            })
            .AllowPractitioners("join a client's team")
            .ResolveAsync(async ctx =>
            {
                var clientId = Check.Id(ctx.GetArgument<string>("clientId"), "clientId");
                // Read through the request's loader, which also answers the client returned below: one read, not two.
                Shielding.RefuseShieldedJoin(await ctx.Loaders().Clients.Load(clientId).GetResultAsync(ctx.CancellationToken), ctx.Request());
                await ctx.Changes().JoinTeamAsync(clientId, ctx.GetArgument<string>("reason"),
                    ctx.GetArgument<bool>("restricted"), ctx.Viewer().ToActor(), ctx.CancellationToken);
                return await ctx.Loaders().Clients.Load(clientId).GetResultAsync(ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ClientType>>("breakGlass")
            .Description("In an emergency, see a client's team without joining it. Your reason is audited and flagged for review.")
            .Argument<NonNullGraphType<IdGraphType>>("clientId")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "What the emergency is, in a sentence: it is reviewed.")
            .Argument<NonNullGraphType<EnumerationGraphType<BreakGlassCategory>>>("category")
            .AllowPractitioners("break glass to see a team in an emergency")
            .ResolveAsync(async ctx => await BreakGlass.OpenAsync(ctx.Ports().Audit, ctx.Ports().Batches,
                ctx.Services().Time, ctx.Request(), ctx.GetArgument<string>("clientId"),
                ctx.GetArgument<string>("reason"), ctx.GetArgument<BreakGlassCategory>("category"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<InvolvementType>>("leaveTeam")
            .Description("Leave a client's team. Your planned visits to them are cancelled.")
            .Argument<NonNullGraphType<IdGraphType>>("clientId")
            .Argument<StringGraphType>("reason", a => a.DefaultValue = "Involvement ended")
            .AllowPractitioners("leave a client's team")
            .ResolveAsync(async ctx => await ctx.Changes().LeaveTeamAsync(
                Check.Id(ctx.GetArgument<string>("clientId"), "clientId"), ctx.GetArgument<string>("reason"),
                ctx.Viewer().ToActor(), ctx.CancellationToken));
    }
}

/// <summary>Your own involvement with a client, as it stands after joining or leaving.</summary>
public sealed class InvolvementType : ObjectGraphType<Involvement>
{
    public InvolvementType()
    {
        Name = "Involvement";
        Field(i => i.ClientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Since);
        Field(i => i.Reason);
        Field(i => i.Restricted);
        Field(i => i.EndedOn, nullable: true);
        Field(i => i.EndReason, nullable: true);
    }
}
