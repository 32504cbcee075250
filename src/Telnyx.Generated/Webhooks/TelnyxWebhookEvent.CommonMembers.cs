using Newtonsoft.Json;

namespace Telnyx.Generated.Webhooks;

// Each event's generated Data property has its own type, so the base class cannot declare it: every event names the
// data and payload it carries here, and the base reads the shared fields through them, without a type switch.

/// <content>The members every event has, whatever its type.</content>
public abstract partial class TelnyxWebhookEvent
{
    // The six events and UnknownTelnyxWebhookEvent are the whole family: a type switch over them stays exhaustive.
    private protected TelnyxWebhookEvent()
    {
    }

    /// <summary>The wire <c>event_type</c>, such as <c>call.refer.started</c>; for a modelled event it always matches its class.</summary>
    [JsonIgnore]
    public abstract string EventType { get; }

    /// <summary>The event's unique id (<c>data.id</c>): use it to ignore Telnyx's retried deliveries.</summary>
    [JsonIgnore]
    public string? Id => EventData?.Id;

    /// <summary>When the event occurred (<c>data.occurred_at</c>).</summary>
    [JsonIgnore]
    public DateTimeOffset? OccurredAt => EventData?.OccurredAt;

    /// <summary>The record type (<c>data.record_type</c>), <c>event</c> on every delivery.</summary>
    [JsonIgnore]
    public string? RecordType => EventData?.RecordType;

    /// <summary>
    /// The fields every call event's <c>data.payload</c> carries (<see cref="CallEventPayload.CallControlId"/>,
    /// <see cref="CallEventPayload.ClientState"/>, ...), whichever of the six events this is; the same object as the
    /// event's own <c>Data.Payload</c>. Null for an <see cref="UnknownTelnyxWebhookEvent"/> or a body without a payload.
    /// </summary>
    [JsonIgnore]
    public virtual CallEventPayload? Payload => null;

    /// <summary>The event's <c>data</c> object, the source of the members above.</summary>
    private protected abstract WebhookEventData? EventData { get; }
}

/// <content>The <c>call.refer.started</c> event: its type name, data and payload for the common members.</content>
public partial class CallReferStartedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.started</c>.</summary>
    public const string EventTypeName = "call.refer.started";

    /// <inheritdoc/>
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    public override CallEventPayload? Payload => Data?.Payload;

    private protected override WebhookEventData? EventData => Data;
}

/// <content>The <c>call.refer.completed</c> event: its type name, data and payload for the common members.</content>
public partial class CallReferCompletedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.completed</c>.</summary>
    public const string EventTypeName = "call.refer.completed";

    /// <inheritdoc/>
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    public override CallEventPayload? Payload => Data?.Payload;

    private protected override WebhookEventData? EventData => Data;
}

/// <content>The <c>call.refer.failed</c> event: its type name, data and payload for the common members.</content>
public partial class CallReferFailedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.failed</c>.</summary>
    public const string EventTypeName = "call.refer.failed";

    /// <inheritdoc/>
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    public override CallEventPayload? Payload => Data?.Payload;

    private protected override WebhookEventData? EventData => Data;
}

/// <content>The <c>siprec.started</c> event: its type name, data and payload for the common members.</content>
public partial class CallSiprecStartedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.started</c>.</summary>
    public const string EventTypeName = "siprec.started";

    /// <inheritdoc/>
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    public override CallEventPayload? Payload => Data?.Payload;

    private protected override WebhookEventData? EventData => Data;
}

/// <content>The <c>siprec.stopped</c> event: its type name, data and payload for the common members.</content>
public partial class CallSiprecStoppedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.stopped</c>.</summary>
    public const string EventTypeName = "siprec.stopped";

    /// <inheritdoc/>
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    public override CallEventPayload? Payload => Data?.Payload;

    private protected override WebhookEventData? EventData => Data;
}

/// <content>The <c>siprec.failed</c> event: its type name, data and payload for the common members.</content>
public partial class CallSiprecFailedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.failed</c>.</summary>
    public const string EventTypeName = "siprec.failed";

    /// <inheritdoc/>
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    public override CallEventPayload? Payload => Data?.Payload;

    private protected override WebhookEventData? EventData => Data;
}
