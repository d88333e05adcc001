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
        return services;
    }

    private static void ConfigureBearer(JwtBearerOptions jwt, AuthOptions auth, IHostEnvironment environment)
    {
        // Keep claim names as issued ("sub", "roles"): the access rules read them by those names.
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata && !environment.IsDevelopment();
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
            ValidAlgorithms = auth.UsesDevelopmentKey ? [SecurityAlgorithms.HmacSha256] : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
        };
        if (auth.UsesDevelopmentKey)
        {
            jwt.TokenValidationParameters.ValidIssuer = auth.DevelopmentIssuer;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(auth);
        }
        else
        {
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
