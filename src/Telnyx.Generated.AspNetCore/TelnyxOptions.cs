namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Everything <c>AddTelnyx</c> binds, usually from the <c>"Telnyx"</c> configuration section: the client settings,
/// the webhook public key and how webhooks are received. Validated when the host starts.
/// </summary>
public sealed class TelnyxOptions
{
    /// <summary>The configuration section name used in the documentation: <c>"Telnyx"</c>.</summary>
    public const string SectionName = "Telnyx";

    /// <summary>The default <see cref="MaxWebhookBodySize"/>: 1 MiB, far above any Telnyx event.</summary>
    public const long DefaultMaxWebhookBodySize = 1024 * 1024;

    /// <summary>The Telnyx API key (V2). Required; when not set (null), the <c>TELNYX_API_KEY</c> environment variable is used, while an empty value stops the host.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API root. Default <c>https://api.telnyx.com/v2/</c>.</summary>
    public Uri BaseUrl { get; set; } = TelnyxClientOptions.DefaultBaseUrl;

    /// <summary>How many times a failed call is retried (0 disables retries). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest server-requested wait (<c>Retry-After</c>) honoured. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time allowed for one attempt. Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an attempt may stay silent before the same command is sent again (command-id and idempotent operations only). Default 500 ms; empty (null) disables.</summary>
    public TimeSpan? ResendAfter { get; set; } = TimeSpan.FromMilliseconds(500);

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

    /// <summary>The core client options these settings describe.</summary>
    /// <returns>A new <see cref="TelnyxClientOptions"/>.</returns>
    public TelnyxClientOptions ToClientOptions() => new()
    {
        ApiKey = ApiKey,
        BaseUrl = BaseUrl,
        MaxRetries = MaxRetries,
        MaxRetryDelay = MaxRetryDelay,
        Timeout = Timeout,
        ResendAfter = ResendAfter,
    };

    /// <summary>Describes the options without revealing the API key.</summary>
    /// <returns>A description with the key redacted.</returns>
    public override string ToString() =>
        $"TelnyxOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, BaseUrl = {BaseUrl}, MaxRetries = {MaxRetries}, Timeout = {Timeout}, PublicKey = {(string.IsNullOrEmpty(PublicKey) ? "(not set)" : "(set)")}, WebhookTolerance = {WebhookTolerance} }}";
}
