using Newtonsoft.Json.Linq;
using Telnyx.Generated.Tests.Actions;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Every operation of the spec, grouped by its x-telnyx-idempotency, callable by its wire name with the spec's example body.</summary>
internal static class Actions
{
    public static readonly string[] WithCommandId = Where(a => a.Idempotency == "command-id");
    public static readonly string[] NotIdempotent = Where(a => a.Idempotency is null or "none");
    public static readonly string[] RetriedOnAnyFailure = Where(a => a.Idempotency is "command-id" or "idempotent");
    public static readonly string[] All = Where(_ => true);

    public static Task<CallControlCommandResponse> Call(ITelnyxClient client, string action, string? commandId = null, CancellationToken cancellationToken = default, string callControlId = "v3:call-id") =>
        Call(client, action, Request(action, commandId), cancellationToken, callControlId);

    public static Task<CallControlCommandResponse> Call(ITelnyxClient client, string action, object request, CancellationToken cancellationToken = default, string callControlId = "v3:call-id") =>
        CallAction.Named(action).InvokeAsync(client.Calls.Actions, callControlId, request, cancellationToken);

    /// <summary>The spec's example body, with <paramref name="commandId"/> as its command_id (none when null).</summary>
    public static object Request(string action, string? commandId = null)
    {
        var spec = CallAction.Named(action);
        var json = (JObject)spec.ExampleJson.DeepClone();
        json.Remove("command_id");
        if (commandId is not null)
        {
            json["command_id"] = commandId;
        }

        return spec.FromJson(json);
    }

    public static string? CommandIdOf(object request) => (string?)request.GetType().GetProperty("CommandId")?.GetValue(request);

    private static string[] Where(Func<CallAction, bool> predicate) => CallAction.All.Where(predicate).Select(a => a.Path).ToArray();
}
