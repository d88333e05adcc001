using System.ComponentModel.DataAnnotations;

namespace Patchwork.Api.Identity;

/// <summary>
/// Bearer-token validation. In production the API trusts an OpenID Connect provider through its discovery
/// document (<see cref="Authority"/>); in Development it may instead trust a local signing key, so the
/// demo works with no identity provider.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>The OpenID Connect issuer whose discovery document and keys are trusted.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Where to fetch the provider's discovery document when this server reaches the provider by another address than
    /// the issuer URL in the tokens (a container network): the document must still name <see cref="Authority"/> as its
    /// issuer. Empty: <see cref="Authority"/> + <c>/.well-known/openid-configuration</c>.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The audience every token must be issued for.</summary>
    [Required]
    public string Audience { get; set; } = "";

    /// <summary>The issuer expected when tokens are signed with the development key.</summary>
    public string DevelopmentIssuer { get; set; } = "patchwork-development";

    /// <summary>A symmetric key (at least 32 characters) for development tokens. Honoured only in Development.</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>
    /// The claim that carries role names: "roles" for Entra ID app roles, "realm_access.roles" for Keycloak realm
    /// roles (a dotted name reads an array inside a JSON claim).
    /// </summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The claim that names the signed-in user, matched against each practitioner's subject: "sub" for most providers,
    /// "oid" for Entra ID (whose "sub" differs per application, while its portal shows the object id).
    /// </summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>
    /// When not empty, only tokens issued to one of these client applications are accepted (the token's "azp", else
    /// "client_id", else Entra ID v1's "appid"), so another application registered at the same provider for the same
    /// audience cannot call the API.
    /// </summary>
    public string[] AllowedClients { get; set; } = [];

    /// <summary>Whether the provider's metadata must come over HTTPS; turn off only for a provider on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Set only by start-up: whether the host runs in the Development environment.</summary>
    internal bool IsDevelopment { get; set; }

    public bool UsesDevelopmentKey => IsDevelopment && !string.IsNullOrEmpty(DevelopmentSigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UsesDevelopmentKey && DevelopmentSigningKey!.Length < 32)
        {
            yield return new ValidationResult("Auth:DevelopmentSigningKey must be at least 32 characters.");
        }
        if (string.IsNullOrWhiteSpace(SubjectClaim))
        {
            yield return new ValidationResult("Set Auth:SubjectClaim to the claim that names the user (\"sub\", or \"oid\" with Entra ID).");
        }
        if (UsesDevelopmentKey)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(Authority))
        {
            yield return new ValidationResult(
                "Set Auth:Authority to your OpenID Connect provider's issuer URL (and Auth:Audience to this API's audience).");
            yield break;
        }
        foreach (var (name, address) in new[] { ("Auth:Authority", Authority), ("Auth:MetadataAddress", MetadataAddress) })
        {
            if (ProblemWith(name, address) is { } problem)
            {
                yield return new ValidationResult(problem);
            }
        }
    }

    /// <summary>
    /// The provider's keys decide who may sign in, so they must not come over a connection anyone on the way could
    /// alter. Without this check the bearer handler throws on every request, health checks included.
    /// </summary>
    private string? ProblemWith(string name, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"{name} must be an absolute https:// URL; \"{address}\" is not.";
        }
        return uri.Scheme == Uri.UriSchemeHttp && RequireHttpsMetadata && !IsDevelopment
            ? $"{name} is {address}, over plain HTTP: the provider's signing keys must come over HTTPS. Use the provider's "
                + "https:// address, or, only for a provider on this machine or a private container network, set "
                + "Auth:RequireHttpsMetadata=false."
            : null;
    }
}
