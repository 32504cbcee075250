using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Checks the store of the configured <see cref="ITelnyxWebhookDeduplicator"/>: one that implements
/// <see cref="IHealthCheck"/> checks itself (Redis: <c>PING</c> on its own connection; <c>IDistributedCache</c>: a
/// probe key written and read back); the in-memory one has no store and is always healthy. With
/// <see cref="TelnyxOptions.QueueWebhooks"/> the queue's lag is checked too: Degraded beyond
/// <see cref="TelnyxOptions.WebhookQueueLagThreshold"/>, the failure status when the queue cannot be read.
/// </summary>
internal sealed class TelnyxWebhookDeduplicationHealthCheck(ITelnyxWebhookDeduplicator? deduplicator, ITelnyxWebhookQueue? queue, TimeSpan lagThreshold) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = await CheckStoreAsync(context, cancellationToken).ConfigureAwait(false);
        if (queue is null || store.Status != HealthStatus.Healthy)
        {
            return store;
        }

        TelnyxWebhookQueueBacklog backlog;
        try
        {
            backlog = await queue.GetBacklogAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, "The webhook queue could not be read: " + ex.Message, ex);
        }

        var queued = $"{backlog.Length} queued event(s), the oldest {backlog.Lag.TotalSeconds:F1} s old; {backlog.DeadLetters} dead letter(s).";
        return backlog.Lag > lagThreshold
            ? HealthCheckResult.Degraded($"{store.Description} The webhook queue lags beyond {lagThreshold}: {queued}")
            : HealthCheckResult.Healthy($"{store.Description} {queued}");
    }

    private Task<HealthCheckResult> CheckStoreAsync(HealthCheckContext context, CancellationToken cancellationToken) => deduplicator switch
    {
        null => Task.FromResult(new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, "No ITelnyxWebhookDeduplicator is registered: call services.AddTelnyx(...) first.")),
        IHealthCheck store => store.CheckHealthAsync(context, cancellationToken),
        InMemoryTelnyxWebhookDeduplicator => Task.FromResult(HealthCheckResult.Healthy("Event ids are kept in this process: no store to check.")),
        _ => Task.FromResult(HealthCheckResult.Healthy($"{deduplicator.GetType().Name} does not implement IHealthCheck, so its store is not checked.")),
    };
}
