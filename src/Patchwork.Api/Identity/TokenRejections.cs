using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Patchwork.Network;

namespace Patchwork.Api.Identity;

/// <summary>Why a bearer token was refused, in the words an operator looks for.</summary>
public enum TokenRejectionReason { Audience, Issuer, Expired, NotYetValid, UnknownKey, Algorithm, Signature, ProviderUnreachable, Client, Malformed, Other }

/// <summary>
/// Every refused token is logged once, at Warning, with its reason and never its contents: a 401 says only "sign in",
/// so the log is where an operator finds out that the audience, the issuer or the provider's keys are wrong.
/// </summary>
public sealed partial class TokenRejections(ILogger<TokenRejections> logger, Microsoft.Extensions.Options.IOptions<AuthOptions> options)
{
    /// <summary>Logs a token the bearer handler refused.</summary>
    public void Log(AuthenticationFailedContext context)
    {
        // The development key signs with HS256 on purpose; only a provider's tokens are held to the accepted list.
        var algorithmProblem = options.Value.UsesDevelopmentKey ? null : AlgorithmProblem(RawToken(context.Request));
        var (reason, detail) = algorithmProblem is not null
            ? (TokenRejectionReason.Algorithm, algorithmProblem)
            : Classify(context.Exception, context.Options.MetadataAddress);
        Rejected(logger, reason, detail);
    }

    /// <summary>Refuses a valid token issued to a client application that is not on <see cref="AuthOptions.AllowedClients"/>.</summary>
    public void RefuseUnknownClient(TokenValidatedContext context)
    {
        var auth = options.Value;
        if (auth.AllowedClients.Length == 0 || context.Principal is not { } principal)
        {
            return;
        }
        var client = ClientOf(principal);
        if (client is not null && auth.AllowedClients.Contains(client, StringComparer.Ordinal))
        {
            return;
        }
        Rejected(logger, TokenRejectionReason.Client, client is null
            ? "the token names no client application (azp, client_id or appid), and Auth:AllowedClients is set"
            : "it was issued to a client application that is not in Auth:AllowedClients");
        context.Fail("The token was issued to a client application this API does not accept.");
    }

    /// <summary>The application the token was issued to: OpenID Connect's azp, OAuth's client_id, or Entra ID v1's appid.</summary>
    public static string? ClientOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue("azp") ?? principal.FindFirstValue("client_id") ?? principal.FindFirstValue("appid");

    private static (TokenRejectionReason Reason, string Detail) Classify(Exception exception, string? metadataAddress) =>
        exception switch
        {
            _ when IsUnreachable(exception) => (TokenRejectionReason.ProviderUnreachable,
                $"the provider's discovery document or keys could not be fetched from {metadataAddress}"),
            SecurityTokenInvalidAudienceException => (TokenRejectionReason.Audience, "it was not issued for this API's audience (Auth:Audience)"),
            SecurityTokenInvalidIssuerException => (TokenRejectionReason.Issuer, "its issuer is not the provider at Auth:Authority"),
            SecurityTokenExpiredException => (TokenRejectionReason.Expired, "it has expired"),
            SecurityTokenNotYetValidException => (TokenRejectionReason.NotYetValid, "it is not valid yet (check the clocks)"),
            SecurityTokenInvalidAlgorithmException => (TokenRejectionReason.Algorithm, "its algorithm is not the one its key was published for"),
            SecurityTokenSignatureKeyNotFoundException => (TokenRejectionReason.UnknownKey,
                "it is signed with a key the provider does not publish, even after fetching its keys again"),
            SecurityTokenInvalidSignatureException => (TokenRejectionReason.Signature, "its signature does not verify with the provider's keys"),
            SecurityTokenMalformedException or ArgumentException => (TokenRejectionReason.Malformed, "it is not a well-formed JWT"),
            _ => (TokenRejectionReason.Other, exception.GetType().Name),
        };

    /// <summary>
    /// Without the provider's discovery document the token handler has no issuer and no keys to check against, and says
    /// so by its message ids (stable across versions): IDX10204 no valid issuer, IDX10500 no keys; IDX20803/20804 when
    /// the configuration manager's own failure surfaces.
    /// </summary>
    private static readonly string[] NothingFromTheProvider = ["IDX10204", "IDX10500", "IDX20803", "IDX20804"];

    private static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException || NothingFromTheProvider.Any(id => e.Message.Contains(id, StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    private static string? RawToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>
    /// Why the algorithm the token's header names is refused, if it is. Read first because a refused algorithm surfaces
    /// from the token handler as a signature or unknown-key error, which would send an operator the wrong way.
    /// </summary>
    private static string? AlgorithmProblem(string? token)
    {
        if (token is null)
        {
            return null;
        }
        try
        {
            return SigningAlgorithms.WhyRefused(new JsonWebToken(token).Alg);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return null; // not a JWT at all: the handler's own error says so
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a bearer token ({Reason}): {Detail}")]
    private static partial void Rejected(ILogger logger, TokenRejectionReason reason, string detail);
}
