using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Verifies the Ed25519 signature Telnyx puts on every webhook and parses the verified body into a typed event.
/// Build one per public key and reuse it: it is immutable and thread-safe.
/// </summary>
/// <remarks>
/// The signed message is the UTF-8 bytes of <c>{telnyx-timestamp}|{raw body}</c>. Verify the body exactly as it
/// arrived (prefer the <see cref="ReadOnlySpan{T}"/> overloads with the raw request bytes): parsing and re-serialising
/// it first changes the bytes and the signature no longer matches.
/// </remarks>
public sealed class TelnyxWebhookVerifier
{
    private const int SignatureLength = 64;
    private const int PublicKeyLength = 32;

    private readonly PublicKey _publicKey;
    private readonly long _toleranceSeconds;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier with a 5-minute tolerance and the system clock.</summary>
    /// <param name="publicKeyBase64">The public key from the Telnyx portal: standard base64 of the raw 32-byte Ed25519 key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="publicKeyBase64"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is empty, not standard base64, or not 32 bytes.</exception>
    public TelnyxWebhookVerifier(string publicKeyBase64)
        : this(publicKeyBase64, new TelnyxWebhookVerifierOptions())
    {
    }

    /// <summary>Creates a verifier.</summary>
    /// <param name="publicKeyBase64">The public key from the Telnyx portal: standard base64 of the raw 32-byte Ed25519 key.</param>
    /// <param name="options">Tolerance and clock; read once here.</param>
    /// <exception cref="ArgumentNullException">An argument or <see cref="TelnyxWebhookVerifierOptions.TimeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is empty, not standard base64, or not 32 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative.</exception>
    public TelnyxWebhookVerifier(string publicKeyBase64, TelnyxWebhookVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        if (options.Tolerance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("options.Tolerance", options.Tolerance, "The webhook timestamp tolerance must not be negative.");
        }

        _publicKey = ImportPublicKey(publicKeyBase64, nameof(publicKeyBase64));
        _toleranceSeconds = (long)Math.Floor(options.Tolerance.TotalSeconds);
        _timeProvider = options.TimeProvider;
    }

    /// <summary>Verifies a webhook whose body is available only as a string (it is re-encoded as UTF-8).</summary>
    /// <param name="payload">The raw body.</param>
    /// <param name="signature">The <c>telnyx-signature-ed25519</c> header value.</param>
    /// <param name="timestamp">The <c>telnyx-timestamp</c> header value.</param>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh; see its <see cref="TelnyxWebhookVerificationException.Reason"/>.</exception>
    public void Verify(string payload, string? signature, string? timestamp)
    {
        ArgumentNullException.ThrowIfNull(payload);
        VerifyCore(null, payload, signature, timestamp);
    }

    /// <summary>Verifies a webhook from the raw request body bytes, exactly as received.</summary>
    /// <param name="payload">The raw body bytes.</param>
    /// <param name="signature">The <c>telnyx-signature-ed25519</c> header value.</param>
    /// <param name="timestamp">The <c>telnyx-timestamp</c> header value.</param>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh; see its <see cref="TelnyxWebhookVerificationException.Reason"/>.</exception>
    public void Verify(ReadOnlySpan<byte> payload, string? signature, string? timestamp)
        => VerifyCore(payload, null, signature, timestamp);

    /// <summary>Verifies, then parses the body into its event type.</summary>
    /// <param name="payload">The raw body.</param>
    /// <param name="headers">The request headers; names are matched case-insensitively whatever the dictionary's comparer.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body verified but is not an event envelope.</exception>
    public TelnyxWebhookEvent Unwrap(string payload, IReadOnlyDictionary<string, string> headers)
        => UnwrapCore(payload, TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Signature), TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Timestamp));

    /// <summary>Verifies, then parses the raw body bytes into their event type.</summary>
    /// <param name="payload">The raw body bytes, exactly as received.</param>
    /// <param name="headers">The request headers; names are matched case-insensitively whatever the dictionary's comparer.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body verified but is not an event envelope.</exception>
    public TelnyxWebhookEvent Unwrap(ReadOnlySpan<byte> payload, IReadOnlyDictionary<string, string> headers)
        => UnwrapCore(payload, TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Signature), TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Timestamp));

    /// <summary>Verifies, then parses the body, reading headers through an accessor (for example <c>name =&gt; request.Headers[name]</c> in ASP.NET Core).</summary>
    /// <param name="payload">The raw body.</param>
    /// <param name="header">Returns a header's value by name, or null when absent. Several values joined with commas are rejected.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body verified but is not an event envelope.</exception>
    public TelnyxWebhookEvent Unwrap(string payload, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return UnwrapCore(payload, header(TelnyxWebhookHeaders.Signature), header(TelnyxWebhookHeaders.Timestamp));
    }

    /// <summary>Verifies, then parses the raw body bytes, reading headers through an accessor (for example <c>name =&gt; request.Headers[name]</c> in ASP.NET Core).</summary>
    /// <param name="payload">The raw body bytes, exactly as received.</param>
    /// <param name="header">Returns a header's value by name, or null when absent. Several values joined with commas are rejected.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body verified but is not an event envelope.</exception>
    public TelnyxWebhookEvent Unwrap(ReadOnlySpan<byte> payload, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return UnwrapCore(payload, header(TelnyxWebhookHeaders.Signature), header(TelnyxWebhookHeaders.Timestamp));
    }

    /// <summary>Verifies, then parses the body, reading <see cref="HttpHeaders"/> (a header sent more than once is rejected).</summary>
    /// <param name="payload">The raw body.</param>
    /// <param name="headers">The request headers.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body verified but is not an event envelope.</exception>
    public TelnyxWebhookEvent Unwrap(string payload, HttpHeaders headers)
        => UnwrapCore(payload, TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Signature), TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Timestamp));

    /// <summary>Verifies, then parses the raw body bytes, reading <see cref="HttpHeaders"/> (a header sent more than once is rejected).</summary>
    /// <param name="payload">The raw body bytes, exactly as received.</param>
    /// <param name="headers">The request headers.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookVerificationException">The webhook is not genuine or not fresh.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body verified but is not an event envelope.</exception>
    public TelnyxWebhookEvent Unwrap(ReadOnlySpan<byte> payload, HttpHeaders headers)
        => UnwrapCore(payload, TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Signature), TelnyxWebhookHeaders.Find(headers, TelnyxWebhookHeaders.Timestamp));

    /// <summary>
    /// The cryptographic step alone: does <paramref name="signatureBase64"/> sign exactly <paramref name="message"/>?
    /// Lets tests feed RFC 8032 vectors, whose messages are not <c>timestamp|body</c>, through the same decoding and
    /// verification code as every webhook.
    /// </summary>
    internal void VerifySignedMessage(ReadOnlySpan<byte> message, string? signatureBase64)
    {
        Span<byte> signature = stackalloc byte[SignatureLength];
        DecodeSignature(signatureBase64, signature);
        VerifyBytes(message, signature);
    }

    private static PublicKey ImportPublicKey(string publicKeyBase64, string paramName)
    {
        Span<byte> raw = stackalloc byte[PublicKeyLength];
        StrictBase64.DecodeKey(publicKeyBase64, raw, "The Telnyx webhook public key (Keys & Credentials > Public Key in the Telnyx portal)", paramName);
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out PublicKey? key) && key is not null
            ? key
            : throw new ArgumentException("The Telnyx webhook public key is not a valid Ed25519 public key.", paramName);
    }

    private TelnyxWebhookEvent UnwrapCore(string payload, string? signature, string? timestamp)
    {
        Verify(payload, signature, timestamp);
        return TelnyxWebhookParser.Parse(payload);
    }

    private TelnyxWebhookEvent UnwrapCore(ReadOnlySpan<byte> payload, string? signature, string? timestamp)
    {
        VerifyCore(payload, null, signature, timestamp);
        return TelnyxWebhookParser.Parse(payload);
    }

    private void VerifyCore(ReadOnlySpan<byte> bytes, string? text, string? signatureHeader, string? timestampHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            throw new TelnyxWebhookVerificationException(TelnyxWebhookVerificationReason.MissingSignature);
        }

        if (string.IsNullOrEmpty(timestampHeader))
        {
            throw new TelnyxWebhookVerificationException(TelnyxWebhookVerificationReason.MissingTimestamp);
        }

        // Digits only (no sign, whitespace or separators, whatever the culture), so its UTF-8 is one byte per char.
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp))
        {
            throw new TelnyxWebhookVerificationException(TelnyxWebhookVerificationReason.InvalidTimestamp);
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        DecodeSignature(signatureHeader, signature);

        // Int128: a 19-digit timestamp minus a pre-1970 fake clock would overflow long.
        Int128 age = (Int128)_timeProvider.GetUtcNow().ToUnixTimeSeconds() - timestamp;
        if (age > _toleranceSeconds || -age > _toleranceSeconds)
        {
            throw new TelnyxWebhookVerificationException(age > 0 ? TelnyxWebhookVerificationReason.TimestampTooOld : TelnyxWebhookVerificationReason.TimestampTooNew);
        }

        // The signed message "{timestamp}|{body}", built in a pooled buffer: the body is never copied to the heap.
        int prefix = timestampHeader.Length + 1;
        byte[] message = ArrayPool<byte>.Shared.Rent(prefix + (text is null ? bytes.Length : Encoding.UTF8.GetByteCount(text)));
        try
        {
            Encoding.ASCII.GetBytes(timestampHeader, message);
            message[prefix - 1] = (byte)'|';
            bytes.CopyTo(message.AsSpan(prefix)); // empty when the body came as text
            int length = prefix + (text is null ? bytes.Length : Encoding.UTF8.GetBytes(text, message.AsSpan(prefix)));
            VerifyBytes(message.AsSpan(0, length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    private void VerifyBytes(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!SignatureAlgorithm.Ed25519.Verify(_publicKey, message, signature))
        {
            throw new TelnyxWebhookVerificationException(TelnyxWebhookVerificationReason.SignatureMismatch);
        }
    }

    private static void DecodeSignature(string? header, Span<byte> signature)
    {
        // 64 bytes are exactly 88 base64 characters; anything longer or shorter is not one signature.
        if (header is not { Length: 88 } || StrictBase64.Decode(header, signature) != SignatureLength)
        {
            throw new TelnyxWebhookVerificationException(TelnyxWebhookVerificationReason.InvalidSignatureEncoding);
        }
    }
}
