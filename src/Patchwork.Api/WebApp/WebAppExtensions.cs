using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Patchwork.Api.Identity;

namespace Patchwork.Api.WebApp;

public static class WebAppExtensions
{
    private const string OneYear = "public, max-age=31536000, immutable";

    /// <summary>
    /// The practitioner web app at <c>/</c>: a page and its assets, served from memory, pre-compressed. The app talks to
    /// the API only through <c>/graphql</c> with the user's bearer token; nothing here grants access to anything.
    /// </summary>
    public static IEndpointRouteBuilder MapPatchworkWebApp(this IEndpointRouteBuilder app)
    {
        var auth = app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
        var web = app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(WebAppOptions.Section).Get<WebAppOptions>()
            ?? new WebAppOptions();
        var assets = WebAppAssets.Load(typeof(WebAppExtensions).Assembly, WebAppPage.SignInSettings(auth, web));
        var policy = WebAppPage.ContentSecurityPolicy(auth);

        app.MapGet("/", (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = policy;
            return Serve(http, assets.Page, "no-cache");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/{version}/{*path}", (HttpContext http, string version, string path) =>
            version == assets.Version && assets.Find(path) is { } file
                ? Serve(http, file, OneYear)
                : Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, WebAppFile file, string cacheControl)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = file.ETag;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (http.Request.Headers.IfNoneMatch == file.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var (body, encoding) = Choose(http.Request, file);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }
        return Results.Bytes(body, file.ContentType);
    }

    /// <summary>Brotli when the browser takes it, then gzip, else the file as it is.</summary>
    private static (byte[] Body, string? Encoding) Choose(HttpRequest request, WebAppFile file)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding
            .Where(e => e.Quality is not 0)
            .Select(e => e.Value.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return accepted.Contains("br") ? (file.Brotli, "br")
            : accepted.Contains("gzip") ? (file.Gzip, "gzip")
            : (file.Plain, null);
    }
}
