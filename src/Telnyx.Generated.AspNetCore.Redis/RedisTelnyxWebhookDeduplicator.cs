using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// One key per event id, <c>{KeyPrefix}{id}</c>, holding only its state: a claim (a random token per claim,
/// expiring after <see cref="TelnyxRedisWebhookDeduplicationOptions.ClaimLease"/>) or <c>done</c> (expiring after
/// <see cref="TelnyxOptions.WebhookDeduplicationWindow"/>). Every step is one atomic Redis command, so two instances
/// claiming the same id at the same instant cannot both win. A Redis error or timeout is thrown, never taken for a
/// duplicate: the endpoint then answers 500 and Telnyx redelivers.
/// </summary>
internal sealed class RedisTelnyxWebhookDeduplicator(
    IConnectionMultiplexer redis,
    IOptions<TelnyxOptions> telnyx,
    IOptions<TelnyxRedisWebhookDeduplicationOptions> options) : ITelnyxWebhookDeduplicator
{
    // Deletes the key only while it still holds this claim: never a done mark, nor a claim taken since this one expired.
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private static readonly RedisValue Done = "done";

    // The tokens of the claims this instance holds while their handlers run, so a release deletes exactly its own.
    private readonly ConcurrentDictionary<string, RedisValue> _held = new(StringComparer.Ordinal);
    private readonly string _prefix = options.Value.KeyPrefix;
    private readonly TimeSpan _lease = options.Value.ClaimLease;
    private readonly TimeSpan _window = telnyx.Value.WebhookDeduplicationWindow;

    /// <summary>SET key claim NX PX lease: true only for the one caller that created the key.</summary>
    public async ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var key = Key(eventId);
        var database = redis.GetDatabase();
        RedisValue claim = "claimed:" + Guid.NewGuid().ToString("N");
        bool claimed;
        try
        {
            claimed = await database.StringSetAsync(key, claim, _lease, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ReleaseBehind(database, key, claim);
            throw;
        }

        if (claimed)
        {
            _held[eventId] = claim;
        }

        return claimed;
    }

    /// <summary>SET key done PX window, whoever holds the claim now: the handlers did run, so every later copy is a duplicate.</summary>
    public async ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var key = Key(eventId);
        _held.TryRemove(eventId, out _);
        await redis.GetDatabase().StringSetAsync(key, Done, _window).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes this instance's claim (see <see cref="ReleaseScript"/>), so the redelivery of a failed attempt runs the handlers again.</summary>
    public async ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var key = Key(eventId);
        if (_held.TryRemove(eventId, out var claim))
        {
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key], [claim]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // A timed-out SET may still run later and leave a claim nobody completes, which would make redeliveries look like
    // duplicates until the lease ends. Queued on the same connection, this release runs right behind it.
    private static void ReleaseBehind(IDatabase database, RedisKey key, RedisValue claim)
    {
        try
        {
            database.ScriptEvaluate(ReleaseScript, [key], [claim], CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Not connected: nothing was sent, so nothing needs releasing.
        }
    }

    private RedisKey Key(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return _prefix + eventId;
    }
}
