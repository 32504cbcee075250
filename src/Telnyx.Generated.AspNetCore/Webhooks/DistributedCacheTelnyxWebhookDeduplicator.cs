using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Remembers event ids in an <see cref="IDistributedCache"/> (Redis, SQL Server, ...) for
/// <see cref="TelnyxOptions.WebhookDeduplicationWindow"/>, so every app instance sees the same ids. Register with
/// <c>services.AddTelnyxDistributedWebhookDeduplication()</c> after adding a cache, for example
/// <c>services.AddStackExchangeRedisCache(o =&gt; o.Configuration = "localhost:6379")</c>.
/// </summary>
/// <remarks>
/// Best effort, for caches other than Redis. <see cref="IDistributedCache"/> has no atomic "add if absent": the claim
/// reads the key, then writes it, so two copies of one event reaching two instances at the same moment can both run
/// their handlers (measured over Redis with two instances: 143 to 191 of 200 simultaneous pairs ran twice). Copies seconds apart,
/// like Telnyx's redeliveries, are recognised. The claim lasts the whole window, so an instance that dies mid-handler
/// leaves the event marked and its redeliveries skipped until the window ends. With Redis, use
/// <c>AddTelnyxRedis</c> from the <c>Telnyx.Generated.AspNetCore.Redis</c> package instead: its
/// claim is atomic and expires after a lease. Each cache call is a child span of the delivery's span
/// (<c>get</c>, <c>set</c>, <c>remove</c>); <see cref="CheckHealthAsync"/> writes and reads back a probe key.
/// </remarks>
public sealed class DistributedCacheTelnyxWebhookDeduplicator : ITelnyxWebhookDeduplicator, IHealthCheck
{
    /// <summary>The prefix of the cache keys, followed by the event id.</summary>
    public const string KeyPrefix = "telnyx:webhook:";

    private static readonly byte[] Seen = [1];
    private readonly IDistributedCache _cache;
    private readonly TimeSpan _window;
    private readonly string _store;
    private readonly string _probeKey = KeyPrefix + "health:" + Guid.NewGuid().ToString("N");

    /// <summary>Creates a de-duplicator over <paramref name="cache"/>.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="options">The Telnyx options (<see cref="TelnyxOptions.WebhookDeduplicationWindow"/>).</param>
    public DistributedCacheTelnyxWebhookDeduplicator(IDistributedCache cache, IOptions<TelnyxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _window = options.Value.WebhookDeduplicationWindow;
        _store = cache.GetType().Name;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var key = KeyPrefix + eventId;
        var seen = await Traced("get", () => _cache.GetAsync(key, cancellationToken)).ConfigureAwait(false);
        if (seen is not null)
        {
            return false;
        }

        await Traced("set", () => _cache.SetAsync(key, Seen, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _window }, cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>Nothing to do: the claim already lasts the whole window.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await Traced("remove", () => _cache.RemoveAsync(KeyPrefix + eventId, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a probe key (this instance's own, expiring after a minute) and reads it back: healthy when the cache
    /// returns what was written, the registration's failure status when it fails or returns something else.
    /// </summary>
    /// <param name="context">The health check's context.</param>
    /// <param name="cancellationToken">Cancelled when the check's timeout passes.</param>
    /// <returns>The result.</returns>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var probe = Guid.NewGuid().ToByteArray();
        try
        {
            await _cache.SetAsync(_probeKey, probe, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) }, cancellationToken).ConfigureAwait(false);
            var read = await _cache.GetAsync(_probeKey, cancellationToken).ConfigureAwait(false);
            return read.AsSpan().SequenceEqual(probe)
                ? HealthCheckResult.Healthy($"{_store} returned the probe key it was given.")
                : new HealthCheckResult(failure, $"{_store} did not return the probe key it was given.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(failure, $"{_store} failed: {ex.Message}", ex);
        }
    }

    private async Task<T> Traced<T>(string operation, Func<Task<T>> call)
    {
        using var activity = TelnyxWebhookTelemetry.StartStoreCall(operation, null, _store);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            TelnyxWebhookTelemetry.StoreCallFailed(activity, ex);
            throw;
        }
    }

    private Task<bool> Traced(string operation, Func<Task> call) => Traced(operation, async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });
}
