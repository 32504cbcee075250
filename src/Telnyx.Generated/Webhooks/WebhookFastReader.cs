using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Reads a UTF-8 body straight into a generated model with <see cref="Utf8JsonReader"/>, following a
/// <see cref="WebhookObjectPlan"/>: no UTF-16 copy of the body, no Newtonsoft reader objects, no date string. It only
/// answers when it is sure Newtonsoft would give the same model; on anything else it declines (returns false, never
/// throws) and the caller runs the Newtonsoft path, so errors and edge cases stay exactly as that path has them.
/// </summary>
internal static class WebhookFastReader
{
    /// <summary>Reads <paramref name="utf8"/> (one JSON object, nothing after it) into a new instance of the plan's type.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, WebhookObjectPlan plan, [NotNullWhen(true)] out object? result)
    {
        result = null;
        try
        {
            // Default options, as strict as JSON: no comments, no trailing commas, depth 64, nothing after the value.
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !TryReadObject(ref reader, plan, out object? value))
            {
                return false;
            }

            // Throws on anything but whitespace after the object.
            if (reader.Read())
            {
                return false;
            }

            result = value;
            return true;
        }
        catch (Exception)
        {
            // Malformed JSON, undecodable strings (invalid UTF-8, lone surrogate escapes), or anything unforeseen:
            // the Newtonsoft path decides what it is.
            return false;
        }
    }

    private static bool TryReadObject(ref Utf8JsonReader reader, WebhookObjectPlan plan, [NotNullWhen(true)] out object? result)
    {
        result = null;
        object target = plan.Create();
        var properties = plan.Properties;
        ulong seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names that only match ignoring case and duplicates (Newtonsoft merges a repeated nested object into the
            // first) are left to Newtonsoft; an unknown name is extension data, read here only for a scalar value.
            int index = plan.IndexOf(ref reader);
            if (index < 0)
            {
                if (!TryReadExtensionData(ref reader, plan, target))
                {
                    return false;
                }

                continue;
            }

            ulong bit = 1UL << index;
            if ((seen & bit) != 0)
            {
                return false;
            }

            seen |= bit;
            var property = properties[index];
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (property.Kind is WebhookReadKind.Int32 or WebhookReadKind.DateTimeOffset)
                {
                    return false;
                }

                if (!property.IgnoreNull)
                {
                    property.Setter.SetValue(target, null);
                }

                continue;
            }

            switch (property.Kind)
            {
                case WebhookReadKind.String:
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    property.Setter.SetValue(target, reader.GetString());
                    break;

                case WebhookReadKind.Int32:
                case WebhookReadKind.NullableInt32:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int number))
                    {
                        return false;
                    }

                    property.Setter.SetValue(target, number);
                    break;

                case WebhookReadKind.DateTimeOffset:
                case WebhookReadKind.NullableDateTimeOffset:
                    if (reader.TokenType != JsonTokenType.String || !TryGetUtcTimestamp(ref reader, out DateTimeOffset date))
                    {
                        return false;
                    }

                    property.Setter.SetValue(target, date);
                    break;

                default:
                    if (reader.TokenType != JsonTokenType.StartObject || !TryReadObject(ref reader, property.Nested!, out object? nested))
                    {
                        return false;
                    }

                    property.Setter.SetValue(target, nested);
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        result = target;
        return true;
    }

    /// <summary>
    /// Stores an unknown member through the contract's extension data setter, as Newtonsoft does under the response
    /// settings (DateParseHandling.None): a string as that string, true/false as a boxed bool, null as a null entry,
    /// an integer that fits Int64 as a boxed long. The setter is the dictionary's indexer, so a repeated name is
    /// last-wins in the first one's place, as in Newtonsoft. Declines anything else: no setter, "$" metadata names, a
    /// name Newtonsoft would match to a property ignoring case, objects, arrays, fractions, exponents (Newtonsoft
    /// reads a double) and integers beyond Int64 (a BigInteger).
    /// </summary>
    private static bool TryReadExtensionData(ref Utf8JsonReader reader, WebhookObjectPlan plan, object target)
    {
        if (plan.ExtensionData is not { } setter)
        {
            return false;
        }

        // Throws (and so declines) on a name that is not valid UTF-16, which Newtonsoft would keep as it is.
        string name = reader.GetString()!;
        if (name.StartsWith('$') || plan.MatchesContractName(name))
        {
            return false;
        }

        reader.Read();
        object? value;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                break;
            case JsonTokenType.True:
                value = true;
                break;
            case JsonTokenType.False:
                value = false;
                break;
            case JsonTokenType.Null:
                value = null;
                break;
            case JsonTokenType.Number:
                if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0 || !reader.TryGetInt64(out long number))
                {
                    return false;
                }

                value = number;
                break;
            default:
                return false;
        }

        setter(target, name, value);
        return true;
    }

    /// <summary>
    /// Accepts only <c>yyyy-MM-ddTHH:mm:ss[.f to ffffff]Z</c> (what Telnyx sends), unescaped, with hours 00-23 and
    /// minutes and seconds 00-59: for exactly these Newtonsoft's ISO parser and System.Text.Json give the same instant
    /// and offset. Other offsets, no offset, seven or more fraction digits, lowercase t/z, date-only and anything
    /// Newtonsoft might read through its culture-based fallback are declined.
    /// </summary>
    private static bool TryGetUtcTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.ValueIsEscaped)
        {
            return false;
        }

        var s = reader.ValueSpan;
        if (s.Length is < 20 or 21 or > 27
            || !Digits(s, 0, 4) || s[4] != (byte)'-' || !Digits(s, 5, 2) || s[7] != (byte)'-' || !Digits(s, 8, 2)
            || s[10] != (byte)'T'
            || !Digits(s, 11, 2) || s[13] != (byte)':' || !Digits(s, 14, 2) || s[16] != (byte)':' || !Digits(s, 17, 2)
            || s[^1] != (byte)'Z'
            || (s.Length > 20 && (s[19] != (byte)'.' || !Digits(s, 20, s.Length - 21)))
            || Two(s, 11) > 23 || Two(s, 14) > 59 || Two(s, 17) > 59)
        {
            return false;
        }

        return reader.TryGetDateTimeOffset(out value) && value.Offset == TimeSpan.Zero;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count)
    {
        foreach (byte b in s.Slice(start, count))
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static int Two(ReadOnlySpan<byte> s, int start) => ((s[start] - '0') * 10) + (s[start + 1] - '0');
}
