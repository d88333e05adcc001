using Microsoft.AspNetCore.Diagnostics;

namespace Patchwork.Api.Hosting;

public static class ErrorHandling
{
    /// <summary>Anything that escapes a handler becomes a plain 500 with the request id: no stack trace, no detail.</summary>
    public static IApplicationBuilder UsePatchworkErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(errors => errors.Run(async http =>
        {
            // A request the server could not read (broken framing, a body cut short) is the client's error.
            var unreadable = http.Features.Get<IExceptionHandlerFeature>()?.Error as BadHttpRequestException;
            await (unreadable is null
                ? ErrorResponses.WriteAsync(http, StatusCodes.Status500InternalServerError, "INTERNAL_SERVER_ERROR",
                    $"Something went wrong on our side. Quote request id {http.TraceIdentifier} if you report it.", http.RequestAborted)
                : ErrorResponses.WriteAsync(http, unreadable.StatusCode, "BAD_REQUEST", "The request could not be read.", http.RequestAborted));
        }));
}
