using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Patchwork.Api.Identity;
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
        // One instance, so the provider check remembers when it last asked the provider.
        services.AddSingleton<ProviderHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<ProviderHealthCheck>("identity-provider", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// Anonymous: live says the process runs, ready says it can serve (the store answers, the provider's keys are held),
    /// with each check's status and description, so whoever looks sees what is wrong.
    /// </summary>
    public static IEndpointRouteBuilder MapPatchworkHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteReportAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, http.RequestAborted);
}
