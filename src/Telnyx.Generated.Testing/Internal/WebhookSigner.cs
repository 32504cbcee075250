using NSec.Cryptography;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Signs like Telnyx: Ed25519 over the UTF-8 bytes of <c>{timestamp}|{body}</c>. Written on NSec directly, not on the
/// library's verifier, so the emulator is an independent implementation the library is tested against.
/// </summary>
internal sealed class WebhookSigner : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    public WebhookSigner(string? seedBase64)
    {
        if (seedBase64 is null)
        {
            _key = Key.Create(Algorithm);
        }
        else
        {
            byte[] seed;
            try
            {
                seed = Convert.FromBase64String(seedBase64);
            }
            catch (FormatException)
            {
                throw new ArgumentException("TelnyxEmulatorOptions.SigningKeySeed must be standard base64 of 32 bytes; it is not valid base64.", nameof(seedBase64));
            }

            if (seed.Length != Algorithm.PrivateKeySize)
            {
                throw new ArgumentException($"TelnyxEmulatorOptions.SigningKeySeed must be base64 of {Algorithm.PrivateKeySize} bytes; it decodes to {seed.Length}.", nameof(seedBase64));
            }

            _key = Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey);
        }

        PublicKey = Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key as the Telnyx portal shows it: standard base64 of the raw 32 bytes.</summary>
    public string PublicKey { get; }

    /// <summary>The <c>telnyx-signature-ed25519</c> header value for this timestamp and body.</summary>
    public string Sign(long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> prefix = stackalloc byte[24];
        timestamp.TryFormat(prefix, out var length, provider: System.Globalization.CultureInfo.InvariantCulture);
        prefix[length++] = (byte)'|';
        var signed = new byte[length + body.Length];
        prefix[..length].CopyTo(signed);
        body.CopyTo(signed.AsSpan(length));
        return Convert.ToBase64String(Algorithm.Sign(_key, signed));
    }

    public void Dispose() => _key.Dispose();
}
