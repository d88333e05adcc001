using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Clients;

public static class ClientFields
{
    private const int MaxSearchResults = 50;
    private const int MaxMyClients = 500;

    public static void AddClientQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientMatchType>>>>("searchClients")
            .WithComplexityImpact(20)
            .Description("Find clients by name (and date of birth). Shows minimal details only; every search is audited.")
            .Argument<NonNullGraphType<StringGraphType>>("query")
            .Argument<DateOnlyGraphType>("dateOfBirth")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .AllowPractitioners("search for clients")
            .Audited((ctx, result) => new AuditedRead(AuditAction.Search, Detail: SearchDetail(ctx, result)))
            .ResolveAsync(async ctx => await SearchAsync(ctx));

        query.Field<ClientType>("client")
            .Description("A client in the team around you, with their team, visits and contacts.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowPractitioners("open a client's team")
            .RequireReach(ctx => [Reach.Client(Check.Id(ctx.GetArgument<string>("id"), "id"))])
            .Resolve(ctx => ctx.Loaders().ClientsInReach.Load(ctx.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientType>>>>("myClients")
            .Description("The clients whose team you are in, by family name.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 100)
            .AllowPractitioners("list the clients whose team they are in")
            .ResolveAsync(async ctx =>
            {
                var first = ctx.PageSize("first", MaxMyClients);
                var clients = await ctx.Ports().Queries.GetMyClientsAsync(ctx.Viewer().ActivePractitioner!.Id, ctx.CancellationToken);
                return clients.Take(first).ToList();
            });
    }

    public static void AddClientMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ClientType>>("registerClient")
            .Description("Register a client who is not yet in Patchwork. You join their team, with the reason given.")
            .Argument<NonNullGraphType<RegisterClientInputType>>("input")
            .AllowPractitioners("register a client")
            .ResolveAsync(async ctx => await ctx.Changes().RegisterClientAsync(
                ctx.GetArgument<NewClient>("input"), ctx.Viewer().ToActor(), ctx.CancellationToken));
    }

    private static async Task<IReadOnlyList<ClientMatch>> SearchAsync(IResolveFieldContext ctx)
    {
        var text = Check.Text(ctx.GetArgument<string>("query"), "query", 100);
        var budget = ctx.Services().SearchBudget;
        budget.Admit(text, ctx.Request());
        var search = new ClientSearch(text, ctx.GetArgument<DateOnly?>("dateOfBirth"), ctx.PageSize("first", MaxSearchResults), ctx.Viewer().ActivePractitioner!.Id);
        var matches = await ctx.Ports().Queries.SearchClientsAsync(search, ctx.CancellationToken);
        budget.Spend(ctx.Viewer(), matches.Count);
        return matches;
    }

    private static string SearchDetail(IResolveFieldContext ctx, object? result)
    {
        var born = ctx.GetArgument<DateOnly?>("dateOfBirth") is { } dob ? $", born {dob:yyyy-MM-dd}" : "";
        var matches = result as IReadOnlyList<ClientMatch> ?? [];
        // Which clients it showed, so that "who has seen this client" includes seeing them in a search.
        return $"query \"{ctx.GetArgument<string>("query")}\"{born}: {matches.Count} results: {string.Join(", ", matches.Select(m => m.ClientId))}";
    }
}

public sealed class RegisterClientInputType : InputObjectGraphType<NewClient>
{
    public RegisterClientInputType()
    {
        Name = "RegisterClientInput";
        Field(c => c.GivenName);
        Field(c => c.FamilyName);
        Field(c => c.DateOfBirth);
        Field(c => c.Address);
        Field(c => c.Postcode);
        Field(c => c.NhsNumber, nullable: true);
        Field(c => c.Shielded).DefaultValue(false);
        Field(c => c.Reason).Description("Why you are working with this client; recorded, and shown to the team.");
    }
}
