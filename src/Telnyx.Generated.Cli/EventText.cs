using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Cli;

/// <summary>One readable line of an event's key fields, shared by <c>demo</c> and <c>listen</c>.</summary>
internal static class EventText
{
    public static string KeyFields(TelnyxWebhookEvent webhook)
    {
        var fields = webhook switch
        {
            CallReferStartedEvent e => Join(("sip_notify_response", e.Data?.Payload?.SipNotifyResponse?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("client_state", e.Data?.Payload?.ClientState)),
            CallReferCompletedEvent e => Join(("sip_notify_response", e.Data?.Payload?.SipNotifyResponse?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("client_state", e.Data?.Payload?.ClientState)),
            CallReferFailedEvent e => Join(("sip_notify_response", e.Data?.Payload?.SipNotifyResponse?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("client_state", e.Data?.Payload?.ClientState)),
            CallSiprecStartedEvent e => Join(("client_state", e.Data?.Payload?.ClientState)),
            CallSiprecStoppedEvent e => Join(("hangup_cause", e.Data?.Payload?.HangupCause), ("client_state", e.Data?.Payload?.ClientState)),
            CallSiprecFailedEvent e => Join(("failure_cause", e.Data?.Payload?.FailureCause), ("client_state", e.Data?.Payload?.ClientState)),
            _ => "(event type unknown to this version)",
        };
        return $"{webhook.EventType,-21} {fields}  attempt={webhook.Meta?.Attempt?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
    }

    public static string? ClientState(TelnyxWebhookEvent webhook) => webhook switch
    {
        CallReferStartedEvent e => e.Data?.Payload?.ClientState,
        CallReferCompletedEvent e => e.Data?.Payload?.ClientState,
        CallReferFailedEvent e => e.Data?.Payload?.ClientState,
        CallSiprecStartedEvent e => e.Data?.Payload?.ClientState,
        CallSiprecStoppedEvent e => e.Data?.Payload?.ClientState,
        CallSiprecFailedEvent e => e.Data?.Payload?.ClientState,
        _ => null,
    };

    public static string? CallControlId(TelnyxWebhookEvent webhook) => webhook switch
    {
        CallReferStartedEvent e => e.Data?.Payload?.CallControlId,
        CallReferCompletedEvent e => e.Data?.Payload?.CallControlId,
        CallReferFailedEvent e => e.Data?.Payload?.CallControlId,
        CallSiprecStartedEvent e => e.Data?.Payload?.CallControlId,
        CallSiprecStoppedEvent e => e.Data?.Payload?.CallControlId,
        CallSiprecFailedEvent e => e.Data?.Payload?.CallControlId,
        _ => null,
    };

    private static string Join(params (string Name, string? Value)[] fields) =>
        string.Join(" ", fields.Where(f => f.Value is not null).Select(f => $"{f.Name}={f.Value}"));
}
