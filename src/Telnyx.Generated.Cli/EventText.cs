using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli;

/// <summary>One readable line of an event's key fields, shared by <c>demo</c>, <c>listen</c> and <c>verify</c>.</summary>
internal static class EventText
{
    // The ids every call event carries are long and say nothing about what happened; the line shows the rest.
    private static readonly HashSet<string> Ids = typeof(CallEventPayload).GetProperties()
        .Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName)
        .Where(name => name is not null && name != "client_state")
        .ToHashSet()!;

    /// <summary>
    /// The event type, the call it belongs to when <paramref name="withCall"/> (where several calls may interleave:
    /// <c>listen</c>, <c>verify</c>), the payload's own fields (then <c>client_state</c>) and the delivery attempt.
    /// </summary>
    public static string KeyFields(TelnyxWebhookEvent webhook, bool withCall)
    {
        string fields = webhook.Payload is { } payload
            ? string.Join(" ", JObject.FromObject(payload).Properties()
                .Where(p => !Ids.Contains(p.Name) && p.Value.Type != JTokenType.Null)
                .OrderBy(p => p.Name == "client_state")
                .Select(p => $"{p.Name}={(p.Value is JValue value ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) : p.Value.ToString(Formatting.None))}"))
            : "(event type unknown to this version)";
        var call = withCall ? $"call_control_id={webhook.Payload?.CallControlId ?? "?"} " : string.Empty;
        return $"{webhook.EventType,-21} {call}{fields}  attempt={webhook.Meta?.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
    }
}
