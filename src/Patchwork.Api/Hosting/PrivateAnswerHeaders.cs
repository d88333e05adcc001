namespace Patchwork.Api.Hosting;

/// <summary>
/// Answers at <c>/graphql</c> and <c>/reports/…</c> carry personal data: no cache (browser, proxy or CDN) may keep
/// them, and no browser may read them as another type than they say. The headers are set as each answer starts, so
/// an error answer written anywhere (authentication, the rate limiter, the exception handler) carries them too.
/// </summary>
public static class PrivateAnswerHeaders
{
    public static IApplicationBuilder UsePatchworkPrivateAnswers(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/graphql") || http.Request.Path.StartsWithSegments("/reports"))
            {
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.CacheControl = "no-store";
                    http.Response.Headers.XContentTypeOptions = "nosniff";
                    return Task.CompletedTask;
                });
            }
            return next(http);
        });
}
