using System.Text.Json;
using Patchwork.Api.Identity;

namespace Patchwork.Api.WebApp;

/// <summary>
/// What the page tells the app about signing in, and the Content-Security-Policy that goes with it. The settings are
/// written into the page itself (as JSON data, not script), so the app needs no extra request before it can start.
/// </summary>
internal static class WebAppPage
{
    public static string SignInSettings(AuthOptions auth, WebAppOptions web)
    {
        object settings = auth.UsesDevelopmentKey
            ? new { mode = "development" }
            : string.IsNullOrWhiteSpace(web.ClientId) || string.IsNullOrWhiteSpace(auth.Authority)
                ? new { mode = "unavailable" }
                : new
                {
                    mode = "oidc",
                    authority = auth.Authority!.TrimEnd('/'),
                    clientId = web.ClientId,
                    scope = web.Scope,
                    resource = string.IsNullOrWhiteSpace(web.Resource) ? null : web.Resource,
                };
        // The default encoder escapes <, > and &, so the JSON cannot close the element it sits in.
        return JsonSerializer.Serialize(settings);
    }

    /// <summary>Scripts, styles and images from this origin only, no inline script; calls to the API and, when set, to the provider.</summary>
    public static string ContentSecurityPolicy(AuthOptions auth)
    {
        var provider = !auth.UsesDevelopmentKey && Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority)
            ? " " + authority.GetLeftPart(UriPartial.Authority)
            : "";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
            + $"connect-src 'self'{provider}; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
