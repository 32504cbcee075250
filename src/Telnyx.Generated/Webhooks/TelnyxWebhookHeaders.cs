namespace Telnyx.Generated.Webhooks;

/// <summary>The names of the two headers Telnyx signs webhooks with (compared case-insensitively).</summary>
public static class TelnyxWebhookHeaders
{
    /// <summary><c>telnyx-signature-ed25519</c>: standard base64 of the 64-byte Ed25519 signature.</summary>
    public const string Signature = "telnyx-signature-ed25519";

    /// <summary><c>telnyx-timestamp</c>: Unix time in seconds, signed as part of the message.</summary>
    public const string Timestamp = "telnyx-timestamp";
}
