using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Patchwork.Api.Identity;

public static class AuthenticationExtensions
{
    /// <summary>Bearer tokens from the configured OpenID Connect provider (or, in Development, the local key).</summary>
    public static IServiceCollection AddPatchworkAuthentication(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Configure(o => o.IsDevelopment = environment.IsDevelopment())
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => ConfigureBearer(jwt, auth.Value, environment));
        services.AddAuthorization();
        services.AddScoped<ViewerFactory>();
        services.AddSingleton<TokenRejections>();
        return services;
    }

    /// <summary>
    /// How soon the provider's keys may be fetched again after a token names a key the API does not hold, so a stream of
    /// made-up key ids cannot make the API hammer the provider. The fetch blocks that request and the token is then
    /// checked again (the runtime switch Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking, set in the project
    /// file): the first token signed with a rotated key is accepted, rather than refused while a background fetch runs.
    /// </summary>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromSeconds(30);

    private static void ConfigureBearer(JwtBearerOptions jwt, AuthOptions auth, IHostEnvironment environment)
    {
        // Keep claim names as issued ("sub", "roles"): the access rules read them by those names.
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata && !environment.IsDevelopment();
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.RefreshInterval = KeyRefreshInterval;
        // A provider that does not answer fails a request in seconds, not the default minute.
        jwt.BackchannelTimeout = TimeSpan.FromSeconds(10);
        jwt.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<TokenRejections>().Log(context);
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<TokenRejections>().RefuseUnknownClient(context);
                return Task.CompletedTask;
            },
        };
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = auth.Audience,
            ValidateIssuer = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "name",
            RoleClaimType = auth.RoleClaim,
            // Only asymmetric algorithms from the provider's keys, or the development key's HMAC.
            ValidAlgorithms = auth.UsesDevelopmentKey ? [SecurityAlgorithms.HmacSha256] : SigningAlgorithms.Accepted,
        };
        if (auth.UsesDevelopmentKey)
        {
            jwt.TokenValidationParameters.ValidIssuer = auth.DevelopmentIssuer;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(auth);
        }
        else
        {
            // A key the provider published for one algorithm is not used to check another.
            jwt.TokenValidationParameters.AlgorithmValidator = (algorithm, key, _, _) => SigningAlgorithms.Allows(algorithm, key);
            jwt.Authority = auth.Authority;
            if (!string.IsNullOrWhiteSpace(auth.MetadataAddress))
            {
                jwt.MetadataAddress = auth.MetadataAddress;
            }
        }
    }

    internal static SymmetricSecurityKey DevelopmentKey(AuthOptions auth) =>
        new(Encoding.UTF8.GetBytes(auth.DevelopmentSigningKey!));
}
