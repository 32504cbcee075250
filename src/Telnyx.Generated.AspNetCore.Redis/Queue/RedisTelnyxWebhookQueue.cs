using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// The webhook queue on Redis Streams: <see cref="RedisKeys.Queue"/> holds the events not yet handled, read by the consumer
/// group <see cref="Group"/> (one per app, since each app has its own prefix) with one consumer per app instance, whose
/// name is removed some time after the instance is gone (<see cref="RedisQueueScripts.ForgetDepartedConsumers"/>);
/// <see cref="RedisKeys.DeadLetters"/> holds the events whose handlers kept failing, never trimmed. Event ids share the
/// de-duplicator's keys (<see cref="RedisKeys.EventId"/>), so a copy of a queued or handled event is a duplicate either way.
/// Redis without persistence loses the queue when it restarts, like any Redis data: run it with AOF for durability.
/// </summary>
internal sealed class RedisTelnyxWebhookQueue(
    IConnectionMultiplexer redis,
    IOptions<TelnyxOptions> telnyx,
    IOptions<TelnyxRedisOptions> options,
    RedisOutcomeRelay relay,
    ILogger<RedisTelnyxWebhookQueue> logger) : ITelnyxWebhookQueue
{
    public const string Group = "telnyx-webhook-handlers";

    private readonly RedisTelemetry _telemetry = new(redis);
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);
    private readonly RedisValue _consumer = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly long _windowMs = (long)telnyx.Value.WebhookDeduplicationWindow.TotalMilliseconds;
    private readonly long _consumerAgeMs = (long)options.Value.ConsumerAge.TotalMilliseconds;
    private RedisValue _reclaimFrom = "0-0";
    private long _forgetDue; // Environment.TickCount64: the first reclaim checks in at once

    public TimeSpan ClaimLease { get; } = options.Value.ClaimLease;

    internal RedisKey DeadLetterStream => _keys.DeadLetters;

    internal string ConsumerName => _consumer.ToString();

    public async ValueTask<bool> EnqueueAsync(TelnyxWebhookEvent webhookEvent, string? eventId, byte[] body, string? traceParent, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var announcement = relay.ToAnnounce(webhookEvent, body);
        using var activity = _telemetry.Start("EVAL", database);
        try
        {
            RedisValue[] values = [body, traceParent ?? "", eventId ?? "", .. announcement?.Arguments ?? []];
            var entry = await database.ScriptEvaluateAsync(RedisQueueScripts.Enqueue, [.. Keys(eventId), .. announcement is null ? [] : new[] { announcement.Stream }], values)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!entry.IsNull && announcement is not null)
            {
                relay.Announced(announcement, webhookEvent);
            }

            return !entry.IsNull;
        }
        catch (Exception ex)
        {
            RedisTelemetry.Failed(activity, ex);
            throw;
        }
    }

    public async ValueTask<IReadOnlyList<QueuedWebhook>> ReadAsync(int count, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        try
        {
            return Entries(await database.StreamReadGroupAsync(_keys.Queue, Group, _consumer, StreamPosition.NewMessages, count).WaitAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // First start, or a Redis that restarted empty: the group reads from the stream's start, so nothing queued before is skipped.
            await CreateGroupAsync(database).WaitAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }
    }

    public async ValueTask<IReadOnlyList<QueuedWebhook>> ReclaimAsync(int count, CancellationToken cancellationToken)
    {
        await ForgetDepartedConsumersWhenDueAsync(cancellationToken).ConfigureAwait(false);
        StreamAutoClaimResult result;
        try
        {
            result = await redis.GetDatabase().StreamAutoClaimAsync(_keys.Queue, Group, _consumer, (long)ClaimLease.TotalMilliseconds, _reclaimFrom, count)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            return []; // no group yet, so nothing pending: the first read creates it
        }

        _reclaimFrom = result.NextStartId; // 0-0 once the whole pending list was scanned
        return Entries(result.ClaimedEntries);
    }

    // XCLAIM to itself with no minimum idle time resets the entries' idle time: XAUTOCLAIM elsewhere leaves them alone.
    public async ValueTask RenewAsync(IReadOnlyCollection<string> entryIds, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StreamClaimIdsOnlyAsync(_keys.Queue, Group, _consumer, 0, entryIds.Select(id => (RedisValue)id).ToArray())
            .WaitAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask CompleteAsync(QueuedWebhook entry, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(RedisQueueScripts.Complete, Keys(entry.EventId), [Group, entry.EntryId, _windowMs])
            .WaitAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DeadLetterAsync(QueuedWebhook entry, int attempts, string lastError, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(
                RedisQueueScripts.DeadLetter,
                entry.EventId is null ? [_keys.Queue, _keys.DeadLetters] : [_keys.Queue, _keys.DeadLetters, _keys.EventId(entry.EventId)],
                [Group, entry.EntryId, entry.Body, entry.TraceParent ?? "", entry.EventId ?? "", attempts, lastError, _windowMs])
            .WaitAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask<TelnyxWebhookQueueBacklog> GetBacklogAsync(CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(RedisQueueScripts.Backlog, [_keys.Queue, _keys.DeadLetters])
            .WaitAsync(cancellationToken).ConfigureAwait(false))!;
        return new TelnyxWebhookQueueBacklog((long)result[0], TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1])), (long)result[2]);
    }

    /// <summary>Moves a dead letter back into the queue (see <see cref="RedisQueueScripts.Replay"/>); false when there is none with that id.</summary>
    internal async Task<bool> ReplayAsync(string deadLetterId, string? eventId, CancellationToken cancellationToken)
    {
        var entry = await redis.GetDatabase().ScriptEvaluateAsync(
                RedisQueueScripts.Replay,
                eventId is null ? [_keys.DeadLetters, _keys.Queue] : [_keys.DeadLetters, _keys.Queue, _keys.EventId(eventId)],
                [deadLetterId])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return !entry.IsNull;
    }

    /// <summary>Checks this instance in and removes departed consumers (<see cref="RedisQueueScripts.ForgetDepartedConsumers"/>); how many it removed.</summary>
    internal async Task<int> ForgetDepartedConsumersAsync(CancellationToken cancellationToken) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(RedisQueueScripts.ForgetDepartedConsumers, [_keys.Queue, _keys.Consumers], [Group, _consumer, _consumerAgeMs])
            .WaitAsync(cancellationToken).ConfigureAwait(false);

    // Five times per consumer age, so a live instance checks in well before it is due. Before reclaiming, so a failure
    // here leaves no entry taken and not returned; a script error (Redis refusing XINFO in scripts, say) must not stop reclaiming.
    private async Task ForgetDepartedConsumersWhenDueAsync(CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 < _forgetDue)
        {
            return;
        }

        _forgetDue = Environment.TickCount64 + _consumerAgeMs / 5;
        try
        {
            var removed = await ForgetDepartedConsumersAsync(cancellationToken).ConfigureAwait(false);
            if (removed > 0)
            {
                RedisQueueLog.ConsumersForgotten(logger, removed);
            }
        }
        catch (RedisServerException ex)
        {
            RedisQueueLog.ForgetFailed(logger, ex, TimeSpan.FromMilliseconds(_consumerAgeMs / 5));
        }
    }

    private async Task CreateGroupAsync(IDatabase database)
    {
        try
        {
            await database.StreamCreateConsumerGroupAsync(_keys.Queue, Group, "0", createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance created it first.
        }
    }

    private RedisKey[] Keys(string? eventId) => eventId is null ? [_keys.Queue] : [_keys.Queue, _keys.EventId(eventId)];

    private static QueuedWebhook[] Entries(StreamEntry[] entries) => entries
        .Where(entry => !entry.IsNull)
        .Select(entry => new QueuedWebhook(
            entry.Id!,
            NullIfEmpty(entry["id"]),
            (byte[])entry["body"]!,
            NullIfEmpty(entry["tp"])))
        .ToArray();

    private static string? NullIfEmpty(RedisValue value) => value.IsNullOrEmpty ? null : (string?)value;
}
