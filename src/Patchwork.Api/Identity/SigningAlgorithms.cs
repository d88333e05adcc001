using Microsoft.IdentityModel.Tokens;

namespace Patchwork.Api.Identity;

/// <summary>
/// Which token signatures the API accepts from an OpenID Connect provider: the asymmetric algorithms that .NET's token
/// stack verifies. A provider picks among them (its keys say which); anything else is refused with a reason an
/// operator can act on.
/// </summary>
public static class SigningAlgorithms
{
    public static readonly IReadOnlyList<string> Accepted =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private const string Remedy = "have the provider sign access tokens with RS256, PS256 or ES256";

    /// <summary>
    /// Whether a token signed with <paramref name="algorithm"/> may be checked with <paramref name="key"/>: the algorithm
    /// is accepted, and when the provider published the key for one algorithm ("alg" in its JWKS entry), it is that one.
    /// </summary>
    public static bool Allows(string algorithm, SecurityKey key) =>
        Accepted.Contains(algorithm, StringComparer.Ordinal)
        && (key is not JsonWebKey { Alg: { Length: > 0 } published } || published == algorithm);

    /// <summary>Why a token whose header names this algorithm is refused, or null when the algorithm is accepted.</summary>
    public static string? WhyRefused(string? algorithm) => algorithm switch
    {
        _ when algorithm is not null && Accepted.Contains(algorithm, StringComparer.Ordinal) => null,
        null or "" => "the token names no signing algorithm",
        "none" => "the token is unsigned (alg \"none\")",
        "EdDSA" => $"EdDSA is not supported by .NET's token validation (Microsoft.IdentityModel); {Remedy}",
        "HS256" or "HS384" or "HS512" =>
            $"{algorithm} is a shared-secret algorithm: whoever holds the secret could sign tokens as anyone; {Remedy}",
        _ => $"the algorithm is not one Patchwork accepts ({string.Join(", ", Accepted)})",
    };
}
