using Serilog;
using Serilog.Formatting.Compact;

namespace Patchwork.Api.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog as the host's only sink: structured console logs always (JSON outside Development, text in it),
    /// and Seq as well when Seq:ServerUrl is set. Each host logs through a logger of its own, leaving Serilog's
    /// process-wide one alone, so hosts sharing a process (the tests run many) keep their lines apart; sinks and filters
    /// registered as services join in, which is how a test host holds back the errors it provokes and counts them.
    /// </summary>
    public static WebApplicationBuilder AddPatchworkLogging(this WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "Patchwork.Api");
            if (isDevelopment)
            {
                logger.WriteTo.Console();
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            if (builder.Configuration["Seq:ServerUrl"] is { Length: > 0 } seqUrl)
            {
                logger.WriteTo.Seq(seqUrl, apiKey: builder.Configuration["Seq:ApiKey"]);
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request, with the status the caller got. Placed outside the error handler, so a failure is logged
    /// once, by the handler with its stack trace and the request id, and here only as the 500 it became. Written
    /// through this host's logger: Serilog's process-wide one is left alone (see <see cref="AddPatchworkLogging"/>).
    /// </summary>
    public static IApplicationBuilder UsePatchworkRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
}
