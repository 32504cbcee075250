namespace Telnyx.Generated.Webhooks;

/// <summary>
/// The one family of failures webhook verification and parsing throw. Apart from
/// <see cref="ArgumentNullException"/> for a null argument, nothing else escapes a webhook method.
/// </summary>
public abstract class TelnyxWebhookException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    private protected TelnyxWebhookException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The request is not a genuine, fresh Telnyx webhook: reject it (for example with HTTP 400).</summary>
public sealed class TelnyxWebhookVerificationException : TelnyxWebhookException
{
    /// <summary>Creates the exception with the fixed message for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why verification failed.</param>
    public TelnyxWebhookVerificationException(TelnyxWebhookVerificationReason reason)
        : base(MessageFor(reason), null)
    {
        Reason = reason;
    }

    /// <summary>Why verification failed.</summary>
    public TelnyxWebhookVerificationReason Reason { get; }

    /// <summary>The fixed, actionable message used for each reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The message.</returns>
    public static string MessageFor(TelnyxWebhookVerificationReason reason) => reason switch
    {
        TelnyxWebhookVerificationReason.MissingSignature =>
            "The telnyx-signature-ed25519 header is missing or empty. Pass the request's headers unchanged; every Telnyx webhook carries it.",
        TelnyxWebhookVerificationReason.MissingTimestamp =>
            "The telnyx-timestamp header is missing or empty. Pass the request's headers unchanged; every Telnyx webhook carries it.",
        TelnyxWebhookVerificationReason.InvalidTimestamp =>
            "The telnyx-timestamp header is not a Unix time in seconds (ASCII digits only), or it was sent more than once.",
        TelnyxWebhookVerificationReason.TimestampTooOld =>
            "The telnyx-timestamp header is older than the allowed tolerance: the webhook was replayed or delayed, or this server's clock is behind.",
        TelnyxWebhookVerificationReason.TimestampTooNew =>
            "The telnyx-timestamp header is further in the future than the allowed tolerance: this server's clock is probably behind.",
        TelnyxWebhookVerificationReason.InvalidSignatureEncoding =>
            "The telnyx-signature-ed25519 header is not the standard base64 (with padding) of a 64-byte Ed25519 signature, or it was sent more than once.",
        TelnyxWebhookVerificationReason.SignatureMismatch =>
            "The Ed25519 signature does not match the timestamp and body. Usual causes: the body was parsed and re-serialised, re-encoded or trimmed before verifying (verify the raw request body bytes exactly as received), or the verifier uses the wrong public key (use the base64 public key from the Telnyx portal, Keys & Credentials > Public Key).",
        _ => "The webhook could not be verified.",
    };
}

/// <summary>Why a webhook failed verification.</summary>
public enum TelnyxWebhookVerificationReason
{
    /// <summary>No (or an empty) <c>telnyx-signature-ed25519</c> header.</summary>
    MissingSignature,

    /// <summary>No (or an empty) <c>telnyx-timestamp</c> header.</summary>
    MissingTimestamp,

    /// <summary>The timestamp is not digits only, overflows, or the header was sent more than once.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the tolerance.</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further in the future than the tolerance.</summary>
    TimestampTooNew,

    /// <summary>The signature is not strict standard base64 of 64 bytes, or the header was sent more than once.</summary>
    InvalidSignatureEncoding,

    /// <summary>The signature is well formed but does not match the timestamp, body and public key.</summary>
    SignatureMismatch,
}

/// <summary>The body is not a Telnyx event envelope <c>{"data": {"event_type": ...}}</c>.</summary>
public sealed class TelnyxWebhookParseException : TelnyxWebhookException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which part of the envelope is wrong (never the body's values).</param>
    /// <param name="innerException">The underlying JSON failure, if any.</param>
    public TelnyxWebhookParseException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
