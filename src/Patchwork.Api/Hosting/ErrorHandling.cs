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
            http.Response.StatusCode = unreadable?.StatusCode ?? StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsJsonAsync(new
            {
                errors = new[]
                {
                    new
                    {
                        message = unreadable is null
                            ? $"Something went wrong on our side. Quote request id {http.TraceIdentifier} if you report it."
                            : "The request could not be read.",
                        extensions = new { code = unreadable is null ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", requestId = http.TraceIdentifier },
                    },
                },
            });
        }));
}
