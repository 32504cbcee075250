using Newtonsoft.Json;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// A verified webhook whose <c>event_type</c> this library does not model (<c>call.hangup</c>, or a type Telnyx
/// adds later). It keeps the type and the raw JSON so nothing is lost; acknowledge it rather than failing.
/// </summary>
public sealed class UnknownTelnyxWebhookEvent : TelnyxWebhookEvent
{
    private readonly WebhookEventData _data;

    /// <summary>Creates the event (public so tests can build one).</summary>
    /// <param name="eventType">The wire <c>event_type</c>.</param>
    /// <param name="rawJson">The whole body as received.</param>
    /// <param name="id">The <c>data.id</c>, if any.</param>
    /// <param name="occurredAt">The <c>data.occurred_at</c>, if any.</param>
    /// <param name="recordType">The <c>data.record_type</c>, if any.</param>
    public UnknownTelnyxWebhookEvent(string eventType, string rawJson, string? id = null, DateTimeOffset? occurredAt = null, string? recordType = null)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(rawJson);
        EventType = eventType;
        RawJson = rawJson;
        _data = new WebhookEventData { EventType = eventType, Id = id, OccurredAt = occurredAt, RecordType = recordType };
    }

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType { get; }

    /// <summary>The whole webhook body exactly as received, for parsing the fields this library does not model.</summary>
    [JsonIgnore]
    public string RawJson { get; }

    private protected override WebhookEventData? EventData => _data;

    /// <summary>What the parser reads of an unmodelled event: the <c>data</c> fields every event has, and <c>meta</c>.</summary>
    internal sealed class Envelope
    {
        [JsonProperty("data")]
        public WebhookEventData? Data { get; set; }

        [JsonProperty("meta")]
        public WebhookMeta? Meta { get; set; }
    }
}
