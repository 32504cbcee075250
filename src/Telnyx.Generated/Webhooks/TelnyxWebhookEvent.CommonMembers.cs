using Newtonsoft.Json;

namespace Telnyx.Generated.Webhooks;

// The spec has each event's common fields inside its own "data" class (CallReferStarted, CallSiprecFailed, ...),
// so the generated base cannot hold them; these partials surface them on TelnyxWebhookEvent for code that
// handles every event alike (logging, de-duplication by Id).

/// <content>The fields every event carries, whatever its type.</content>
public abstract partial class TelnyxWebhookEvent
{
    /// <summary>The wire <c>event_type</c>, such as <c>call.refer.started</c>; for a modelled event it always matches its class.</summary>
    [JsonIgnore]
    public abstract string EventType { get; }

    /// <summary>The event's unique id (<c>data.id</c>): use it to ignore Telnyx's retried deliveries.</summary>
    [JsonIgnore]
    public abstract string? Id { get; }

    /// <summary>When the event occurred (<c>data.occurred_at</c>).</summary>
    [JsonIgnore]
    public abstract DateTimeOffset? OccurredAt { get; }

    /// <summary>The record type (<c>data.record_type</c>), <c>event</c> on every delivery.</summary>
    [JsonIgnore]
    public abstract string? RecordType { get; }
}

/// <content>The <c>call.refer.started</c> event's common fields, read from <see cref="Data"/>.</content>
public partial class CallReferStartedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.started</c>.</summary>
    public const string EventTypeName = "call.refer.started";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => Data?.Id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => Data?.OccurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => Data?.RecordType;
}

/// <content>The <c>call.refer.completed</c> event's common fields, read from <see cref="Data"/>.</content>
public partial class CallReferCompletedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.completed</c>.</summary>
    public const string EventTypeName = "call.refer.completed";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => Data?.Id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => Data?.OccurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => Data?.RecordType;
}

/// <content>The <c>call.refer.failed</c> event's common fields, read from <see cref="Data"/>.</content>
public partial class CallReferFailedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>call.refer.failed</c>.</summary>
    public const string EventTypeName = "call.refer.failed";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => Data?.Id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => Data?.OccurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => Data?.RecordType;
}

/// <content>The <c>siprec.started</c> event's common fields, read from <see cref="Data"/>.</content>
public partial class CallSiprecStartedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.started</c>.</summary>
    public const string EventTypeName = "siprec.started";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => Data?.Id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => Data?.OccurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => Data?.RecordType;
}

/// <content>The <c>siprec.stopped</c> event's common fields, read from <see cref="Data"/>.</content>
public partial class CallSiprecStoppedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.stopped</c>.</summary>
    public const string EventTypeName = "siprec.stopped";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => Data?.Id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => Data?.OccurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => Data?.RecordType;
}

/// <content>The <c>siprec.failed</c> event's common fields, read from <see cref="Data"/>.</content>
public partial class CallSiprecFailedEvent
{
    /// <summary>The wire <c>event_type</c> of this event: <c>siprec.failed</c>.</summary>
    public const string EventTypeName = "siprec.failed";

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => EventTypeName;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => Data?.Id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => Data?.OccurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => Data?.RecordType;
}
