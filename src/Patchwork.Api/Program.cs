using Microsoft.Extensions.Options;
using Patchwork.Api.GraphQL;
using Patchwork.Api.Health;
using Patchwork.Api.Hosting;
using Patchwork.Api.Identity;
using Patchwork.Api.Reports;
using Patchwork.Api.Seeding;
using Patchwork.Api.Storage;
using Serilog;

var builder = WebApplication.CreateBuilder(SeedCommand.IsRequested(args) ? [] : args);
builder.AddPatchworkLogging();
builder.Services
    .AddPatchworkStorage()
    .AddPatchworkAuthentication(builder.Environment)
    .AddPatchworkGraphQL(builder.Configuration, builder.Environment)
    .AddPatchworkReports()
    .AddPatchworkRateLimiting(builder.Configuration)
    .AddPatchworkHealth()
    .AddPatchworkDemo();

var app = builder.Build();
try
{
    if (SeedCommand.IsRequested(args))
    {
        // Loading a network needs only the store: sign-in settings may not exist yet on a new server.
        await app.Services.InitializePatchworkStorageAsync(app.Lifetime.ApplicationStopping);
        return await SeedCommand.RunAsync(app.Services, args, app.Lifetime.ApplicationStopping);
    }
    // Check every options class now, so a misconfiguration is reported before anything starts.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.Services.InitializePatchworkStorageAsync(app.Lifetime.ApplicationStopping);
    await app.Services.SeedDemoNetworkAsync(app.Lifetime.ApplicationStopping);

    app.UsePatchworkErrors();
    app.UseSerilogRequestLogging();
    app.UseAuthentication();
    app.UseRateLimiter();
    app.MapPatchworkHealth();
    app.MapDevelopmentSignIn(app.Environment);
    app.MapPatchworkGraphQL();
    app.MapPatchworkReportExports();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    // A misconfiguration stops start-up with what to set, not a stack trace.
    await Console.Error.WriteLineAsync($"Patchwork cannot start: {string.Join(" ", invalid.Failures)}");
    return 1;
}
catch (AggregateException invalid) when (invalid.InnerExceptions.All(e => e is OptionsValidationException))
{
    // Several options classes are wrong at once: say everything that needs setting.
    var failures = invalid.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
    await Console.Error.WriteLineAsync($"Patchwork cannot start: {string.Join(" ", failures)}");
    return 1;
}

public partial class Program;
