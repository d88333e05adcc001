namespace Patchwork.Api.WebApp;

/// <summary>
/// How the practitioner web app signs users in outside Development: as a public OpenID Connect client of the
/// provider at <c>Auth:Authority</c>, with the authorization code flow and PKCE, run in the browser.
/// </summary>
public sealed class WebAppOptions
{
    public const string Section = "WebApp";

    /// <summary>The web app's client id at the provider: a public client (no secret) allowed to redirect to this site's <c>/</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// The scopes asked for. The access token issued must carry <c>Auth:Audience</c> and the role claim; with Entra ID
    /// add the API's scope (e.g. <c>api://patchwork-api/access</c>).
    /// </summary>
    public string Scope { get; set; } = "openid profile email";

    /// <summary>
    /// When set, the <c>resource</c> the app names in its authorization and token requests (RFC 8707), for providers
    /// that issue an access token for the API only when asked for it by its resource URI (e.g. <c>https://patchwork.example.org</c>).
    /// </summary>
    public string? Resource { get; set; }
}
