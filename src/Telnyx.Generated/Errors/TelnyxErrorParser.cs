using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Telnyx.Generated;

/// <summary>Reads Telnyx's <c>{"errors":[...]}</c> from any body without ever throwing.</summary>
internal static class TelnyxErrorParser
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(TelnyxJson.ResponseSettings);

    public static IReadOnlyList<TelnyxError> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            if (JToken.Parse(body) is not JObject root || root["errors"] is not JArray items)
            {
                return [];
            }

            // One malformed entry must not cost the others: each is read on its own.
            var errors = new List<TelnyxError>(items.Count);
            foreach (var item in items)
            {
                if (item is JObject entry && TryRead(entry) is { } error)
                {
                    errors.Add(error);
                }
            }

            return errors;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static TelnyxError? TryRead(JObject entry)
    {
        try
        {
            var error = entry.ToObject<TelnyxError>(Serializer);
            if (error is null)
            {
                return null;
            }

            // Telnyx documents code as a string but some services send a number: keep it either way.
            error.Code ??= entry["code"]?.ToString() ?? string.Empty;
            error.Title ??= string.Empty;
            return error;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
