using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Signs webhook bodies the way Telnyx does, so your tests (and emulators) can send your handler webhooks that a
/// <see cref="TelnyxWebhookVerifier"/> built from <see cref="PublicKeyBase64"/> accepts. Not needed in production.
/// </summary>
public sealed class TelnyxWebhookSigner : IDisposable
{
    private readonly Key _key;

    /// <summary>Creates a signer with a fresh random Ed25519 key pair.</summary>
    public TelnyxWebhookSigner()
    {
        _key = Key.Create(SignatureAlgorithm.Ed25519);
    }

    /// <summary>Creates a signer from an existing private key.</summary>
    /// <param name="privateKeyBase64">Standard base64 of the raw 32-byte Ed25519 private key (the RFC 8032 seed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="privateKeyBase64"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is empty, not standard base64, or not 32 bytes (the message never contains the key).</exception>
    public TelnyxWebhookSigner(string privateKeyBase64)
    {
        Span<byte> seed = stackalloc byte[32];
        try
        {
            StrictBase64.DecodeKey(privateKeyBase64, seed, "The Ed25519 private key (the raw 32-byte RFC 8032 seed)", nameof(privateKeyBase64));
            _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The public key in Telnyx's form (standard base64 of the raw 32 bytes): pass it to <see cref="TelnyxWebhookVerifier"/>.</summary>
    public string PublicKeyBase64 => Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Signs <paramref name="payload"/> at <paramref name="timestamp"/> and returns both headers.</summary>
    /// <param name="payload">The exact body you will send (UTF-8).</param>
    /// <param name="timestamp">The signing time; whole seconds are used.</param>
    /// <returns>A case-insensitive dictionary with <c>telnyx-signature-ed25519</c> and <c>telnyx-timestamp</c>, ready for <see cref="TelnyxWebhookVerifier.Unwrap(string, IReadOnlyDictionary{string, string})"/> or an HTTP request.</returns>
    public IReadOnlyDictionary<string, string> Sign(string payload, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Sign(Encoding.UTF8.GetBytes(payload), timestamp);
    }

    /// <summary>Signs the raw <paramref name="payload"/> bytes at <paramref name="timestamp"/> and returns both headers.</summary>
    /// <param name="payload">The exact body bytes you will send.</param>
    /// <param name="timestamp">The signing time; whole seconds are used.</param>
    /// <returns>A case-insensitive dictionary with <c>telnyx-signature-ed25519</c> and <c>telnyx-timestamp</c>.</returns>
    public IReadOnlyDictionary<string, string> Sign(ReadOnlySpan<byte> payload, DateTimeOffset timestamp)
    {
        string unixSeconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [TelnyxWebhookHeaders.Signature] = ComputeSignature(payload, unixSeconds),
            [TelnyxWebhookHeaders.Timestamp] = unixSeconds,
        };
    }

    /// <summary>
    /// The <c>telnyx-signature-ed25519</c> value for <c>{timestamp}|{payload}</c>, with the timestamp used verbatim
    /// (so tests can sign odd timestamps too).
    /// </summary>
    /// <param name="payload">The exact body (UTF-8).</param>
    /// <param name="timestamp">The <c>telnyx-timestamp</c> value exactly as it will be sent.</param>
    /// <returns>Standard base64 of the 64-byte signature.</returns>
    public string ComputeSignature(string payload, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return ComputeSignature(Encoding.UTF8.GetBytes(payload), timestamp);
    }

    /// <summary>The <c>telnyx-signature-ed25519</c> value for <c>{timestamp}|{payload}</c>, with the timestamp used verbatim.</summary>
    /// <param name="payload">The exact body bytes.</param>
    /// <param name="timestamp">The <c>telnyx-timestamp</c> value exactly as it will be sent.</param>
    /// <returns>Standard base64 of the 64-byte signature.</returns>
    public string ComputeSignature(ReadOnlySpan<byte> payload, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        return SignMessage([.. Encoding.UTF8.GetBytes(timestamp + "|"), .. payload]);
    }

    /// <summary>Signs exactly <paramref name="message"/> (RFC 8032 vectors use messages that are not <c>timestamp|body</c>).</summary>
    internal string SignMessage(ReadOnlySpan<byte> message)
        => Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, message));

    /// <summary>Releases the private key.</summary>
    public void Dispose() => _key.Dispose();

    /// <summary>Names the public key only; the private key is never shown.</summary>
    /// <returns>A description with the public key.</returns>
    public override string ToString() => $"TelnyxWebhookSigner(PublicKey={PublicKeyBase64})";
}
