namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>How <c>AddTelnyxRedis</c> keeps its state in Redis. The de-duplication window is <see cref="TelnyxOptions.WebhookDeduplicationWindow"/>.</summary>
public sealed class TelnyxRedisOptions
{
    /// <summary>
    /// The prefix of every key (see docs/webhooks.md for the keys). Default <c>telnyx:webhook:</c>; give each app its own
    /// when several apps with their own handlers share one Redis database. No braces: the library sets the keys' hash
    /// tags, so each script's keys share one Redis Cluster slot.
    /// </summary>
    public string KeyPrefix { get; set; } = "telnyx:webhook:";

    /// <summary>
    /// How long a claim lasts while the handlers run. Default 5 minutes. Choose it against your slowest handler:
    /// <list type="bullet">
    /// <item>Longer than a handler ever takes (its longest run in <c>telnyx.webhook.handler.duration</c>, with margin).
    /// A handler that outlives its claim lets a copy arriving meanwhile, at any instance including its own, claim the
    /// event again and run beside it: the event runs twice, and nothing is lost (the first to finish marks it done).</item>
    /// <item>No longer than that: an instance that dies mid-handler leaves its claim behind, and copies arriving before it
    /// expires are answered 200 as duplicates; only a copy after it runs the handlers.</item>
    /// </list>
    /// With <c>Telnyx:QueueWebhooks</c> it is how long a queued event held by an instance that stopped renewing it (it
    /// died) waits before another instance takes it over; a live instance renews what it runs, however long.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a queue consumer's name stays in the group with no pending entries, idle and its instance not checked
    /// in, before an instance removes it (<see cref="RedisQueueScripts.ForgetDepartedConsumers"/>). Null (the default):
    /// three claim leases, at least 10 minutes, well past the lease after which its entries were taken over. Tests shorten it.
    /// </summary>
    internal TimeSpan? ForgetConsumersAfter { get; set; }

    internal TimeSpan ConsumerAge => ForgetConsumersAfter ?? TimeSpan.FromTicks(Math.Max(ClaimLease.Ticks * 3, TimeSpan.FromMinutes(10).Ticks));
}
