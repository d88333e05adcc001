using GraphQL;
using GraphQL.Validation.Rules.Custom;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Http;
using Patchwork.Api.Hosting;

namespace Patchwork.Api.GraphQL;

public static class GraphQLExtensions
{
    public static IServiceCollection AddPatchworkGraphQL(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var limits = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        var introspection = limits.Introspection ?? environment.IsDevelopment();
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SearchBudget>();
        services.AddSingleton<ResolverServices>();
        services.AddGraphQL(graphql =>
        {
            graphql
                .AddSchema<PatchworkSchema>()
                .AddGraphTypes(typeof(PatchworkSchema).Assembly)
                .AddSystemTextJson()
                // Suggested names ("Did you mean 'client'?") would give away what introspection keeps back.
                .AddErrorInfoProvider(new ErrorCodes(suggestNames: introspection))
                .UseMiddleware<AccessMiddleware>()
                .AddComplexityAnalyzer(c =>
                {
                    c.MaxDepth = limits.MaxDepth;
                    c.MaxComplexity = limits.MaxComplexity;
                    // Lists here are short (a team, a page of visits): 10 is closer to the truth than the default 20.
                    c.DefaultListImpactMultiplier = 10;
                    if (introspection)
                    {
                        c.ValidateComplexityDelegate = IntrospectionLimits.ExemptIntrospection;
                    }
                })
                .WithTimeout(limits.Timeout);
            if (!introspection)
            {
                graphql.AddValidationRule<NoIntrospectionValidationRule>();
            }
        });
        services.AddSingleton(limits);
        services.AddSingleton<ValidatedDocuments>();
        services.AddScoped<AuditLog>();
        services.AddScoped<GraphQLEndpoint>();
        return services;
    }

    public static IEndpointRouteBuilder MapPatchworkGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post],
            (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http))
            .RequireRateLimiting(RateLimiting.PerUser);
        return app;
    }
}
