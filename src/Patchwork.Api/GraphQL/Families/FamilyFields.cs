using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Changes;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Families;

public static class FamilyFields
{
    public static void AddFamilyQueries(this ObjectGraphType query)
    {
        query.Field<FamilyType>("family")
            .Description("A family in the team around you: its members and everyone working with them.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowPractitioners("open a family's team")
            .RequireReach(ctx => [Reach.Family(Check.Id(ctx.GetArgument<string>("id"), "id"))])
            .Resolve(ctx => ctx.Loaders().FamiliesInReach.Load(ctx.GetArgument<string>("id")));
    }

    public static void AddFamilyMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<FamilyType>>("createFamily")
            .Description("Create a household around a client whose team you are in.")
            .Argument<NonNullGraphType<CreateFamilyInputType>>("input")
            .AllowPractitioners("create a household")
            .RequireReach(ctx => [Reach.Client(Check.Id(ctx.GetArgument<NewFamily>("input").FirstMemberId, "clientId"))])
            .ResolveAsync(async ctx => await ctx.Changes().CreateFamilyAsync(
                ctx.GetArgument<NewFamily>("input"), ctx.Viewer().ToActor(), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<ClientType>>("addFamilyMember")
            .Description("Add a client whose team you are in to a family around you.")
            .Argument<NonNullGraphType<IdGraphType>>("familyId")
            .Argument<NonNullGraphType<IdGraphType>>("clientId")
            .Argument<NonNullGraphType<StringGraphType>>("relationship")
            .AllowPractitioners("add a member to a household")
            .RequireReach(ctx =>
            [
                Reach.Family(Check.Id(ctx.GetArgument<string>("familyId"), "familyId")),
                Reach.Client(Check.Id(ctx.GetArgument<string>("clientId"), "clientId")),
            ])
            .ResolveAsync(async ctx => await ctx.Changes().AddFamilyMemberAsync(
                ctx.GetArgument<string>("familyId"), ctx.GetArgument<string>("clientId"),
                ctx.GetArgument<string>("relationship"), ctx.Viewer().ToActor(), ctx.CancellationToken));
    }
}

public sealed class CreateFamilyInputType : InputObjectGraphType<NewFamily>
{
    public CreateFamilyInputType()
    {
        Name = "CreateFamilyInput";
        Field(f => f.Name).Description("e.g. \"the Smith household\".");
        Field(f => f.Area).Description("The district or ward the household lives in.");
        Field("clientId", f => f.FirstMemberId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(f => f.Relationship).Description("How the client belongs to the household, e.g. \"parent\".");
    }
}
