using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Patchwork.Ports;

namespace Patchwork.Api.Health;

/// <summary>Ready when the store answers a query.</summary>
public sealed class StoreHealthCheck(IStoreLifecycle store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.IsReadyAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The store answers.")
                : HealthCheckResult.Unhealthy("The store does not answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store failed a query.", e);
        }
    }
}

public static class HealthExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddPatchworkHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
        return services;
    }

    /// <summary>Anonymous: live says the process runs, ready says it can serve (the store answers).</summary>
    public static IEndpointRouteBuilder MapPatchworkHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }
}
