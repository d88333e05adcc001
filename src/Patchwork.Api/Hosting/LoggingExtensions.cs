using Serilog;
using Serilog.Formatting.Compact;

namespace Patchwork.Api.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog as the host's only sink: structured console logs always (JSON outside Development, text in it),
    /// and Seq as well when Seq:ServerUrl is set.
    /// </summary>
    public static WebApplicationBuilder AddPatchworkLogging(this WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
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
        });
        return builder;
    }
}
