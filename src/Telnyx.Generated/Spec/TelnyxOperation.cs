namespace Telnyx.Generated;

/// <summary>
/// One operation of spec/telnyx-call-control.yaml and the events it produces, each with its role: what the spec says
/// an operation delivers, generated into the library at build time (the data is in obj/.../Generated/Operations.g.cs,
/// written by generator/Telnyx.Generated.SpecTool from <c>x-telnyx-webhooks</c>).
/// </summary>
public sealed partial class TelnyxOperation
{
    internal TelnyxOperation(string operationId, string method, string path, TelnyxOperationWebhook[] webhooks)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
        Webhooks = webhooks;
        HasOutcome = webhooks.Any(w => w.Role is TelnyxWebhookRole.Success or TelnyxWebhookRole.Failure);
    }

    /// <summary>The spec's operationId (<c>Refer</c>), which names the client's method (<c>ReferAsync</c>).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method, upper case: <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The spec's path template: <c>/calls/{call_control_id}/actions/refer</c>.</summary>
    public string Path { get; }

    /// <summary>The events the operation produces, in the spec's order (Telnyx's delivery order).</summary>
    public IReadOnlyList<TelnyxOperationWebhook> Webhooks { get; }

    /// <summary>Whether an event reports how the command ended (a success or failure webhook); without one it is complete at its 2xx.</summary>
    public bool HasOutcome { get; }

    /// <summary>Every operation of the spec, in the spec's order.</summary>
    public static IReadOnlyList<TelnyxOperation> All => Curated;

    /// <summary>The operation with this operationId (ordinal), or null when the spec has none.</summary>
    /// <param name="operationId">The spec's operationId, such as <c>Refer</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="operationId"/> is null.</exception>
    public static TelnyxOperation? Find(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        return Array.Find(Curated, o => string.Equals(o.OperationId, operationId, StringComparison.Ordinal));
    }

    /// <summary>Whether an event of this type ends the call (<c>endsCall: true</c> in spec/telnyx-webhooks.yaml, as <c>call.hangup</c>).</summary>
    /// <param name="eventType">The wire <c>event_type</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is null.</exception>
    public static bool EndsCall(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Array.IndexOf(CallEnders, eventType) >= 0;
    }

    /// <summary>The method, path and operationId: <c>POST /calls/{call_control_id}/actions/refer (Refer)</c>.</summary>
    public override string ToString() => $"{Method} {Path} ({OperationId})";
}
