using Microsoft.Extensions.Options;
using Patchwork.Api.GraphQL;
using Patchwork.Api.Health;
using Patchwork.Api.Hosting;
using Patchwork.Api.Identity;
using Patchwork.Api.Moving;
using Patchwork.Api.Reports;
using Patchwork.Api.Seeding;
using Patchwork.Api.Storage;
using Patchwork.Api.WebApp;

var isCommand = SeedCommand.IsRequested(args) || Neo4jSchemaCommand.IsRequested(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
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
    if (Neo4jSchemaCommand.IsRequested(args))
    {
        return await Neo4jSchemaCommand.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
    }
    if (SeedCommand.IsRequested(args))
    {
        // Loading a network needs only the store: sign-in settings may not exist yet on a new server.
        await app.Services.InitializePatchworkStorageAsync(app.Lifetime.ApplicationStopping);
        return await SeedCommand.RunAsync(app.Services, args, app.Lifetime.ApplicationStopping);
    }
    if (MoveCommand.IsRequested(args))
    {
        // A move opens both stores itself, each from its own settings; it needs no sign-in settings either.
        return await MoveCommand.RunAsync(app.Services, args, app.Lifetime.ApplicationStopping);
    }
    // Check every options class now, so a misconfiguration is reported before anything starts.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.Services.InitializePatchworkStorageAsync(app.Lifetime.ApplicationStopping);
    await app.Services.SeedDemoNetworkAsync(app.Lifetime.ApplicationStopping);

    app.UsePatchworkRequestLogging();
    app.UsePatchworkPrivateAnswers();
    app.UsePatchworkErrors();
    app.UseAuthentication();
    app.UseRateLimiter();
    app.MapPatchworkHealth();
    app.MapDevelopmentSignIn(app.Environment);
    app.MapPatchworkGraphQL();
    app.MapPatchworkWebApp();
    app.MapPatchworkReportExports();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException
    || e is AggregateException all && all.InnerExceptions.All(inner => inner is OptionsValidationException))
{
    // A misconfiguration stops start-up with what to set (every setting at once), not a stack trace.
    var failures = (e as AggregateException)?.InnerExceptions.Cast<OptionsValidationException>() ?? [(OptionsValidationException)e];
    await Console.Error.WriteLineAsync($"Patchwork cannot start: {string.Join(" ", failures.SelectMany(f => f.Failures))}");
    return 1;
}

public partial class Program;
