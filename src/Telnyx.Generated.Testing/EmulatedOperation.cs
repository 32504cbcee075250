using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

/// <summary>
/// One operation the emulator serves (<see cref="TelnyxEmulator.Operations"/>), as the curated spec describes it: its
/// request body's schema, which the emulator validates every request against, the spec's example body, and the
/// webhooks one command of it delivers. Tools build on it to speak the same spec as the emulator (the
/// <c>telnyx-calls</c> CLI makes its commands and options from it).
/// </summary>
public sealed class EmulatedOperation
{
    private const string CallParameter = "{call_control_id}";

    private readonly string[] _segments;
    private string? _responseJson;
    private bool _responseRead;

    internal EmulatedOperation(string action, string method, string path, OpenApiOperation operation, JsonSchema body, IReadOnlyList<EmulatedWebhook> webhooks)
    {
        Action = action;
        Method = method;
        Path = path;
        Operation = operation;
        RequestBody = body;
        Webhooks = webhooks;
        _segments = path.Trim('/').Split('/');
    }

    /// <summary>The spec's operationId, such as <c>Refer</c>; the client's method is named for it (<c>ReferAsync</c>).</summary>
    public string OperationId => Operation.OperationId;

    /// <summary>
    /// What <see cref="RecordedCommand.Action"/> and the CLI call it: the path segment after <c>/actions/</c> (<c>refer</c>),
    /// or for an operation on the call itself its operationId in snake_case (<c>dial</c>).
    /// </summary>
    public string Action { get; }

    /// <summary>The HTTP method, upper case: <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The spec's path template: <c>/calls/{call_control_id}/actions/refer</c>.</summary>
    public string Path { get; }

    /// <summary>The spec's one-line summary, such as <c>SIP Refer a call</c>.</summary>
    public string? Summary => Operation.Summary;

    /// <summary>
    /// The request body's JSON schema as the emulator validates it (an empty object schema for an operation without a
    /// body). Shared with the emulator: read it, do not change it.
    /// </summary>
    public JsonSchema RequestBody { get; }

    /// <summary>The spec's OpenAPI operation (responses, examples).</summary>
    internal OpenApiOperation Operation { get; }

    /// <summary>The curated events the operation delivers, with their roles, in the spec's order.</summary>
    internal IReadOnlyList<EmulatedWebhook> Webhooks { get; }

    /// <summary>Whether the body has a <c>command_id</c> (Telnyx ignores a repeat of one on the same call).</summary>
    internal bool TakesCommandId => RequestBody.ActualProperties.ContainsKey("command_id");

    /// <summary>Whether its path names a call; one that names none (<c>POST /calls</c>) starts a new call.</summary>
    internal bool TargetsCall => _segments.Contains(CallParameter);

    /// <summary>The spec's example of a successful response body as JSON, if it gives one (read once).</summary>
    internal string? ResponseJson
    {
        get
        {
            // Racing readers compute the same text.
            if (!Volatile.Read(ref _responseRead))
            {
                _responseJson = ResponseExample()?.ToString(Newtonsoft.Json.Formatting.None);
                Volatile.Write(ref _responseRead, true);
            }

            return _responseJson;
        }
    }

    /// <summary>
    /// The spec's example of a request body: the schema's own example, else one made of its fields' examples (a
    /// required field without one gets its default or first enum value); an empty object when it has none.
    /// </summary>
    /// <returns>A fresh copy, yours to change.</returns>
    public JsonObject ExampleBody() => JsonNode.Parse(Example().ToString(Newtonsoft.Json.Formatting.None))!.AsObject();

    /// <summary>Checks a request body as the emulator does before running a command.</summary>
    /// <param name="json">The body's JSON text; empty or blank for none.</param>
    /// <returns>The errors the emulator would answer 422 with, one per offending value; empty when the body is valid.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON (the emulator answers that 400).</exception>
    public IReadOnlyList<EmulatorError> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return BodyValidator.Validate(RequestBody, BodyValidator.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json));
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new ArgumentException($"The body is not valid JSON: {e.Message}", nameof(json));
        }
    }

    /// <summary>
    /// The webhook event types one command of the operation delivers, in the spec's order, from the roles the spec
    /// gives them (<see cref="TelnyxOperation.Webhooks"/>): its progress and success events, or when the command was
    /// made to fail (<see cref="TelnyxEmulator.FailWith"/>) its progress and failure events; never one delivered
    /// later by something else (<see cref="TelnyxWebhookRole.Later"/>), nor one the webhook spec does not curate.
    /// </summary>
    /// <param name="failed">Whether the command was made to fail.</param>
    /// <returns>The event types; empty for an operation that is complete when it is answered.</returns>
    public IReadOnlyList<string> EventsDelivered(bool failed = false) =>
        [.. Webhooks.Where(w => w.Role == TelnyxWebhookRole.Progress || w.Role == (failed ? TelnyxWebhookRole.Failure : TelnyxWebhookRole.Success)).Select(w => w.EventType)];

    /// <summary>The method, path and operationId: <c>POST /calls/{call_control_id}/actions/refer (Refer)</c>.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"{Method} {Path} ({OperationId})";

    /// <summary>The spec's example of a request body (see <see cref="SpecExample"/>); an empty object when it has none.</summary>
    internal JObject Example() => SpecExample.Of(RequestBody) as JObject ?? [];

    /// <summary>
    /// Whether a request path (its segments after <c>/v2</c>) is this operation's, whatever the method; the
    /// <c>call_control_id</c> it names is returned (null when the path names none).
    /// </summary>
    internal bool Matches(IReadOnlyList<string> segments, out string? callControlId)
    {
        callControlId = null;
        if (segments.Count != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            var template = _segments[i];
            if (template == CallParameter)
            {
                callControlId = segments[i];
            }
            else if (!(template.StartsWith('{') || string.Equals(template, segments[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private JToken? ResponseExample()
    {
        var success = Operation.Responses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value.ActualResponse).FirstOrDefault();
        var json = success?.Content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value;
        return json?.Example is { } example ? JToken.FromObject(example) : json?.Schema is { } schema ? SpecExample.Of(schema) : null;
    }
}
