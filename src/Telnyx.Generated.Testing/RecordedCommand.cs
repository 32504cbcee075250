using System.Text.Json;

namespace Telnyx.Generated.Testing;

/// <summary>One request the emulator received on an operation's path, as it arrived, with what it answered.</summary>
/// <param name="Action">
/// The action: the path segment after <c>/actions/</c>, such as <c>refer</c> or <c>client_state_update</c>; for an
/// operation on the call itself, its operationId in snake_case (<c>dial</c>, <c>retrieve_call_status</c>).
/// </param>
/// <param name="Method">The HTTP method.</param>
/// <param name="CallControlId">The call_control_id from the path, unescaped (for <c>POST /calls</c>, the call it started).</param>
/// <param name="Body">The raw request body.</param>
/// <param name="StatusCode">The status answered; 0 when the connection was dropped by an injected fault.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record RecordedCommand(string Action, string Method, string CallControlId, string Body, int StatusCode, DateTimeOffset ReceivedAt)
{
    /// <summary>The body's <c>command_id</c>, if it had one.</summary>
    public string? CommandId => StringField("command_id");

    /// <summary>The body's <c>client_state</c>, if it had one.</summary>
    public string? ClientState => StringField("client_state");

    /// <summary>Describes the command without its body or call id: a body can hold a SIP password.</summary>
    /// <returns>A description.</returns>
    public override string ToString() =>
        $"RecordedCommand {{ {Method} {Action}, StatusCode = {StatusCode}, CommandId = {CommandId ?? "(none)"}, ReceivedAt = {ReceivedAt:O} }}";

    /// <summary>Reads a top-level string field of the body; null when absent, not a string, or the body is not a JSON object.</summary>
    /// <param name="name">The JSON name, such as <c>sip_address</c>.</param>
    /// <returns>The value or null.</returns>
    public string? StringField(string name)
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
