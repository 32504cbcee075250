namespace Telnyx.Generated;

/// <summary>
/// The names under which the library reports traces and metrics through <c>System.Diagnostics</c>
/// (<see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>). Nothing is
/// recorded unless a listener subscribes; with OpenTelemetry, <c>.AddSource("Telnyx.Generated*")</c> and
/// <c>.AddMeter("Telnyx.Generated*")</c> switch on all of them.
/// </summary>
public static class TelnyxTelemetry
{
    /// <summary>The activity source of <see cref="TelnyxClient"/>: one span per command, wrapping every attempt.</summary>
    public const string ActivitySourceName = "Telnyx.Generated";

    /// <summary>The meter of <see cref="TelnyxClient"/>: command durations, retries and rate limits.</summary>
    public const string MeterName = "Telnyx.Generated";

    // The webhook endpoint's names live here, not in Telnyx.Generated.AspNetCore, because TelnyxTelemetry.Webhooks*
    // is the public name users already reference; that package reports under them and names no other source.

    /// <summary>The activity source of the ASP.NET Core webhook endpoint (<c>Telnyx.Generated.AspNetCore</c>): one span per delivery, and the <c>IDistributedCache</c> de-duplicator's store calls.</summary>
    public const string WebhooksActivitySourceName = "Telnyx.Generated.AspNetCore";

    /// <summary>The meter of the ASP.NET Core webhook endpoint (<c>Telnyx.Generated.AspNetCore</c>): deliveries, handler and de-duplication store durations.</summary>
    public const string WebhooksMeterName = "Telnyx.Generated.AspNetCore";
}
