using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Patchwork.Api.Hosting;

/// <summary>Per-user request budget: a token bucket per signed-in subject (per address before sign-in).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Requests a user may make per minute on average; 0 turns the limit off.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>How many requests a user may make at once, above the average.</summary>
    public int Burst { get; set; } = 60;
}

public static class RateLimiting
{
    public const string PerUser = "per-user";

    public static IServiceCollection AddPatchworkRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(PerUser, http => options.PermitsPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = Math.Max(1, options.PermitsPerMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static string PartitionKey(HttpContext http) =>
        http.User.FindFirst("sub")?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + http.Connection.RemoteIpAddress;

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
            $"Too many requests. Try again in {seconds} s.", cancellationToken);
    }
}
