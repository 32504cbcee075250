using Newtonsoft.Json;

namespace Telnyx.Generated.Webhooks;

// Each event's generated Data property has its own type, so the base class cannot declare it: every event names the
// data and payload it carries, and the base reads the shared fields through them, without a type switch. Those members
// (EventTypeName, EventType, Payload, EventData) are generated at build time from x-webhooks in
// spec/telnyx-webhooks.yaml (generator/Telnyx.Generated.SpecTool, codegen), like the event classes themselves.

/// <content>The members every event has, whatever its type.</content>
public abstract partial class TelnyxWebhookEvent
{
    // The events of x-webhooks and UnknownTelnyxWebhookEvent are the whole family: a type switch over them stays exhaustive.
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
    /// <see cref="CallEventPayload.ClientState"/>, ...), whichever event this is; the same object as the event's own
    /// <c>Data.Payload</c>. Null for an <see cref="UnknownTelnyxWebhookEvent"/>, a body without a payload, or an event
    /// whose payload carries none of a call's fields. A field an event lacks is null here (Telnyx's
    /// <c>call.recording.saved</c> has no <c>call_control_id</c>).
    /// </summary>
    [JsonIgnore]
    public virtual CallEventPayload? Payload => null;

    /// <summary>The event's <c>data</c> object, the source of the members above.</summary>
    private protected abstract WebhookEventData? EventData { get; }
}
