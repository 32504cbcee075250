using Newtonsoft.Json;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// A verified webhook whose <c>event_type</c> this library does not model (<c>call.hangup</c>, or a type Telnyx
/// adds later). It keeps the type and the raw JSON so nothing is lost; acknowledge it rather than failing.
/// </summary>
public sealed class UnknownTelnyxWebhookEvent : TelnyxWebhookEvent
{
    private readonly string _eventType;
    private readonly string? _id;
    private readonly DateTimeOffset? _occurredAt;
    private readonly string? _recordType;

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
        _eventType = eventType;
        RawJson = rawJson;
        _id = id;
        _occurredAt = occurredAt;
        _recordType = recordType;
    }

    /// <inheritdoc/>
    [JsonIgnore]
    public override string EventType => _eventType;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? Id => _id;

    /// <inheritdoc/>
    [JsonIgnore]
    public override DateTimeOffset? OccurredAt => _occurredAt;

    /// <inheritdoc/>
    [JsonIgnore]
    public override string? RecordType => _recordType;

    /// <summary>The whole webhook body exactly as received, for parsing the fields this library does not model.</summary>
    [JsonIgnore]
    public string RawJson { get; }

    /// <summary>The parts of an unmodelled envelope every event shares.</summary>
    internal sealed class Envelope
    {
        [JsonProperty("data")]
        public CommonData? Data { get; set; }

        [JsonProperty("meta")]
        public WebhookMeta? Meta { get; set; }
    }

    internal sealed class CommonData
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        [JsonProperty("occurred_at")]
        public DateTimeOffset? OccurredAt { get; set; }

        [JsonProperty("record_type")]
        public string? RecordType { get; set; }
    }
}
