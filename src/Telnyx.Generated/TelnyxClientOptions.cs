using Microsoft.Extensions.Logging;

namespace Telnyx.Generated;

/// <summary>
/// Settings for a <see cref="TelnyxClient"/>. They are read once, when the client is constructed. Not sealed so that
/// integrations extend them instead of copying them (as Azure's client options derive from <c>ClientOptions</c>):
/// <c>TelnyxOptions</c> in <c>Telnyx.Generated.AspNetCore</c> is these settings plus the webhook ones.
/// </summary>
public class TelnyxClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "TELNYX_API_KEY";

    /// <summary>The default <see cref="BaseUrl"/>: Telnyx's v2 API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.telnyx.com/v2/");

    /// <summary>
    /// The Telnyx API key (V2). When null (only then), the <c>TELNYX_API_KEY</c> environment variable is used; an empty
    /// or whitespace key is an error, so a blank configuration value cannot silently pick up another key.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The API root; requests go to <c>BaseUrl + "calls/{id}/actions/..."</c>. Default <c>https://api.telnyx.com/v2/</c>.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// How many times a failed call is retried (0 disables retries). Default 2, like Telnyx's own SDKs. Resends after a
    /// silence (<see cref="ResendAfter"/>) are not retries and have their own limit.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest server-requested wait (<c>Retry-After</c>) the client honours; a longer request surfaces the error instead. Default 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time allowed for one attempt; <see cref="Timeout.InfiniteTimeSpan"/> disables it. Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long to wait for an answer before sending the same command again, as Telnyx's command-retry guidance asks
    /// ("if your application fails to receive a HTTP response from Telnyx within 500ms, send an identical command").
    /// Only operations Telnyx de-duplicates or that are harmless to repeat (<c>command-id</c> and <c>idempotent</c> in the
    /// spec) are resent, with the same body and <c>command_id</c>. The first attempt to succeed, or to fail in a way no
    /// repeat can change (a 4xx other than 429), ends the call and the other is cancelled; a failure worth retrying
    /// waits for the other attempt. Each attempt is resent at most once and a call at most twice, apart from
    /// <see cref="MaxRetries"/>, and <see cref="Timeout"/> still bounds each attempt. Default 500 ms; null disables
    /// resending (an attempt then waits for its answer or its <see cref="Timeout"/>).
    /// </summary>
    public TimeSpan? ResendAfter { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Receives one structured line per attempt. Optional; secrets and bodies are never logged.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The clock used for backoff, timeouts and elapsed times; replace it in tests. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the options without revealing the API key.</summary>
    /// <returns>A description with the key redacted.</returns>
    public override string ToString() => $"TelnyxClientOptions {{ {DescribeClientSettings()} }}";

    /// <summary>The client settings, key redacted, as <see cref="ToString"/> and <c>TelnyxOptions.ToString</c> print them.</summary>
    internal string DescribeClientSettings() =>
        $"ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, BaseUrl = {Redacted(BaseUrl)}, MaxRetries = {MaxRetries}, MaxRetryDelay = {MaxRetryDelay}, Timeout = {Timeout}, ResendAfter = {(ResendAfter is { } resend ? resend : "(off)")}";

    // A proxy's base URL may carry credentials (https://user:pass@host/): they must not reach a log either.
    private static string? Redacted(Uri? url) =>
        url is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? new UriBuilder(url) { UserName = "***", Password = "" }.Uri.ToString() : url?.ToString();
}
