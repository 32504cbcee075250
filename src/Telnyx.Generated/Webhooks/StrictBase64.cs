namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Standard-alphabet base64 with mandatory padding and zero trailing bits, nothing else. The BCL decoders skip
/// whitespace and ignore unused trailing bits, so 16 different header strings would decode to the same signature;
/// a verifier must accept exactly one spelling of each signature.
/// </summary>
internal static class StrictBase64
{
    /// <summary>Decodes <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written, or -1 when the text is not strict base64 or does not fit.</returns>
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return -1;
        }

        int padding = text[^1] == '=' ? (text[^2] == '=' ? 2 : 1) : 0;
        int length = (text.Length / 4 * 3) - padding;
        if (length > destination.Length)
        {
            return -1;
        }

        int written = 0;
        for (int i = 0; i < text.Length; i += 4)
        {
            bool last = i + 4 == text.Length;
            int a = Value(text[i]);
            int b = Value(text[i + 1]);
            int c = last && padding == 2 ? 0 : Value(text[i + 2]);
            int d = last && padding >= 1 ? 0 : Value(text[i + 3]);
            if ((a | b | c | d) < 0)
            {
                return -1;
            }

            if (last && padding == 2 && (b & 0x0F) != 0)
            {
                return -1;
            }

            if (last && padding == 1 && (c & 0x03) != 0)
            {
                return -1;
            }

            int triple = (a << 18) | (b << 12) | (c << 6) | d;
            destination[written++] = (byte)(triple >> 16);
            if (written < length)
            {
                destination[written++] = (byte)(triple >> 8);
            }

            if (written < length)
            {
                destination[written++] = (byte)triple;
            }
        }

        return written;
    }

    private static int Value(char ch) => ch switch
    {
        >= 'A' and <= 'Z' => ch - 'A',
        >= 'a' and <= 'z' => ch - 'a' + 26,
        >= '0' and <= '9' => ch - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}
