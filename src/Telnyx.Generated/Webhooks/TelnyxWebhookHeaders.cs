using System.Net.Http.Headers;

namespace Telnyx.Generated.Webhooks;

/// <summary>The two headers Telnyx signs webhooks with (names compare case-insensitively), and how the verifier reads them.</summary>
public static class TelnyxWebhookHeaders
{
    /// <summary><c>telnyx-signature-ed25519</c>: standard base64 of the 64-byte Ed25519 signature.</summary>
    public const string Signature = "telnyx-signature-ed25519";

    /// <summary><c>telnyx-timestamp</c>: Unix time in seconds, signed as part of the message.</summary>
    public const string Timestamp = "telnyx-timestamp";

    // A header sent twice must not verify silently: the duplicate is passed on as an unparseable value
    // (a comma-joined pair), so the signature gives InvalidSignatureEncoding and the timestamp InvalidTimestamp.
    private const string Duplicated = "duplicated,header";

    /// <summary>The value of header <paramref name="name"/>, matched ignoring case; a duplicate gives an unparseable value.</summary>
    internal static string? Find(IReadOnlyDictionary<string, string> headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);

        // Whatever the dictionary's comparer, names match ignoring case, and two such entries are a duplicate.
        string? found = null;
        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? value : Duplicated;
            }
        }

        return found;
    }

    /// <summary>The value of header <paramref name="name"/>; a duplicate gives an unparseable value.</summary>
    internal static string? Find(HttpHeaders headers, string name) =>
        !(headers ?? throw new ArgumentNullException(nameof(headers))).NonValidated.TryGetValues(name, out HeaderStringValues values) || values.Count == 0 ? null
        : values.Count > 1 ? Duplicated
        : values.ToString();
}
