using System.Buffers;
using System.Text;
using Newtonsoft.Json;
using StjJsonException = System.Text.Json.JsonException;
using Utf8JsonReader = System.Text.Json.Utf8JsonReader;
using Utf8TokenType = System.Text.Json.JsonTokenType;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Parses a webhook body into its event type without verifying it: for tests, replays and bodies verified elsewhere.
/// Production code should call <see cref="TelnyxWebhookVerifier.Unwrap(ReadOnlySpan{byte}, Func{string, string?})"/>.
/// </summary>
/// <remarks>
/// One pass of the BCL's strict JSON reader checks the body is JSON and finds <c>data.event_type</c> (Newtonsoft's
/// reader would accept single quotes, comments and trailing commas); then Newtonsoft reads it once, with the settings
/// and contracts of every generated model, into the event type's class.
/// </remarks>
public static class TelnyxWebhookParser
{
    // Serializers are costly to build and safe to share for reading. CheckAdditionalContent, as in JsonConvert: a
    // metadata name with an odd value ("$id": {}) makes Newtonsoft stop reading early, and the rest must not be lost.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings(TelnyxJson.ResponseSettings) { CheckAdditionalContent = true });

    /// <summary>Parses a webhook body.</summary>
    /// <param name="payload">The body, <c>{"data": {"event_type": ...}, "meta"?: ...}</c>.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    /// <exception cref="TelnyxWebhookParseException">The body is not an event envelope.</exception>
    public static TelnyxWebhookEvent Parse(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.StartsWith('\uFEFF'))
        {
            payload = payload[1..];
        }

        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        try
        {
            Type? type = FindEventType(utf8.AsSpan(0, Encoding.UTF8.GetBytes(payload, utf8)));
            return type is null ? ReadUnknown(payload) : (TelnyxWebhookEvent)Read(new StringReader(payload), type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>Parses a webhook body from its raw UTF-8 bytes.</summary>
    /// <param name="payload">The body bytes, <c>{"data": {"event_type": ...}, "meta"?: ...}</c>.</param>
    /// <returns>The typed event, or <see cref="UnknownTelnyxWebhookEvent"/> for an event type this library does not model.</returns>
    /// <exception cref="TelnyxWebhookParseException">The body is not an event envelope.</exception>
    public static TelnyxWebhookEvent Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.StartsWith(Encoding.UTF8.Preamble))
        {
            payload = payload[Encoding.UTF8.Preamble.Length..];
        }

        Type? type = FindEventType(payload);
        if (type is null)
        {
            return ReadUnknown(Encoding.UTF8.GetString(payload));
        }

        // Decoded into a pooled buffer, not a string: the body is read once and never kept.
        char[] chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(payload.Length));
        try
        {
            return (TelnyxWebhookEvent)Read(new CharArrayReader(chars, Encoding.UTF8.GetChars(payload, chars)), type);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Checks the body is one well-formed JSON object whose <c>data</c> is an object with a string
    /// <c>event_type</c>, and picks the model for it.
    /// </summary>
    /// <returns>The model type, or null for an unmodelled event type.</returns>
    private static Type? FindEventType(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw new TelnyxWebhookParseException("The webhook body is empty; a Telnyx webhook is a JSON object {\"data\": {\"event_type\": ...}}.");
        }

        var reader = new Utf8JsonReader(utf8);
        bool? dataIsObject = null; // null: no "data" yet; else whether the last one is an object
        bool inData = false;
        bool sawEventType = false;
        Type? type = null;
        try
        {
            if (!reader.Read() || reader.TokenType != Utf8TokenType.StartObject)
            {
                throw new TelnyxWebhookParseException("The webhook body is not a JSON object; a Telnyx webhook is {\"data\": {\"event_type\": ...}}.");
            }

            while (reader.Read())
            {
                if (reader.TokenType == Utf8TokenType.EndObject && reader.CurrentDepth == 1)
                {
                    inData = false;
                }
                else if (reader.TokenType == Utf8TokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    inData = reader.TokenType == Utf8TokenType.StartObject;
                    (dataIsObject, sawEventType, type) = (inData, false, null);
                }
                else if (inData && reader.TokenType == Utf8TokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("event_type"u8))
                {
                    reader.Read();
                    sawEventType = reader.TokenType == Utf8TokenType.String;
                    type = sawEventType ? TelnyxWebhookEventTypes.Find(ref reader) : null;
                }
            }
        }
        catch (Exception ex) when (ex is StjJsonException or InvalidOperationException)
        {
            throw new TelnyxWebhookParseException($"The webhook body is not valid JSON (at byte {reader.BytesConsumed}).", ex);
        }

        // Checked on the last "data" and its last "event_type": Newtonsoft, too, keeps the last of duplicate keys.
        if (dataIsObject is null)
        {
            throw new TelnyxWebhookParseException("The webhook body has no \"data\" object; a Telnyx webhook is {\"data\": {\"event_type\": ...}}.");
        }

        if (dataIsObject is false)
        {
            throw new TelnyxWebhookParseException("The webhook body's \"data\" is not a JSON object.");
        }

        if (!sawEventType)
        {
            throw new TelnyxWebhookParseException("The webhook's data.event_type is missing or not a string.");
        }

        return type;
    }

    private static UnknownTelnyxWebhookEvent ReadUnknown(string rawJson)
    {
        // The event type as Newtonsoft reads every other value (a lone surrogate escape included, which the check above
        // cannot decode); null only if metadata names made Newtonsoft skip "data".
        var envelope = (UnknownTelnyxWebhookEvent.Envelope)Read(new StringReader(rawJson), typeof(UnknownTelnyxWebhookEvent.Envelope));
        string eventType = envelope.Data?.EventType ?? throw new TelnyxWebhookParseException("The webhook's data.event_type is missing or not a string.");
        return new UnknownTelnyxWebhookEvent(eventType, rawJson, envelope.Data?.Id, envelope.Data?.OccurredAt, envelope.Data?.RecordType)
        {
            Meta = envelope.Meta,
        };
    }

    private static object Read(TextReader text, Type type)
    {
        try
        {
            using var reader = new JsonTextReader(text) { ArrayPool = JsonCharPool.Instance, CloseInput = false };
            return Serializer.Deserialize(reader, type) ?? throw new TelnyxWebhookParseException("The webhook body is not a Telnyx event envelope.");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            // The path names the field; the message never quotes the body's values.
            string path = (ex as JsonReaderException)?.Path ?? (ex as JsonSerializationException)?.Path ?? string.Empty;
            string schema = type == typeof(UnknownTelnyxWebhookEvent.Envelope) ? nameof(UnknownTelnyxWebhookEvent) : type.Name;
            throw new TelnyxWebhookParseException($"The webhook body does not match the {schema} schema at '{path}': a field has the wrong JSON type.", ex);
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

    /// <summary>Lets Newtonsoft rent its read buffer instead of allocating 2 KB per body.</summary>
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
