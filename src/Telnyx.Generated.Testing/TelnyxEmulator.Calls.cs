using System.Text.Json;
using System.Text.Json.Nodes;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

// What a valid command does to its call, and the webhooks a real call would produce for it.
public sealed partial class TelnyxEmulator
{
    private SchemaError? Execute(string callControlId, string action, JsonElement body, bool takesCommandId)
    {
        var produced = new List<(EmulatedEvent Event, JsonObject Data)>();
        lock (_gate)
        {
            if (!_calls.TryGetValue(callControlId, out var call))
            {
                return new SchemaError("90015", "Invalid Call Control ID", "The call_control_id provided was not valid.", "/call_control_id");
            }

            if (call.Ended)
            {
                return new SchemaError("90018", "Call has already ended", "This call is no longer active and can't receive commands.", string.Empty);
            }

            if (takesCommandId && String(body, "command_id") is { } commandId && !call.CommandIds.Add(commandId))
            {
                return null; // Telnyx accepts a repeated command_id and ignores it: no effect, no webhooks
            }

            if (String(body, "client_state") is { } clientState)
            {
                call.ClientState = clientState;
            }

            switch (action)
            {
                case "refer":
                    var sipAddress = String(body, "sip_address")!;
                    produced.Add(NewEvent(call, "call.refer.started", p => p["sip_notify_response"] = 100));
                    produced.Add(_rejectedSipAddresses.Contains(sipAddress)
                        ? NewEvent(call, "call.refer.failed", p => p["sip_notify_response"] = 603)
                        : NewEvent(call, "call.refer.completed", p => p["sip_notify_response"] = 200));
                    break;
                case "siprec_start":
                    var failure = _siprecFailureCause;
                    produced.Add(failure is null
                        ? NewEvent(call, "siprec.started", _ => { })
                        : NewEvent(call, "siprec.failed", p => p["failure_cause"] = failure));
                    break;
                case "siprec_stop":
                    produced.Add(NewEvent(call, "siprec.stopped", p => p["hangup_cause"] = "normal_clearing"));
                    break;
            }

            _events.AddRange(produced.Select(p => p.Event));
        }

        foreach (var (emulatedEvent, data) in produced)
        {
            _dispatcher?.Enqueue(emulatedEvent, data);
        }

        return null;
    }

    private (EmulatedEvent, JsonObject) NewEvent(EmulatedCall call, string eventType, Action<JsonObject> addFields)
    {
        var payload = new JsonObject
        {
            ["call_control_id"] = call.CallControlId,
            ["call_leg_id"] = call.CallLegId,
            ["call_session_id"] = call.CallSessionId,
            ["client_state"] = call.ClientState,
            ["connection_id"] = call.ConnectionId,
        };
        if (eventType.StartsWith("call.refer.", StringComparison.Ordinal))
        {
            payload["from"] = call.From;
            payload["to"] = call.To;
        }

        addFields(payload);
        var id = Guid.NewGuid().ToString();
        var data = new JsonObject
        {
            ["record_type"] = "event",
            ["event_type"] = eventType,
            ["id"] = id,
            ["occurred_at"] = _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["payload"] = payload,
        };
        return (new EmulatedEvent(eventType, id, call.CallControlId), data);
    }

    private static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
