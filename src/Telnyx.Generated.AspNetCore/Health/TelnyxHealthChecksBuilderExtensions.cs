using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telnyx.Generated.AspNetCore;

// In the DI namespace, like AddCheck, so `.AddTelnyxWebhookDeduplication()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of the Telnyx webhook de-duplication store.</summary>
public static class TelnyxHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks the store of the registered <see cref="ITelnyxWebhookDeduplicator"/>: with Redis
    /// (<c>AddTelnyxRedis</c>), a <c>PING</c> on the connection the de-duplicator uses; with
    /// <c>AddTelnyxDistributedWebhookDeduplication</c>, a probe key written to the <c>IDistributedCache</c> and read back;
    /// in memory, always healthy. A de-duplicator of your own is checked when it implements <see cref="IHealthCheck"/>.
    /// While the store is down the webhook endpoint answers 500 and Telnyx delivers again, so a failing check means
    /// webhooks are waiting, not lost.
    /// </summary>
    /// <param name="builder">The builder from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported when the store fails or does not answer in time; null for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags for filtering checks, for example <c>["ready"]</c>.</param>
    /// <param name="timeout">How long the store may take to answer before the check reports <paramref name="failureStatus"/>; null for no limit beyond the store client's own (5 s for StackExchange.Redis).</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHealthChecksBuilder AddTelnyxWebhookDeduplication(
        this IHealthChecksBuilder builder,
        string name = "telnyx-webhook-deduplication",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new TelnyxWebhookDeduplicationHealthCheck(provider.GetService<ITelnyxWebhookDeduplicator>()),
            failureStatus,
            tags,
            timeout));
    }
}
