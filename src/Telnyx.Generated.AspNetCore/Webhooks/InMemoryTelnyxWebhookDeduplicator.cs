using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Remembers event ids in this process for <see cref="TelnyxOptions.WebhookDeduplicationWindow"/>. Claims are atomic,
/// so two concurrent deliveries of one event run the handlers once. Not shared between app instances.
/// </summary>
public sealed class InMemoryTelnyxWebhookDeduplicator : ITelnyxWebhookDeduplicator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private long _nextSweepTicks;

    /// <summary>Creates a de-duplicator with the window from the options.</summary>
    /// <param name="options">The Telnyx options (<see cref="TelnyxOptions.WebhookDeduplicationWindow"/>).</param>
    /// <param name="timeProvider">The clock; null for the system clock.</param>
    public InMemoryTelnyxWebhookDeduplicator(IOptions<TelnyxOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _window = options.Value.WebhookDeduplicationWindow;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = _time.GetUtcNow();
        SweepIfDue(now);
        var expiry = now + _window;
        while (true)
        {
            if (_expiries.TryAdd(eventId, expiry))
            {
                return ValueTask.FromResult(true);
            }

            if (_expiries.TryGetValue(eventId, out var seen))
            {
                if (seen > now)
                {
                    return ValueTask.FromResult(false);
                }

                // Expired: take it over only if nobody else did in between.
                if (_expiries.TryUpdate(eventId, expiry, seen))
                {
                    return ValueTask.FromResult(true);
                }
            }
        }
    }

    /// <summary>Nothing to do: the claim already lasts the whole window, and it dies with the process.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        _expiries.TryRemove(eventId, out _);
        return ValueTask.CompletedTask;
    }

    // Expired ids are dropped at most once a minute, so memory stays bounded by the events of one window.
    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerMinute, due) != due)
        {
            return;
        }

        foreach (var entry in _expiries)
        {
            if (entry.Value <= now)
            {
                _expiries.TryRemove(entry);
            }
        }
    }
}
