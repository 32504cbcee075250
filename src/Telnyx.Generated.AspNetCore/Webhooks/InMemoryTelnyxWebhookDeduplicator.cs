using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Remembers handled event ids in this process, in a size-limited <see cref="MemoryCache"/>, for
/// <see cref="TelnyxOptions.WebhookDeduplicationWindow"/> (10 minutes by default) and at most <c>capacity</c> ids
/// (<see cref="DefaultCapacity"/>, about 35 MiB), so its memory is bounded whatever the event rate. Claims are atomic:
/// two concurrent deliveries of one event run the handlers once. Not shared between app instances; for several
/// instances, or more than <c>capacity</c> events per window, use the <c>Telnyx.Generated.AspNetCore.Redis</c> package.
/// </summary>
/// <remarks>
/// <para>
/// The window follows when Telnyx repeats a webhook: when an endpoint does not answer 200 it "will reattempt delivery at
/// the failover webhook URL", and identical webhooks are occasionally delivered twice; both arrive seconds to minutes
/// after the first delivery, not hours or days. Ten minutes covers that with margin; at a steady rate it holds 144 times
/// fewer ids than the 24 hours of earlier versions.
/// </para>
/// <para>
/// Eviction: an id is forgotten when its window ends; and each time the cache reaches 90% of <c>capacity</c>, a tenth
/// of the ids go, the least recently seen first (the oldest handled, unless a copy of it arrived since). A copy of a
/// forgotten id runs the handlers again, so a late duplicate can run twice only when it arrives after the window, or
/// after more than about 80% of <c>capacity</c> newer events. Ids whose handlers are still running are never evicted.
/// When events outrun the background compaction, the caller that finds the cache full compacts it on its own thread,
/// so the newest id is always remembered.
/// </para>
/// </remarks>
public sealed class InMemoryTelnyxWebhookDeduplicator : ITelnyxWebhookDeduplicator, IDisposable
{
    /// <summary>
    /// The default number of handled ids remembered: 150,000, about 35 MiB with Telnyx's 36-character ids (measured
    /// in docs/performance.md). That holds a full 10-minute window up to 250 events per second.
    /// </summary>
    public const int DefaultCapacity = 150_000;

    // The cache compacts itself only once it is full, and then rejects what is added until that compaction ends: the
    // newest ids, the likeliest to be repeated. Compacting from 90% leaves the last tenth free while it runs.
    private const double CompactFrom = 0.9;
    private const double CompactionFraction = 0.1;

    private static readonly object Handled = new();

    // Claims of events whose handlers are running. The atomic TryAdd is what makes two concurrent copies run once; the
    // cache has no atomic add-if-absent. It holds one entry per request in progress, so it needs no bound of its own.
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);
    private readonly MemoryCache _handled;
    private readonly MemoryCacheEntryOptions _entry;
    private readonly int _compactAt;
    private readonly int _countEvery;
    private readonly Action<Action> _background;
    private readonly Lock _full = new();
    private int _completed;
    private int _compacting;

    /// <summary>Creates a de-duplicator with the window from the options.</summary>
    /// <param name="options">The Telnyx options (<see cref="TelnyxOptions.WebhookDeduplicationWindow"/>).</param>
    /// <param name="timeProvider">The clock; null for the system clock.</param>
    /// <param name="capacity">The most handled ids remembered; <see cref="DefaultCapacity"/> by default.</param>
    public InMemoryTelnyxWebhookDeduplicator(IOptions<TelnyxOptions> options, TimeProvider? timeProvider = null, int capacity = DefaultCapacity)
        : this(options, timeProvider, capacity, static compact => ThreadPool.UnsafeQueueUserWorkItem(static c => c(), compact, preferLocal: false))
    {
    }

    /// <summary>Tests pass a <paramref name="background"/> that runs the compaction at once, to see what it evicts.</summary>
    internal InMemoryTelnyxWebhookDeduplicator(IOptions<TelnyxOptions> options, TimeProvider? timeProvider, int capacity, Action<Action> background)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 10);
        var time = timeProvider ?? TimeProvider.System;
        _handled = new MemoryCache(Options.Create(new MemoryCacheOptions
        {
            SizeLimit = capacity,
            CompactionPercentage = CompactionFraction,
            Clock = time == TimeProvider.System ? null : new CacheClock(time),
        }));
        _entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.WebhookDeduplicationWindow };
        _compactAt = (int)(capacity * CompactFrom);
        _countEvery = Math.Max(1, capacity / 100); // counting takes every lock of the cache's dictionary: once per 1% of it
        _background = background;
    }

    /// <summary>How many handled ids are remembered now (expired ones included until they are swept).</summary>
    internal int Count => _handled.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);

        if (_handled.TryGetValue(eventId, out _) || !_running.TryAdd(eventId, 0))
        {
            return ValueTask.FromResult(false);
        }

        // A copy may have completed between the look and the claim: CompleteAsync marks the id handled before it drops
        // its claim, so a second look sees it.
        if (_handled.TryGetValue(eventId, out _))
        {
            _running.TryRemove(eventId, out _);
            return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(true);
    }

    /// <summary>Remembers the id as handled for the window, then drops the claim.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        _handled.Set(eventId, Handled, _entry);
        if (!_handled.TryGetValue(eventId, out _))
        {
            RememberWhenFull(eventId);
        }

        _running.TryRemove(eventId, out _);
        CompactIfNearlyFull();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        _running.TryRemove(eventId, out _);
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the cache.</summary>
    public void Dispose() => _handled.Dispose();

    // One compaction at a time, off the request thread: it sorts every entry (hundreds of milliseconds for 150,000 on a
    // 2-core machine). It drops expired ids first, then the least recently seen.
    private void CompactIfNearlyFull()
    {
        if (Interlocked.Increment(ref _completed) % _countEvery != 0 || _handled.Count < _compactAt || Interlocked.Exchange(ref _compacting, 1) == 1)
        {
            return;
        }

        _background(() =>
        {
            try
            {
                _handled.Compact(CompactionFraction);
            }
            finally
            {
                Volatile.Write(ref _compacting, 0);
            }
        });
    }

    // Events came faster than the background compaction frees room, and the full cache turned the newest id away: the
    // one most likely to be repeated. Make room here instead; callers meanwhile wait their turn (back-pressure).
    private void RememberWhenFull(string eventId)
    {
        lock (_full)
        {
            _handled.Set(eventId, Handled, _entry);
            if (!_handled.TryGetValue(eventId, out _))
            {
                _handled.Compact(CompactionFraction);
                _handled.Set(eventId, Handled, _entry);
            }
        }
    }

#pragma warning disable CS0618 // ISystemClock is what MemoryCacheOptions.Clock takes
    private sealed class CacheClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
