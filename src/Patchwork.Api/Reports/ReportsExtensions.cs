namespace Patchwork.Api.Reports;

public static class ReportsExtensions
{
    /// <summary>The reports: their pseudonym key (checked at start-up); the store's reports port is registered with the store.</summary>
    public static IServiceCollection AddPatchworkReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>()
            .BindConfiguration(ReportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<ReportGate>();
        return services;
    }
}
