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
/// <see cref="IDistributedCache"/> has no atomic "add if absent", so two deliveries of one event arriving at two
/// instances within the same few milliseconds can both run; sequential redeliveries (Telnyx's retry schedule) cannot.
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

    /// <inheritdoc />
    public async ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await _cache.RemoveAsync(KeyPrefix + eventId, cancellationToken).ConfigureAwait(false);
    }
}
