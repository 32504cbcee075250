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

    /// <summary>Describes every setting, the API key redacted and the public key only as set or not.</summary>
    /// <returns>A description with the key redacted.</returns>
    public override string ToString() =>
        $"TelnyxOptions {{ {DescribeClientSettings()}" +
        $", PublicKey = {(string.IsNullOrEmpty(PublicKey) ? "(not set)" : "(set)")}" +
        $", WebhookTolerance = {WebhookTolerance}" +
        $", MaxWebhookBodySize = {MaxWebhookBodySize}" +
        $", WebhookDeduplicationWindow = {WebhookDeduplicationWindow}" +
        " }";
}
