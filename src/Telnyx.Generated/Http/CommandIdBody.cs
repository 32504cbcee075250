using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telnyx.Generated.Http;

/// <summary>
/// Gives a request body a command_id when it has none. Done once per logical call, on the serialised bytes, so every
/// retry carries the same id and the caller's object is never mutated.
/// </summary>
internal static class CommandIdBody
{
    public static (byte[] Body, string? CommandId) Ensure(byte[] body)
    {
        if (FindTopLevel(body) is not (var present, var existing))
        {
            return (body, null); // not a JSON object: leave it for Telnyx to reject
        }

        // Only null and "" count as left empty: any other value is the caller's and is kept.
        if (!string.IsNullOrEmpty(existing))
        {
            return (body, existing);
        }

        var id = Guid.NewGuid().ToString();
        return (present ? Replace(body, id) : Insert(body, id), id);
    }

    /// <summary>Whether the top-level object has a command_id, and its string value; null when the body is not one JSON object.</summary>
    private static (bool Present, string? Value)? FindTopLevel(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCommandId = reader.ValueTextEquals("command_id"u8);
                reader.Read();
                if (isCommandId)
                {
                    return (true, reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject ? (false, null) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The usual case, spliced into the bytes: {  +  "command_id":"<id>"  +  "," unless the object was empty  +  the rest.
    private static byte[] Insert(byte[] body, string id)
    {
        var afterBrace = Array.IndexOf(body, (byte)'{') + 1;
        var rest = body.AsSpan(afterBrace);
        var separator = rest.TrimStart(" \t\r\n"u8).StartsWith("}"u8) ? ""u8 : ","u8;
        var result = new byte[body.Length + Key.Length + id.Length + 1 + separator.Length];
        var written = Write(result, 0, body.AsSpan(0, afterBrace));
        written = Write(result, written, Key);
        written += Encoding.UTF8.GetBytes(id, result.AsSpan(written)); // a Guid's 36 ASCII characters
        written = Write(result, written, "\""u8);
        written = Write(result, written, separator);
        Write(result, written, rest);
        return result;
    }

    private static ReadOnlySpan<byte> Key => "\"command_id\":\""u8;

    private static int Write(byte[] target, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(target.AsSpan(at));
        return at + bytes.Length;
    }

    // Rare: the caller set "" or null, which a splice would leave as a second, conflicting key.
    private static byte[] Replace(byte[] body, string id)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        node["command_id"] = id;
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }
}
