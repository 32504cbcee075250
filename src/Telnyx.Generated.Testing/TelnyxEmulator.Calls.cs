using System.Text.Json;
using System.Text.Json.Nodes;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

// What a valid command does to its call, and the webhooks a real call would produce for it: the curated events its
// operation lists in the spec (x-telnyx-webhooks), as EventOutcomes chooses them, each built from its spec example.
public sealed partial class TelnyxEmulator
{
    // The example's values that are the call's own: an event or response reports the call it is about.
    private static readonly (string Name, Func<EmulatedCall, string?> Value)[] CallFields =
    [
        ("call_control_id", c => c.CallControlId), ("call_leg_id", c => c.CallLegId), ("call_session_id", c => c.CallSessionId),
        ("connection_id", c => c.ConnectionId), ("client_state", c => c.ClientState), ("from", c => c.From), ("to", c => c.To),
    ];

    private (SchemaError? Error, JsonNode? Response) Execute(SpecOperation operation, ref string callControlId, JsonElement body)
    {
        var produced = new List<(EmulatedEvent Event, JsonObject Data)>();
        JsonNode response;
        lock (_gate)
        {
            EmulatedCall? call;
            if (!operation.TargetsCall)
            {
                // POST /calls dials: a new call, from and to as the body says.
                call = NewCall(String(body, "from") ?? DefaultFrom, String(body, "to") ?? FirstString(body, "to") ?? DefaultTo);
                callControlId = call.CallControlId;
            }
            else if (!_calls.TryGetValue(callControlId, out call))
            {
                return (new SchemaError("90015", "Invalid Call Control ID", "The call_control_id provided was not valid.", "/call_control_id"), null);
            }
            else if (call.Ended)
            {
                return (CallEnded, null);
            }

            response = Response(operation, call);
            if (operation.TakesCommandId && String(body, "command_id") is { } commandId && !call.CommandIds.Add(commandId))
            {
                return (null, response); // Telnyx accepts a repeated command_id and ignores it: no effect, no webhooks
            }

            if (String(body, "client_state") is { } clientState)
            {
                call.ClientState = clientState;
            }

            foreach (var eventType in _spec.Delivered(operation, IsFailing(operation, body)))
            {
                produced.Add(NewEvent(call, eventType));
                call.Ended |= eventType == EventOutcomes.CallEnded;
            }

            _events.AddRange(produced.Select(p => p.Event));
            Dispatch(produced); // under the lock: a call's events are queued in the order they happened
        }

        return (null, response);
    }

    private static SchemaError CallEnded => new("90018", "Call has already ended", "This call is no longer active and can't receive commands.", string.Empty);

    // Told to fail: its operation lists a failure event tests chose (FailWith, FailSiprecWith), or it names a rejected SIP address.
    private bool IsFailing(SpecOperation operation, JsonElement body) =>
        operation.Webhooks.Any(_failingEvents.Contains) || (String(body, "sip_address") is { } sipAddress && _rejectedSipAddresses.Contains(sipAddress));

    private EmulatedCall NewCall(string from, string to)
    {
        var id = "v3:" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var call = new EmulatedCall(id, from, to);
        _calls[id] = call;
        return call;
    }

    // Ends a call from the far side (HangUp, POST /emulator/calls/{id}/hangup): call.hangup when the spec curates it.
    private void EndCall(EmulatedCall call)
    {
        List<(EmulatedEvent, JsonObject)> produced = [];
        lock (_gate)
        {
            if (!call.Ended && _spec.Webhooks.Contains(EventOutcomes.CallEnded))
            {
                produced.Add(NewEvent(call, EventOutcomes.CallEnded));
                _events.Add(produced[0].Item1);
            }

            call.Ended = true;
            Dispatch(produced);
        }
    }

    private Task Dispatch(List<(EmulatedEvent Event, JsonObject Data)> produced) => _dispatcher?.Enqueue(produced) ?? Task.CompletedTask;

    // The event's example data, as this call would have it: a fresh id and time, the call's ids and current client_state.
    private (EmulatedEvent, JsonObject) NewEvent(EmulatedCall call, string eventType)
    {
        var data = _spec.Webhooks.Data(eventType);
        var id = Guid.NewGuid().ToString();
        data["id"] = id;
        data["occurred_at"] = _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        data["record_type"] ??= "event";
        if (data["payload"] is JsonObject payload)
        {
            AsCall(payload, call);
            foreach (var (name, value) in _payloadOverrides.GetValueOrDefault(eventType) ?? [])
            {
                payload[name] = value?.DeepClone();
            }
        }

        return (new EmulatedEvent(eventType, id, call.CallControlId), data);
    }

    // The spec's example response (for POST /calls, the new call's status), with this call's ids in its data.
    private static JsonNode Response(SpecOperation operation, EmulatedCall call)
    {
        var response = operation.ResponseJson is { } json ? JsonNode.Parse(json)! : new JsonObject { ["data"] = new JsonObject { ["result"] = "ok" } };
        if (response["data"] is JsonObject data)
        {
            AsCall(data, call);
        }

        return response;
    }

    private static void AsCall(JsonObject values, EmulatedCall call)
    {
        foreach (var (name, value) in CallFields)
        {
            if (values.ContainsKey(name))
            {
                values[name] = value(call);
            }
        }
    }

    private static string? String(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String ? value[0].GetString() : null;
}
