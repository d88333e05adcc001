using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Patchwork.Api.Identity;

/// <summary>
/// Whether the API can check tokens. Not ready while it holds no signing keys from the provider (every signed-in
/// request would be refused); degraded, but still ready, when it holds keys and the provider stops answering: tokens
/// already issued still verify with the keys fetched earlier, so taking the API out of service would refuse people who
/// can work. Either way the description says what is wrong.
/// </summary>
public sealed class ProviderHealthCheck(IOptionsMonitor<JwtBearerOptions> bearer, IOptions<AuthOptions> auth, TimeProvider time)
    : IHealthCheck, IDisposable
{
    /// <summary>
    /// The provider is asked at most this often, however often readiness is asked: the endpoint is anonymous, and must
    /// not let anyone turn it into a stream of requests to the provider.
    /// </summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private DateTimeOffset _probedAt = DateTimeOffset.MinValue;
    private string? _problem;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (auth.Value.UsesDevelopmentKey)
        {
            return HealthCheckResult.Healthy("Tokens are checked with the development key.");
        }
        var jwt = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        try
        {
            await jwt.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(
                $"No signing keys from the identity provider at {jwt.MetadataAddress} yet, so every signed-in request is refused.");
        }
        return await ProblemAsync(jwt, cancellationToken) is { } problem
            ? HealthCheckResult.Degraded($"The identity provider at {jwt.MetadataAddress} does not answer ({problem}). Tokens "
                + "still verify with the keys fetched earlier, but nobody can sign in anew and a rotated key cannot be fetched.")
            : HealthCheckResult.Healthy("The identity provider answers.");
    }

    private async Task<string?> ProblemAsync(JwtBearerOptions jwt, CancellationToken cancellationToken)
    {
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _probedAt >= ProbeInterval)
            {
                _problem = await ProbeAsync(jwt, cancellationToken);
                _probedAt = time.GetUtcNow();
            }
            return _problem;
        }
        finally
        {
            _probing.Release();
        }
    }

    /// <summary>Asks for the discovery document, as the bearer handler does, over the same client.</summary>
    private static async Task<string?> ProbeAsync(JwtBearerOptions jwt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await jwt.Backchannel.GetAsync(jwt.MetadataAddress, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {ProbeTimeout.TotalSeconds:0} s";
        }
    }

    public void Dispose() => _probing.Dispose();
}
