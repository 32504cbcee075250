using System.Text;
using System.Text.Json;

namespace Telnyx.Generated.Http;

/// <summary>
/// Gives a request body a command_id when it has none. Done once per logical call, on the serialised bytes, so every
/// retry carries the same id and the caller's object is never mutated.
/// </summary>
internal static class CommandIdBody
{
    private static readonly byte[] Key = "\"command_id\":"u8.ToArray();

    public static (byte[] Body, string? CommandId) Ensure(byte[] body)
    {
        var found = FindTopLevel(body, out var existing);
        if (found == Presence.Set)
        {
            return (body, existing);
        }

        if (found == Presence.Blank)
        {
            return ReplaceBlank(body); // rare: the caller set "" (or null via extension data)
        }

        if (found == Presence.NotAnObject)
        {
            return (body, null); // not a JSON object: leave it for Telnyx to reject
        }

        var start = Array.IndexOf(body, (byte)'{');

        var id = Guid.NewGuid().ToString();
        var isEmpty = body.AsSpan(start + 1).TrimStart(" \t\r\n"u8).StartsWith("}"u8);

        // {  +  "command_id":"<36-char uuid>"  +  , (unless the object was empty)  +  the rest of the body
        var result = new byte[body.Length + Key.Length + 2 + id.Length + (isEmpty ? 0 : 1)];
        var at = start + 1;
        body.AsSpan(0, at).CopyTo(result);
        Key.CopyTo(result.AsSpan(at));
        at += Key.Length;
        result[at++] = (byte)'"';
        at += Encoding.UTF8.GetBytes(id, result.AsSpan(at));
        result[at++] = (byte)'"';
        if (!isEmpty)
        {
            result[at++] = (byte)',';
        }

        body.AsSpan(start + 1).CopyTo(result.AsSpan(at));
        return (result, id);
    }

    public enum Presence
    {
        NotAnObject,
        Absent,
        Blank,
        Set,
    }

    /// <summary>Whether the top-level object has a command_id, and its value.</summary>
    public static Presence FindTopLevel(ReadOnlySpan<byte> body, out string? commandId)
    {
        commandId = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Presence.NotAnObject;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCommandId = reader.ValueTextEquals("command_id"u8);
                reader.Read();
                if (isCommandId)
                {
                    commandId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    // Only null and "" count as left empty: any other value is the caller's and is kept.
                    return string.IsNullOrEmpty(commandId) ? Presence.Blank : Presence.Set;
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject ? Presence.Absent : Presence.NotAnObject;
        }
        catch (JsonException)
        {
            return Presence.NotAnObject;
        }
    }

    private static (byte[] Body, string? CommandId) ReplaceBlank(byte[] body)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        var id = Guid.NewGuid().ToString();
        node["command_id"] = id;
        return (JsonSerializer.SerializeToUtf8Bytes(node), id);
    }
}
