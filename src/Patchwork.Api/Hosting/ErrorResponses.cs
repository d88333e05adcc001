namespace Patchwork.Api.Hosting;

/// <summary>Errors answered outside GraphQL execution, in the same shape as a GraphQL error and with the request id.</summary>
public static class ErrorResponses
{
    public static Task WriteAsync(HttpContext http, int status, string code, string message, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            errors = new[] { new { message, extensions = new { code, requestId = http.TraceIdentifier } } },
        }, cancellationToken);
    }
}
