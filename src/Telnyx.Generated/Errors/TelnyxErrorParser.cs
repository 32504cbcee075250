using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Telnyx.Generated;

/// <summary>Reads Telnyx's <c>{"errors":[...]}</c> from any body without ever throwing.</summary>
internal static class TelnyxErrorParser
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(TelnyxJson.ResponseSettings);

    public static IReadOnlyList<TelnyxError> Parse(string? body)
    {
        JToken? errors;
        try
        {
            errors = (JToken.Parse(body ?? string.Empty) as JObject)?["errors"];
        }
        catch (JsonException)
        {
            return [];
        }

        // One malformed entry must not cost the others: each is read on its own.
        return errors is JArray items ? [.. items.OfType<JObject>().Select(TryRead).OfType<TelnyxError>()] : [];
    }

    private static TelnyxError? TryRead(JObject entry)
    {
        try
        {
            var error = entry.ToObject<TelnyxError>(Serializer)!;

            // Telnyx documents code as a string but some services send a number: keep it either way.
            error.Code ??= entry["code"]?.ToString() ?? string.Empty;
            error.Title ??= string.Empty;
            return error;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return null;
        }
    }
}
