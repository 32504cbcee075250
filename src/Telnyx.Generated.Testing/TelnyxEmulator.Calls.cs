using System.Text.Json;
using System.Text.Json.Nodes;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

// What a valid command does to its call, and the webhooks a real call would produce for it: the curated events its
// operation delivers by their roles in the spec model (EmulatedOperation.EventsDelivered), each built from its example.
public sealed partial class TelnyxEmulator
{
    // The example's values that are the call's own: an event or response reports the call it is about.
    private static readonly (string Name, Func<EmulatedCall, string?> Value)[] CallFields =
    [
        ("call_control_id", c => c.CallControlId), ("call_leg_id", c => c.CallLegId), ("call_session_id", c => c.CallSessionId),
        ("connection_id", c => c.ConnectionId), ("client_state", c => c.ClientState), ("from", c => c.From), ("to", c => c.To),
    ];

    /// <summary>Starts a live call and returns its <c>call_control_id</c>, which every operation accepts until the call ends (<see cref="HangUp"/>).</summary>
    /// <param name="from">The caller, reported as <c>from</c> in webhooks.</param>
    /// <param name="to">The callee, reported as <c>to</c> in webhooks.</param>
    /// <returns>The new call's call_control_id.</returns>
    public string CreateCall(string from = DefaultFrom, string to = DefaultTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        lock (_gate)
        {
            return NewCall(from, to).CallControlId;
        }
    }

    /// <summary>
    /// Ends a call as the far end hanging up: the curated events that end a call (<c>endsCall</c> in the webhook spec,
    /// such as <c>call.hangup</c> once imported) are delivered, and later commands on the call answer 422 with code
    /// 90018 (call has already ended).
    /// </summary>
    /// <param name="callControlId">A call_control_id from <see cref="CreateCall"/>.</param>
    /// <exception cref="ArgumentException">The emulator never created that call.</exception>
    public void HangUp(string callControlId)
    {
        EmulatedCall? call;
        lock (_gate)
        {
            if (!_calls.TryGetValue(callControlId ?? string.Empty, out call))
            {
                throw new ArgumentException("The emulator has no call with that call_control_id; create one with CreateCall().", nameof(callControlId));
            }
        }

        EndCall(call);
    }

    private (EmulatorError? Error, JsonNode? Response, Task Delivered) Execute(EmulatedOperation operation, ref string callControlId, JsonElement body)
    {
        EmulatedCall? call;
        lock (_gate)
        {
            if (!operation.TargetsCall)
            {
                // POST /calls dials: a new call, from and to as the body says.
                call = NewCall(String(body, "from") ?? DefaultFrom, String(body, "to") ?? FirstString(body, "to") ?? DefaultTo);
                callControlId = call.CallControlId;
            }
            else if (!_calls.TryGetValue(callControlId, out call))
            {
                return (new EmulatorError("90015", "Invalid Call Control ID", "The call_control_id provided was not valid.", "/call_control_id"), null, Task.CompletedTask);
            }
        }

        // One command of a call at a time, so its events are queued in the order its commands ran; the emulator-wide
        // lock is held only to read and change state, not while the response and events are built (commands on other
        // calls wait for it).
        lock (call.Gate)
        {
            List<(string EventType, JsonObject? Overrides)> events;
            string? answeredClientState;
            lock (_gate)
            {
                answeredClientState = call.ClientState; // the response reports the call as it was before the command
                if (call.Ended)
                {
                    return (CallEnded, null, Task.CompletedTask);
                }

                if (operation.TakesCommandId && String(body, "command_id") is { } commandId && !call.CommandIds.Add(commandId))
                {
                    events = []; // Telnyx accepts a repeated command_id and ignores it: no effect, no webhooks
                }
                else
                {
                    if (String(body, "client_state") is { } clientState)
                    {
                        call.ClientState = clientState;
                    }

                    events = [.. operation.EventsDelivered(IsFailing(operation, body)).Select(eventType => (eventType, _payloadOverrides.GetValueOrDefault(eventType)))];
                    call.Ended |= events.Any(e => _spec.EndsCall(e.EventType));
                }
            }

            var response = Response(operation, call, answeredClientState);
            if (events.Count == 0)
            {
                return (null, response, Task.CompletedTask);
            }

            return (null, response, Deliver(call, events));
        }
    }

    private static EmulatorError CallEnded => new("90018", "Call has already ended", "This call is no longer active and can't receive commands.", string.Empty);

    private EmulatedCall NewCall(string from, string to)
    {
        var id = "v3:" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var call = new EmulatedCall(id, from, to);
        _calls[id] = call;
        return call;
    }

    // Ends a call from the far side (HangUp, POST /emulator/calls/{id}/hangup): the curated events that end a call.
    private void EndCall(EmulatedCall call)
    {
        lock (call.Gate)
        {
            List<(string EventType, JsonObject? Overrides)> events;
            lock (_gate)
            {
                if (call.Ended)
                {
                    return;
                }

                call.Ended = true;
                events = [.. _spec.Webhooks.EventTypes.Where(_spec.EndsCall).Select(eventType => (eventType, _payloadOverrides.GetValueOrDefault(eventType)))];
            }

            Deliver(call, events);
        }
    }

    // Events are built outside the emulator-wide lock (the caller holds the call's), then queued under it.
    private Task Deliver(EmulatedCall call, List<(string EventType, JsonObject? Overrides)> events)
    {
        var produced = events.ConvertAll(e => NewEvent(call, e.EventType, e.Overrides));
        lock (_gate)
        {
            return Deliver(produced);
        }
    }

    // The spec's example response (for POST /calls, the new call's status), with this call's ids in its data.
    private static JsonNode Response(EmulatedOperation operation, EmulatedCall call, string? clientState)
    {
        var response = operation.ResponseJson is { } json ? JsonNode.Parse(json)! : new JsonObject { ["data"] = new JsonObject { ["result"] = "ok" } };
        if (response["data"] is JsonObject data)
        {
            AsCall(data, call);
            if (data.ContainsKey("client_state"))
            {
                data["client_state"] = clientState;
            }
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
