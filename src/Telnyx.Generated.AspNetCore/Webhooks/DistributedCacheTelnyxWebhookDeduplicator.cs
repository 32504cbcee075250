using Microsoft.Extensions.Caching.Distributed;
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
/// <c>AddTelnyxRedisWebhookDeduplication</c> from the <c>Telnyx.Generated.AspNetCore.Redis</c> package instead: its
/// claim is atomic and expires after a lease.
/// </remarks>
public sealed class DistributedCacheTelnyxWebhookDeduplicator : ITelnyxWebhookDeduplicator
{
    /// <summary>The prefix of the cache keys, followed by the event id.</summary>
    public const string KeyPrefix = "telnyx:webhook:";

    private static readonly byte[] Seen = [1];
    private readonly IDistributedCache _cache;
    private readonly TimeSpan _window;

    /// <summary>Creates a de-duplicator over <paramref name="cache"/>.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="options">The Telnyx options (<see cref="TelnyxOptions.WebhookDeduplicationWindow"/>).</param>
    public DistributedCacheTelnyxWebhookDeduplicator(IDistributedCache cache, IOptions<TelnyxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _window = options.Value.WebhookDeduplicationWindow;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var key = KeyPrefix + eventId;
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await _cache.SetAsync(key, Seen, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _window }, cancellationToken).ConfigureAwait(false);
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
        await _cache.RemoveAsync(KeyPrefix + eventId, cancellationToken).ConfigureAwait(false);
    }
}
