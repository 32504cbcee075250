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
}
