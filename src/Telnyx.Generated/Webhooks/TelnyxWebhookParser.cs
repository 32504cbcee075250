using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Newtonsoft.Json;
using StjJsonException = System.Text.Json.JsonException;
using Utf8JsonReader = System.Text.Json.Utf8JsonReader;
using Utf8TokenType = System.Text.Json.JsonTokenType;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Parses a webhook body into its event type without verifying it: for tests, replays and bodies verified elsewhere.
/// Production code should call <see cref="TelnyxWebhookVerifier.Unwrap(ReadOnlySpan{byte}, Func{string, string?})"/>.
/// </summary>
public static class TelnyxWebhookParser
{
    // Serializers are costly to build and safe to share for reading.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(TelnyxJson.ResponseSettings);

    // The fast path's plan per known event type (null: that model always takes the Newtonsoft path).
    private static readonly WebhookObjectPlan?[] KnownPlans = Array.ConvertAll(TelnyxWebhookEventTypes.Known, k => WebhookObjectPlan.For(k.Type));

    /// <summary>Parses a webhook body.</summary>
    /// <param name="payload">The body, <c>{"data": {"event_type": ...}, "meta"?: ...}</c>.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body is not an event envelope.</exception>
    public static TelnyxWebhookEvent Parse(string payload) => Parse(payload, fastPath: true);

    /// <summary>Parses a webhook body from its raw UTF-8 bytes.</summary>
    /// <param name="payload">The body bytes, <c>{"data": {"event_type": ...}, "meta"?: ...}</c>.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookParseException">The body is not an event envelope.</exception>
    public static TelnyxWebhookEvent Parse(ReadOnlySpan<byte> payload) => Parse(payload, fastPath: true);

    /// <summary><see cref="Parse(string)"/>, with the fast path switchable so tests can compare the two paths.</summary>
    internal static TelnyxWebhookEvent Parse(string payload, bool fastPath)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.StartsWith('\uFEFF'))
        {
            payload = payload[1..];
        }

        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        try
        {
            // Strict transcoding: a lone surrogate would become U+FFFD in the bytes but stay as it is for Newtonsoft.
            if (fastPath
                && Utf8.FromUtf16(payload, utf8, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done
                && TryParseFast(utf8.AsSpan(0, written), out var fast))
            {
                return fast;
            }

            int length = Encoding.UTF8.GetBytes(payload, utf8);
            Type? type = Discriminate(utf8.AsSpan(0, length), out string? unknownType);
            return Deserialize(type, unknownType, new StringReader(payload), payload, null, 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary><see cref="Parse(ReadOnlySpan{byte})"/>, with the fast path switchable so tests can compare the two paths.</summary>
    internal static TelnyxWebhookEvent Parse(ReadOnlySpan<byte> payload, bool fastPath)
    {
        if (payload.StartsWith(Encoding.UTF8.Preamble))
        {
            payload = payload[Encoding.UTF8.Preamble.Length..];
        }

        if (fastPath && TryParseFast(payload, out var fast))
        {
            return fast;
        }

        Type? type = Discriminate(payload, out string? unknownType);
        char[] chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(payload.Length));
        try
        {
            int length = Encoding.UTF8.GetChars(payload, chars);
            return Deserialize(type, unknownType, new CharArrayReader(chars, length), null, chars, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The fast path: finds <c>data.event_type</c> with a scan that stops as soon as it has it (Telnyx sends it first
    /// in <c>data</c>), then reads the whole body with System.Text.Json straight into the model. Declines (false) on
    /// anything the Newtonsoft path might read differently, and on unknown event types and every malformed body, so
    /// those keep the slow path's results and messages.
    /// </summary>
    internal static bool TryParseFast(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out TelnyxWebhookEvent? evt)
    {
        evt = null;
        int known = FindKnownEventType(utf8);
        if (known < 0 || KnownPlans[known] is not { } plan || !WebhookFastReader.TryRead(utf8, plan, out object? model))
        {
            return false;
        }

        // The scan took the first data.event_type; the full read refuses duplicates, so this only guards the two
        // from ever disagreeing.
        var candidate = (TelnyxWebhookEvent)model;
        if (!string.Equals(candidate.DataEventType, TelnyxWebhookEventTypes.Known[known].EventType, StringComparison.Ordinal))
        {
            return false;
        }

        evt = candidate;
        return true;
    }

    /// <summary>The index in <see cref="TelnyxWebhookEventTypes.Known"/> of the first <c>data.event_type</c>, or -1 (unknown, absent, malformed).</summary>
    private static int FindKnownEventType(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != Utf8TokenType.StartObject)
            {
                return -1;
            }

            while (reader.Read() && reader.TokenType == Utf8TokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("data"u8))
                {
                    reader.Skip();
                    continue;
                }

                if (!reader.Read() || reader.TokenType != Utf8TokenType.StartObject)
                {
                    return -1;
                }

                while (reader.Read() && reader.TokenType == Utf8TokenType.PropertyName)
                {
                    if (!reader.ValueTextEquals("event_type"u8))
                    {
                        reader.Skip();
                        continue;
                    }

                    return reader.Read() && reader.TokenType == Utf8TokenType.String ? LookupIndex(ref reader) : -1;
                }

                return -1;
            }

            return -1;
        }
        catch (Exception ex) when (ex is StjJsonException or InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>
    /// One fast, allocation-free pass over the bytes that checks the JSON is well formed, the top level is an object
    /// and <c>data.event_type</c> is a string, and picks the model. Like Newtonsoft, the last duplicate key wins.
    /// </summary>
    /// <returns>The model type, or null (with <paramref name="unknownType"/> set) for an unmodelled event type.</returns>
    private static Type? Discriminate(ReadOnlySpan<byte> utf8, out string? unknownType)
    {
        if (utf8.IsEmpty)
        {
            throw new TelnyxWebhookParseException("The webhook body is empty; a Telnyx webhook is a JSON object {\"data\": {\"event_type\": ...}}.");
        }

        var reader = new Utf8JsonReader(utf8);
        bool sawData = false;
        bool sawEventType = false;
        Type? type = null;
        unknownType = null;
        try
        {
            if (!reader.Read() || reader.TokenType != Utf8TokenType.StartObject)
            {
                throw new TelnyxWebhookParseException("The webhook body is not a JSON object; a Telnyx webhook is {\"data\": {\"event_type\": ...}}.");
            }

            bool inData = false;
            while (reader.Read())
            {
                if (reader.TokenType == Utf8TokenType.EndObject && reader.CurrentDepth == 1)
                {
                    inData = false;
                }

                if (reader.TokenType != Utf8TokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    if (reader.TokenType != Utf8TokenType.StartObject)
                    {
                        throw new TelnyxWebhookParseException("The webhook body's \"data\" is not a JSON object.");
                    }

                    sawData = true;
                    inData = true;
                    sawEventType = false;
                    type = null;
                    unknownType = null;
                }
                else if (inData && reader.CurrentDepth == 2 && reader.ValueTextEquals("event_type"u8))
                {
                    reader.Read();
                    if (reader.TokenType != Utf8TokenType.String)
                    {
                        throw new TelnyxWebhookParseException("The webhook's data.event_type is not a string.");
                    }

                    sawEventType = true;
                    type = Lookup(ref reader);
                    unknownType = type is null ? reader.GetString() : null;
                }
            }
        }
        catch (Exception ex) when (ex is StjJsonException or InvalidOperationException)
        {
            throw new TelnyxWebhookParseException($"The webhook body is not valid JSON (at byte {reader.BytesConsumed}).", ex);
        }

        if (!sawData)
        {
            throw new TelnyxWebhookParseException("The webhook body has no \"data\" object; a Telnyx webhook is {\"data\": {\"event_type\": ...}}.");
        }

        if (!sawEventType)
        {
            throw new TelnyxWebhookParseException("The webhook's data.event_type is missing.");
        }

        return type;
    }

    private static Type? Lookup(ref Utf8JsonReader reader)
    {
        int index = LookupIndex(ref reader);
        return index < 0 ? null : TelnyxWebhookEventTypes.Known[index].Type;
    }

    private static int LookupIndex(ref Utf8JsonReader reader)
    {
        var known = TelnyxWebhookEventTypes.Known;
        for (int i = 0; i < known.Length; i++)
        {
            if (reader.ValueTextEquals(known[i].Utf8))
            {
                return i;
            }
        }

        return -1;
    }

    // The raw JSON is only materialised for an unknown event: rawString when parsing a string, else rawChars[..rawLength].
    private static TelnyxWebhookEvent Deserialize(Type? type, string? unknownType, TextReader text, string? rawString, char[]? rawChars, int rawLength)
    {
        try
        {
            using var reader = new JsonTextReader(text) { ArrayPool = JsonCharPool.Instance, CloseInput = false };
            if (type is not null)
            {
                return (TelnyxWebhookEvent)Serializer.Deserialize(reader, type)!;
            }

            var envelope = Serializer.Deserialize<UnknownTelnyxWebhookEvent.Envelope>(reader)!;
            string rawJson = rawString ?? new string(rawChars!, 0, rawLength);
            return new UnknownTelnyxWebhookEvent(unknownType!, rawJson, envelope.Data?.Id, envelope.Data?.OccurredAt, envelope.Data?.RecordType)
            {
                Meta = envelope.Meta,
            };
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            string path = ex is JsonReaderException r ? r.Path ?? string.Empty : ex is JsonSerializationException s ? s.Path ?? string.Empty : string.Empty;
            throw new TelnyxWebhookParseException(
                $"The webhook body does not match the {(type ?? typeof(UnknownTelnyxWebhookEvent)).Name} schema at '{path}': a field has the wrong JSON type.", ex);
        }
    }

    /// <summary>A TextReader over decoded chars, so bytes need no intermediate string.</summary>
    private sealed class CharArrayReader(char[] chars, int length) : TextReader
    {
        private int _position;

        public override int Peek() => _position < length ? chars[_position] : -1;

        public override int Read() => _position < length ? chars[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(count, length - _position);
            Array.Copy(chars, _position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    /// <summary>Lets Newtonsoft rent its read buffer instead of allocating one per body.</summary>
    private sealed class JsonCharPool : IArrayPool<char>
    {
        public static readonly JsonCharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
