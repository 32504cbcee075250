using System.Security.Cryptography;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Standard base64 with padding and zero trailing bits, nothing else: a verifier must accept exactly one spelling of
/// each signature and key. The BCL decoder also skips whitespace and ignores unused trailing bits (16 header strings
/// would decode to one signature), so a text is accepted only when it is the BCL's own encoding of what it decodes to.
/// </summary>
internal static class StrictBase64
{
    /// <summary>Decodes <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written, or -1 when the text is empty, not strict base64, or does not fit.</returns>
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (!Convert.TryFromBase64Chars(text, destination, out int written) || written == 0)
        {
            return -1;
        }

        // The canonical spelling is never longer than the text (the decoder skipped only whitespace).
        Span<char> canonical = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        return Convert.TryToBase64Chars(destination[..written], canonical, out int length) && canonical[..length].SequenceEqual(text) ? written : -1;
    }

    /// <summary>Decodes a key of exactly <paramref name="key"/>.Length bytes into <paramref name="key"/>.</summary>
    /// <param name="text">The key's base64.</param>
    /// <param name="key">Receives the key.</param>
    /// <param name="what">Names the key in messages, which never quote it.</param>
    /// <param name="paramName">The argument the key came from.</param>
    /// <exception cref="ArgumentException">The text is empty, not strict base64, or the wrong length.</exception>
    public static void DecodeKey(string text, Span<byte> key, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{what} is empty.", paramName);
        }

        byte[] buffer = new byte[text.Length]; // more than any base64 text decodes to
        try
        {
            int length = Decode(text, buffer);
            if (length < 0)
            {
                throw new ArgumentException($"{what} is not standard base64 (alphabet A-Z a-z 0-9 + /, '=' padding, no whitespace).", paramName);
            }

            if (length != key.Length)
            {
                throw new ArgumentException($"{what} decodes to {length} bytes; it must be exactly {key.Length}.", paramName);
            }

            buffer.AsSpan(0, length).CopyTo(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer); // it may hold a private key
        }
    }
}
