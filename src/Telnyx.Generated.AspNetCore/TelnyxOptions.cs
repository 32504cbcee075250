namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Everything <c>AddTelnyx</c> binds, usually from the <c>"Telnyx"</c> configuration section: the client settings
/// (inherited from <see cref="TelnyxClientOptions"/>, so <c>Telnyx:ApiKey</c>, <c>Telnyx:MaxRetries</c>, ... bind to the
/// client's own properties and the client reads this object itself), the webhook public key and how webhooks are
/// received. Validated when the host starts.
/// </summary>
public sealed class TelnyxOptions : TelnyxClientOptions
{
    /// <summary>The configuration section name used in the documentation: <c>"Telnyx"</c>.</summary>
    public const string SectionName = "Telnyx";

    /// <summary>The default <see cref="MaxWebhookBodySize"/>: 1 MiB, far above any Telnyx event.</summary>
    public const long DefaultMaxWebhookBodySize = 1024 * 1024;

    /// <summary>
    /// The webhook public key from the Telnyx portal (standard base64 of the 32-byte Ed25519 key). Required by
    /// <c>MapTelnyxWebhooks</c>; when set, it must be well-formed or the host does not start.
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>How far a webhook's <c>telnyx-timestamp</c> may be from now, either way. Default 5 minutes.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest webhook body read, in bytes; a larger one is answered 413 unread. Default 1 MiB.</summary>
    public long MaxWebhookBodySize { get; set; } = DefaultMaxWebhookBodySize;

    /// <summary>
    /// How long a handled event id is remembered so a repeat of the event does not run the handlers again, by every
    /// de-duplicator (in memory, Redis, <c>IDistributedCache</c>). Default 10 minutes: Telnyx repeats a webhook when
    /// the endpoint did not answer 200 (at the failover URL) and occasionally delivers one twice, both within seconds to
    /// minutes of the first delivery. A longer window only holds more ids; a copy arriving after it runs the handlers again.
    /// </summary>
    public TimeSpan WebhookDeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long <see cref="ITelnyxCallOutcomes.SendAsync"/> waits, after Telnyx accepted the command, for its outcome
    /// event before throwing <see cref="TelnyxOutcomeTimeoutException"/>. Default 2 minutes: a refer's outcome comes when
    /// the target answers or gives up, which can take a minute of ringing, and a webhook Telnyx has to deliver again
    /// comes seconds later still; SIPREC's outcome comes within seconds. At most 1 day.
    /// </summary>
    public TimeSpan OutcomeTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The most handled event ids the in-memory de-duplicator remembers (<see cref="InMemoryTelnyxWebhookDeduplicator"/>,
    /// the default); when it is reached, the oldest is forgotten as each new one is remembered. Default 150,000, about
    /// 23 MiB, which holds a full 10-minute window up to 250 events per second; each id costs about 160 bytes. The
    /// Redis and <c>IDistributedCache</c> de-duplicators ignore it. Configuration key <c>Telnyx:WebhookDeduplicationCapacity</c>.
    /// </summary>
    public int WebhookDeduplicationCapacity { get; set; } = InMemoryTelnyxWebhookDeduplicator.DefaultCapacity;

    /// <summary>
    /// When true, <c>MapTelnyxWebhooks</c> verifies a webhook, claims its id, appends it to a durable queue and answers
    /// 200 at once; background consumers run the handlers (see docs/queued-webhooks.md). Needs <c>AddTelnyxRedis</c>
    /// (package <c>Telnyx.Generated.AspNetCore.Redis</c>): without it the host does not start. Default false: the
    /// handlers run inside the request, and its answer says whether they succeeded.
    /// </summary>
    public bool QueueWebhooks { get; set; }

    /// <summary>How many queued events one app instance handles at once (<see cref="QueueWebhooks"/>). Default 32: handlers mostly wait on I/O.</summary>
    public int WebhookQueueConcurrency { get; set; } = 32;

    /// <summary>How many times a queued event's handlers are run before the event moves to the dead letters. Default 5.</summary>
    public int WebhookQueueMaxAttempts { get; set; } = 5;

    /// <summary>The wait before a queued event's second attempt; it doubles for each further attempt, up to 5 minutes. Default 1 s.</summary>
    public TimeSpan WebhookQueueRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How old the oldest unhandled queued event may get before the <c>AddTelnyxWebhookDeduplication</c> health check reports Degraded. Default 1 minute.</summary>
    public TimeSpan WebhookQueueLagThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Describes every setting, the API key redacted and the public key only as set or not.</summary>
    /// <returns>A description with the key redacted.</returns>
    public override string ToString() =>
        $"TelnyxOptions {{ {DescribeClientSettings()}" +
        $", PublicKey = {(string.IsNullOrEmpty(PublicKey) ? "(not set)" : "(set)")}" +
        $", WebhookTolerance = {WebhookTolerance}" +
        $", MaxWebhookBodySize = {MaxWebhookBodySize}" +
        $", WebhookDeduplicationWindow = {WebhookDeduplicationWindow}" +
        $", WebhookDeduplicationCapacity = {WebhookDeduplicationCapacity}" +
        $", OutcomeTimeout = {OutcomeTimeout}" +
        $", QueueWebhooks = {QueueWebhooks}" +
        $", WebhookQueueConcurrency = {WebhookQueueConcurrency}" +
        $", WebhookQueueMaxAttempts = {WebhookQueueMaxAttempts}" +
        $", WebhookQueueRetryDelay = {WebhookQueueRetryDelay}" +
        $", WebhookQueueLagThreshold = {WebhookQueueLagThreshold}" +
        " }";
}
