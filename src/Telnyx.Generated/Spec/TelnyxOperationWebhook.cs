namespace Telnyx.Generated;

/// <summary>One event an operation produces, with what it means for that operation (<see cref="TelnyxWebhookRole"/>).</summary>
public sealed class TelnyxOperationWebhook
{
    internal TelnyxOperationWebhook(string eventType, TelnyxWebhookRole role)
    {
        EventType = eventType;
        Role = role;
    }

    /// <summary>The wire <c>event_type</c>: <c>call.refer.completed</c>.</summary>
    public string EventType { get; }

    /// <summary>What the event means for the operation.</summary>
    public TelnyxWebhookRole Role { get; }

    /// <summary>The event and its role, as the spec writes them: <c>call.refer.completed: success</c>.</summary>
    public override string ToString() => $"{EventType}: {Role.ToString().ToLowerInvariant()}";
}
