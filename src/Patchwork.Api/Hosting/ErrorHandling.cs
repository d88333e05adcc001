namespace Patchwork.Api.Hosting;

public static class ErrorHandling
{
    /// <summary>Anything that escapes a handler becomes a plain 500 with the request id: no stack trace, no detail.</summary>
    public static IApplicationBuilder UsePatchworkErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(errors => errors.Run(async http =>
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsJsonAsync(new
            {
                errors = new[]
                {
                    new
                    {
                        message = $"Something went wrong on our side. Quote request id {http.TraceIdentifier} if you report it.",
                        extensions = new { code = "INTERNAL_SERVER_ERROR", requestId = http.TraceIdentifier },
                    },
                },
            });
        }));
}
