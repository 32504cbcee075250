using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Remembers handled event ids in this process for <see cref="TelnyxOptions.WebhookDeduplicationWindow"/> (10 minutes
/// by default), at most <see cref="TelnyxOptions.WebhookDeduplicationCapacity"/> of them (150,000 by default, about
/// 23 MiB with Telnyx's 36-character ids, measured in docs/performance.md), so its memory is bounded whatever the event
/// rate. Claims are atomic: two concurrent deliveries of one event run the handlers once. Not shared between app
/// instances; for several instances, or more than the capacity in one window, use the <c>Telnyx.Generated.AspNetCore.Redis</c> package.
/// </summary>
/// <remarks>
/// <para>
/// The window follows when Telnyx repeats a webhook: when an endpoint does not answer 200 it "will reattempt delivery at
/// the failover webhook URL", and identical webhooks are occasionally delivered twice; both arrive seconds to minutes
/// after the first delivery, not hours or days.
/// </para>
/// <para>
/// Handled ids are forgotten in the order they were handled: when their window ends, or, once the capacity is
/// reached, the oldest as each new one is remembered. So the newest ids are always remembered, and a copy runs the
/// handlers again only when it arrives after the window or after more than the capacity of newer events. Ids whose
/// handlers are still running are never forgotten and do not count against the capacity.
/// </para>
/// </remarks>
public sealed class InMemoryTelnyxWebhookDeduplicator : ITelnyxWebhookDeduplicator
{
    /// <summary>
    /// The default of <see cref="TelnyxOptions.WebhookDeduplicationCapacity"/>: 150,000 ids, which holds a full 10-minute
    /// window up to 250 events per second.
    /// </summary>
    public const int DefaultCapacity = 150_000;

    // An id whose handlers are running; a handled id maps to the UTC ticks its window ends.
    private const long Running = -1;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long Expires)> _handled = new(); // oldest first: every id waits the same window
    private readonly long _window;
    private readonly int _capacity;
    private readonly TimeProvider _time;

    /// <summary>Creates a de-duplicator with the window and capacity from the options.</summary>
    /// <param name="options">The Telnyx options (<see cref="TelnyxOptions.WebhookDeduplicationWindow"/>, <see cref="TelnyxOptions.WebhookDeduplicationCapacity"/>).</param>
    /// <param name="timeProvider">The clock; null for the system clock.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window or the capacity is not positive.</exception>
    public InMemoryTelnyxWebhookDeduplicator(IOptions<TelnyxOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value.WebhookDeduplicationWindow, TimeSpan.Zero, "TelnyxOptions.WebhookDeduplicationWindow");
        ArgumentOutOfRangeException.ThrowIfLessThan(value.WebhookDeduplicationCapacity, 1, "TelnyxOptions.WebhookDeduplicationCapacity");
        _window = value.WebhookDeduplicationWindow.Ticks;
        _capacity = value.WebhookDeduplicationCapacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many handled ids are remembered now.</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                return _handled.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_lock)
        {
            ForgetExpired(_time.GetUtcNow().UtcTicks);
            if (!_ids.TryAdd(eventId, Running))
            {
                return ValueTask.FromResult(false);
            }
        }

        return ValueTask.FromResult(true);
    }

    /// <summary>Remembers the id as handled for the window, forgetting the oldest handled id if the capacity is reached.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_lock)
        {
            var now = _time.GetUtcNow().UtcTicks;
            ForgetExpired(now);
            while (_handled.Count >= _capacity)
            {
                Forget(_handled.Dequeue());
            }

            _ids[eventId] = now + _window;
            _handled.Enqueue((eventId, now + _window));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_lock)
        {
            if (_ids.TryGetValue(eventId, out var state) && state == Running)
            {
                _ids.Remove(eventId);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void ForgetExpired(long now)
    {
        while (_handled.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            Forget(_handled.Dequeue());
        }
    }

    // Only if the id still means this entry: it may have been claimed again since (after its window, or completed twice).
    private void Forget((string Id, long Expires) entry)
    {
        if (_ids.TryGetValue(entry.Id, out var expires) && expires == entry.Expires)
        {
            _ids.Remove(entry.Id);
        }
    }
}
