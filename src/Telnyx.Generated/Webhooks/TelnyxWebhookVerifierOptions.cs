namespace Telnyx.Generated.Webhooks;

/// <summary>Settings read once by the <see cref="TelnyxWebhookVerifier"/> constructor.</summary>
public sealed class TelnyxWebhookVerifierOptions
{
    /// <summary>
    /// How far the <c>telnyx-timestamp</c> may be from now, in either direction, before the webhook is rejected.
    /// Defaults to 5 minutes, like every official Telnyx SDK. Must not be negative.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock the timestamp is compared with; inject a fake one in tests. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
