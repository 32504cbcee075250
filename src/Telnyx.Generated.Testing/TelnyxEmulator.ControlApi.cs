using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

// The emulator's own endpoints, for apps that run it as a server (telnyx-calls emulator): POST /emulator/calls starts
// a call as CreateCall does, POST /emulator/calls/{id}/hangup ends one as HangUp does.
public sealed partial class TelnyxEmulator
{
    private async Task HandleCreateCallAsync(HttpContext context)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        string? from = null, to = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(body) && JsonNode.Parse(body) is JsonObject request)
            {
                from = request["from"]?.GetValue<string>();
                to = request["to"]?.GetValue<string>();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await TelnyxErrors.WriteAsync(context, 400, "10015", "Invalid request body", "Send {} or {\"from\": \"...\", \"to\": \"...\"} with string values.").ConfigureAwait(false);
            return;
        }

        var id = CreateCall(string.IsNullOrWhiteSpace(from) ? DefaultFrom : from, string.IsNullOrWhiteSpace(to) ? DefaultTo : to);
        await TelnyxErrors.WriteJsonAsync(context, 201, new JsonObject { ["data"] = new JsonObject { ["call_control_id"] = id } }).ConfigureAwait(false);
    }

    private async Task HandleHangUpAsync(HttpContext context, string callControlId)
    {
        if (!IsAuthorized(context))
        {
            await WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        EmulatedCall? call;
        lock (_gate)
        {
            _calls.TryGetValue(callControlId, out call);
        }

        if (call is not null)
        {
            EndCall(call);
            await TelnyxErrors.WriteOkAsync(context).ConfigureAwait(false);
        }
        else
        {
            await TelnyxErrors.WriteAsync(context, 422, "90015", "Invalid Call Control ID", "The call_control_id provided was not valid.", "/call_control_id").ConfigureAwait(false);
        }
    }
}
