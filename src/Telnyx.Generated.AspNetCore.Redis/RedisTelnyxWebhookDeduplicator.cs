using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// One key per event id, <see cref="RedisKeys.EventId"/>, holding only its state: a claim (a random token per claim,
/// expiring after <see cref="TelnyxRedisOptions.ClaimLease"/>) or <c>done</c> (expiring after
/// <see cref="TelnyxOptions.WebhookDeduplicationWindow"/>). Every step is one atomic Redis command, so two instances
/// claiming the same id at the same instant cannot both win. A Redis error or timeout is thrown, never taken for a
/// duplicate: the endpoint then answers 500 and Telnyx redelivers. Each command is a span under the delivery's
/// (<see cref="RedisTelemetry"/>); the health check is a <c>PING</c> on the same connection.
/// </summary>
internal sealed class RedisTelnyxWebhookDeduplicator(
    IConnectionMultiplexer redis,
    IOptions<TelnyxOptions> telnyx,
    IOptions<TelnyxRedisOptions> options) : ITelnyxWebhookDeduplicator, IHealthCheck
{
    // Deletes the key only while it still holds this claim: never a done mark, nor a claim taken since this one expired.
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private static readonly RedisValue Done = "done";

    // The claims this instance holds while their handlers run: per event id, the newest claim's token and how many
    // deliveries of it run here. Two do when a handler outlives the lease and a copy arrives here and claims again.
    private readonly Dictionary<string, (RedisValue Token, int Running)> _held = new(StringComparer.Ordinal);
    private readonly RedisTelemetry _telemetry = new(redis);
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);
    private readonly TimeSpan _lease = options.Value.ClaimLease;
    private readonly TimeSpan _window = telnyx.Value.WebhookDeduplicationWindow;

    /// <summary>SET key claim NX PX lease: true only for the one caller that created the key.</summary>
    public async ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var key = Key(eventId);
        var database = redis.GetDatabase();
        RedisValue claim = "claimed:" + Guid.NewGuid().ToString("N");
        bool claimed;
        using (var activity = _telemetry.Start("SET", database))
        {
            try
            {
                claimed = await database.StringSetAsync(key, claim, _lease, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                RedisTelemetry.Failed(activity, ex);
                ReleaseBehind(database, key, claim);
                throw;
            }
        }

        if (claimed)
        {
            lock (_held)
            {
                _held[eventId] = (claim, _held.TryGetValue(eventId, out var held) ? held.Running + 1 : 1);
            }
        }

        return claimed;
    }

    /// <summary>SET key done PX window, whoever holds the claim now: the handlers did run, so every later copy is a duplicate.</summary>
    public async ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var key = Key(eventId);
        LetGo(eventId);
        var database = redis.GetDatabase();
        using var activity = _telemetry.Start("SET", database);
        try
        {
            await database.StringSetAsync(key, Done, _window).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RedisTelemetry.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Deletes this instance's claim (see <see cref="ReleaseScript"/>), so the redelivery of a failed attempt runs the
    /// handlers again; while another delivery of the same event still runs here, its claim stays.
    /// </summary>
    public async ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var key = Key(eventId);
        if (LetGo(eventId) is not { } claim)
        {
            return;
        }

        var database = redis.GetDatabase();
        using var activity = _telemetry.Start("EVAL", database);
        try
        {
            await database.ScriptEvaluateAsync(ReleaseScript, [key], [claim]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RedisTelemetry.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>PING on the connection the claims use: healthy with the round-trip time, or the registration's failure status.</summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered PING in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration?.FailureStatus ?? HealthStatus.Unhealthy, "Redis did not answer PING: " + ex.Message, ex);
        }
    }

    // Drops one running delivery of the id; returns the newest claim's token when none is left running here.
    private RedisValue? LetGo(string eventId)
    {
        lock (_held)
        {
            if (!_held.TryGetValue(eventId, out var held))
            {
                return null;
            }

            if (held.Running > 1)
            {
                _held[eventId] = (held.Token, held.Running - 1);
                return null;
            }

            _held.Remove(eventId);
            return held.Token;
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

    private RedisKey Key(string eventId) => _keys.EventId(eventId);
}
