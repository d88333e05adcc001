using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Identity;

/// <summary>
/// Sign-in for the demo: lists the demo accounts and issues tokens signed with the development key.
/// Mapped only in the Development environment, so it answers 404 anywhere else.
/// </summary>
public static class DevelopmentSignIn
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public sealed record TokenRequest(string? Email);

    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return app;
        }
        var group = app.MapGroup("/dev").AllowAnonymous();
        group.MapGet("/users", (DemoAccountList accounts) => accounts.All.Select(a =>
            new { a.Email, a.Role, a.PractitionerId, a.Name, a.Job, a.Agency }));
        group.MapPost("/token", IssueToken);
        return app;
    }

    private static async Task<IResult> IssueToken(HttpContext http, DemoAccountList accounts, IOptions<AuthOptions> options, TimeProvider time)
    {
        TokenRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<TokenRequest>(http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException or IOException)
        {
            return Results.BadRequest(new { error = "Send {\"email\": \"…\"} as application/json." });
        }
        var account = accounts.All.FirstOrDefault(a =>
            string.Equals(a.Email, request?.Email, StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            return Results.BadRequest(new { error = "Unknown demo account: use an email listed by GET /dev/users." });
        }
        var auth = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.DevelopmentIssuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(Lifetime),
            Subject = new ClaimsIdentity(
            [
                new Claim(auth.SubjectClaim, account.Subject),
                new Claim("email", account.Email),
                new Claim("name", account.Email),
                new Claim(auth.RoleClaim, account.Role),
            ]),
            SigningCredentials = new SigningCredentials(
                AuthenticationExtensions.DevelopmentKey(auth), SecurityAlgorithms.HmacSha256),
        });
        return Results.Ok(new { token });
    }
}

/// <summary>The demo accounts of the demo network, worked out once from its fixed seed.</summary>
public sealed class DemoAccountList(IReadOnlyList<DemoAccount> all)
{
    public IReadOnlyList<DemoAccount> All { get; } = all;
}
