using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Checks the store of the configured <see cref="ITelnyxWebhookDeduplicator"/>: one that implements
/// <see cref="IHealthCheck"/> checks itself (Redis: <c>PING</c> on its own connection; <c>IDistributedCache</c>: a
/// probe key written and read back); the in-memory one has no store and is always healthy.
/// </summary>
internal sealed class TelnyxWebhookDeduplicationHealthCheck(ITelnyxWebhookDeduplicator? deduplicator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => deduplicator switch
    {
        null => Task.FromResult(new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, "No ITelnyxWebhookDeduplicator is registered: call services.AddTelnyx(...) first.")),
        IHealthCheck store => store.CheckHealthAsync(context, cancellationToken),
        InMemoryTelnyxWebhookDeduplicator => Task.FromResult(HealthCheckResult.Healthy("Event ids are kept in this process: no store to check.")),
        _ => Task.FromResult(HealthCheckResult.Healthy($"{deduplicator.GetType().Name} does not implement IHealthCheck, so its store is not checked.")),
    };
}
