using Newtonsoft.Json;

namespace Telnyx.Generated.Webhooks;

// The spec has each event's common fields inside its own "data" class (CallReferStarted, CallSiprecFailed, ...),
// so the generated base cannot hold them. Each data class is marked with IWebhookEventData (its generated
// properties already match), and the base reads the common fields through it, once for all six events.

/// <content>The fields every event carries, whatever its type.</content>
public abstract partial class TelnyxWebhookEvent
{
    /// <summary>The wire <c>event_type</c>, such as <c>call.refer.started</c>; for a modelled event it always matches its class.</summary>
    [JsonIgnore]
    public abstract string EventType { get; }

    /// <summary>The event's unique id (<c>data.id</c>): use it to ignore Telnyx's retried deliveries.</summary>
    [JsonIgnore]
    public virtual string? Id => EventData?.Id;

    /// <summary>When the event occurred (<c>data.occurred_at</c>).</summary>
    [JsonIgnore]
    public virtual DateTimeOffset? OccurredAt => EventData?.OccurredAt;

    /// <summary>The record type (<c>data.record_type</c>), <c>event</c> on every delivery.</summary>
    [JsonIgnore]
    public virtual string? RecordType => EventData?.RecordType;

    /// <summary>The event's <c>data</c> object, for the common fields; null when it has none.</summary>
    private protected virtual IWebhookEventData? EventData => null;

    /// <summary>The <c>data.event_type</c> the body carried, for the parser to check it against the class it picked.</summary>
    internal string? DataEventType => EventData?.EventType;
}

/// <summary>The common fields of every event's <c>data</c> object, as the generated data classes declare them.</summary>
internal interface IWebhookEventData
{
    string? EventType { get; }

    string? Id { get; }

    DateTimeOffset? OccurredAt { get; }

    string? RecordType { get; }
}

/// <content>The <c>call.refer.started</c> event: its type name, and its <see cref="Data"/> as the source of the common fields.</content>
public partial class CallReferStartedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.started</c>.</summary>
    public const string EventTypeName = "call.refer.started";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    private protected override IWebhookEventData? EventData => Data;
}

/// <content>Marks the generated <c>data</c> object of <c>call.refer.started</c> as carrying the common event fields.</content>
public partial class CallReferStarted : IWebhookEventData
{
}

/// <content>The <c>call.refer.completed</c> event: its type name, and its <see cref="Data"/> as the source of the common fields.</content>
public partial class CallReferCompletedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.completed</c>.</summary>
    public const string EventTypeName = "call.refer.completed";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    private protected override IWebhookEventData? EventData => Data;
}

/// <content>Marks the generated <c>data</c> object of <c>call.refer.completed</c> as carrying the common event fields.</content>
public partial class CallReferCompleted : IWebhookEventData
{
}

/// <content>The <c>call.refer.failed</c> event: its type name, and its <see cref="Data"/> as the source of the common fields.</content>
public partial class CallReferFailedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.failed</c>.</summary>
    public const string EventTypeName = "call.refer.failed";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    private protected override IWebhookEventData? EventData => Data;
}

/// <content>Marks the generated <c>data</c> object of <c>call.refer.failed</c> as carrying the common event fields.</content>
public partial class CallReferFailed : IWebhookEventData
{
}

/// <content>The <c>siprec.started</c> event: its type name, and its <see cref="Data"/> as the source of the common fields.</content>
public partial class CallSiprecStartedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.started</c>.</summary>
    public const string EventTypeName = "siprec.started";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    private protected override IWebhookEventData? EventData => Data;
}

/// <content>Marks the generated <c>data</c> object of <c>siprec.started</c> as carrying the common event fields.</content>
public partial class CallSiprecStarted : IWebhookEventData
{
}

/// <content>The <c>siprec.stopped</c> event: its type name, and its <see cref="Data"/> as the source of the common fields.</content>
public partial class CallSiprecStoppedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.stopped</c>.</summary>
    public const string EventTypeName = "siprec.stopped";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    private protected override IWebhookEventData? EventData => Data;
}

/// <content>Marks the generated <c>data</c> object of <c>siprec.stopped</c> as carrying the common event fields.</content>
public partial class CallSiprecStopped : IWebhookEventData
{
}

/// <content>The <c>siprec.failed</c> event: its type name, and its <see cref="Data"/> as the source of the common fields.</content>
public partial class CallSiprecFailedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.failed</c>.</summary>
    public const string EventTypeName = "siprec.failed";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    private protected override IWebhookEventData? EventData => Data;
}

/// <content>Marks the generated <c>data</c> object of <c>siprec.failed</c> as carrying the common event fields.</content>
public partial class CallSiprecFailed : IWebhookEventData
{
}
