namespace Patchwork.Api.Reports;

public static class ReportsExtensions
{
    /// <summary>The reports: their pseudonym key (checked at start-up), and the store's reports port.</summary>
    public static IServiceCollection AddPatchworkReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>()
            .BindConfiguration(ReportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<ReportGate>();
        // Each adapter implements the reports port beside the network store, in a partial of its own.
        services.AddSingleton(sp => sp.GetRequiredService<INetworkStore>() as INetworkReports
            ?? throw new InvalidOperationException("The configured store does not implement the reports port (INetworkReports)."));
        return services;
    }
}
