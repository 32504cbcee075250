using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// Outcomes across app instances. An accepted outcome event is appended to its call's stream
/// (<see cref="RedisKeys.OutcomeStream"/>, kept as long as the longest wait) and announced on the channel
/// <see cref="RedisKeys.Outcomes"/> in one script; every instance's subscription routes it to its waiters. A waiter notes its
/// call's last stream entry before its command is sent, so when the subscription was down (a reconnect) it reads what
/// it missed from the stream, and never an earlier command's outcome. The one-waiter-per-operation-and-call rule holds
/// across instances through a key (<see cref="RedisKeys.OutcomeAwait"/>) held for the wait.
/// </summary>
internal sealed partial class RedisOutcomeRelay : IOutcomeRelay, IDisposable
{
    // Holds the (call, operation) for this waiter, then returns the call's last stream id ('0-0' when none), or false.
    private const string WatchScript = """
        if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
        local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)
        if #last == 0 then return '0-0' end
        return last[1][1]
        """;

    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private readonly IConnectionMultiplexer _redis;
    private readonly OutcomeRouter _router;
    private readonly ILogger _logger;
    private readonly RedisKeys _keys;
    private readonly RedisChannel _channel;
    private readonly long _holdMs;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly HashSet<Watch> _watches = [];
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private volatile bool _subscribed;

    public RedisOutcomeRelay(IConnectionMultiplexer redis, OutcomeRouter router, IOptions<TelnyxOptions> telnyx, IOptions<TelnyxRedisOptions> options, ILogger<RedisOutcomeRelay> logger)
    {
        (_redis, _router, _logger, _keys) = (redis, router, logger, new RedisKeys(options.Value.KeyPrefix));
        _channel = _keys.Outcomes;

        // As long as the longest wait: every attempt of the command, then the outcome timeout.
        var t = telnyx.Value;
        _holdMs = (long)(t.Timeout * (t.MaxRetries + 1) + t.OutcomeTimeout).TotalMilliseconds;
        _redis.ConnectionRestored += OnRestored;
    }

    /// <summary>How many waiters this instance watches in Redis (the leak test counts them).</summary>
    public int Watching
    {
        get
        {
            lock (_watches)
            {
                return _watches.Count;
            }
        }
    }

    public async ValueTask AcceptAsync(TelnyxWebhookEvent webhookEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (ToAnnounce(webhookEvent, body) is not { } announcement)
        {
            return;
        }

        Announced(announcement, webhookEvent);
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(AcceptScript, [announcement.Stream], [body, .. announcement.Arguments])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            TelnyxWebhookLog.OutcomeRelayFailed(_logger, ex, webhookEvent.Id, webhookEvent.EventType);
        }
    }

    public async ValueTask<IAsyncDisposable?> WatchAsync(OutcomeWaiter waiter, CancellationToken cancellationToken)
    {
        await SubscribeAsync(cancellationToken).ConfigureAwait(false);
        var call = waiter.CallControlId;
        var watch = new Watch(this, waiter, _keys.OutcomeAwait(call, waiter.Awaited.OperationId), Guid.NewGuid().ToString("N"));
        RedisResult last;
        try
        {
            last = await _redis.GetDatabase().ScriptEvaluateAsync(WatchScript, [watch.Key, _keys.OutcomeStream(call)], [watch.Token, _holdMs])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            watch.ReleaseBehind(); // a script that ran after all must not hold the operation until it expires
            throw;
        }

        if (last.IsNull)
        {
            throw OutcomeRouter.SameOperationInFlight(waiter.Awaited.OperationId);
        }

        watch.Position = (string)last!;
        lock (_watches)
        {
            _watches.Add(watch);
        }

        return watch;
    }

    public void Dispose() => _redis.ConnectionRestored -= OnRestored;

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        if (_subscribed)
        {
            return;
        }

        await _subscribing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_subscribed)
            {
                await _redis.GetSubscriber().SubscribeAsync(_channel, (_, message) => OnMessage(message)).WaitAsync(cancellationToken).ConfigureAwait(false);
                _subscribed = true;
            }
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private void OnMessage(RedisValue message)
    {
        byte[] bytes = message!;
        var first = Array.IndexOf(bytes, (byte)'\n');
        var second = first < 0 ? -1 : Array.IndexOf(bytes, (byte)'\n', first + 1);
        if (second < 0 || Encoding.UTF8.GetString(bytes, 0, first) == _instance)
        {
            return; // not ours to read, or this instance's own (routed when accepted)
        }

        var call = Encoding.UTF8.GetString(bytes, first + 1, second - first - 1);
        try
        {
            if (_router.IsWaiting(call))
            {
                _router.Route(call, TelnyxWebhookParser.Parse(bytes.AsSpan(second + 1)));
            }
        }
        catch (TelnyxWebhookException)
        {
            // Not an event (something else published on the channel): nothing to route.
        }
    }

    // The subscription was down: what was announced meanwhile is still in the calls' streams.
    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _ = CatchUpAsync();
        }
    }

    internal async Task CatchUpAsync()
    {
        Watch[] watches;
        lock (_watches)
        {
            watches = [.. _watches];
        }

        foreach (var watch in watches)
        {
            try
            {
                var call = watch.Waiter.CallControlId;
                foreach (var entry in await _redis.GetDatabase().StreamRangeAsync(_keys.OutcomeStream(call), "(" + watch.Position, "+").ConfigureAwait(false))
                {
                    _router.Route(call, TelnyxWebhookParser.Parse(((byte[])entry["body"]!).AsSpan()));
                    watch.Position = entry.Id!;
                }
            }
            catch (RedisException)
            {
                // Down again: the next restore reads from the same position.
            }
        }
    }

    private sealed class Watch(RedisOutcomeRelay relay, OutcomeWaiter waiter, RedisKey key, string token) : IAsyncDisposable
    {
        public OutcomeWaiter Waiter { get; } = waiter;

        public RedisKey Key { get; } = key;

        public string Token { get; } = token;

        public string Position { get; set; } = "0-0";

        // Awaited, so when SendAsync returns another instance may send the operation again at once.
        public async ValueTask DisposeAsync()
        {
            lock (relay._watches)
            {
                relay._watches.Remove(this);
            }

            try
            {
                await relay._redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Key], [Token]).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The key expires by itself.
            }
        }

        // Fire and forget, queued behind the watch script that failed: the key expires by itself should Redis not take it.
        public void ReleaseBehind()
        {
            try
            {
                relay._redis.GetDatabase().ScriptEvaluate(ReleaseScript, [Key], [Token], CommandFlags.FireAndForget);
            }
            catch (RedisException)
            {
                // Not connected: nothing was sent, so nothing holds the key.
            }
        }
    }
}
