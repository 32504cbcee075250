namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>How <c>AddTelnyxRedisWebhookDeduplication</c> keeps event ids in Redis. The done window is <see cref="TelnyxOptions.WebhookDeduplicationWindow"/>.</summary>
public sealed class TelnyxRedisWebhookDeduplicationOptions
{
    /// <summary>
    /// The prefix of every key, followed by the event id. Default <c>telnyx:webhook:</c>; give each app its own when
    /// several apps with their own handlers share one Redis database.
    /// </summary>
    public string KeyPrefix { get; set; } = "telnyx:webhook:";

    /// <summary>
    /// How long a claim lasts while the handlers run. An app instance that dies mid-handler leaves its claim behind;
    /// it expires after this lease, so Telnyx's next redelivery runs the handlers. Make it longer than a handler ever
    /// takes: a claim that expires while its handler still runs lets a copy run beside it. Default 5 minutes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}
