using System.Diagnostics.Metrics;
using static Telnyx.Generated.AspNetCore.TelnyxWebhookTelemetry;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The queue's instruments on the webhook meter (<see cref="TelnyxTelemetry.WebhooksMeterName"/>): the backlog as last
/// sampled by <see cref="TelnyxWebhookQueueWorker"/> (the store is not called from a metrics callback), each handler
/// attempt, each dead letter. Tags stay bounded: event type and outcome.
/// </summary>
internal sealed class TelnyxWebhookQueueMetrics
{
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _deadLetters;
    private TelnyxWebhookQueueBacklog? _backlog;

    public TelnyxWebhookQueueMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(TelnyxTelemetry.WebhooksMeterName) { Version = TelnyxWebhookTelemetry.Version });
        meter.CreateObservableGauge("telnyx.webhook.queue.length", () => Observe(b => b.Length), "{event}", "Queued events not yet handled (waiting or running), across all instances.");
        meter.CreateObservableGauge("telnyx.webhook.queue.lag", () => Observe(b => b.Lag.TotalSeconds), "s", "Age of the oldest queued event not yet handled; 0 when the queue is empty.");
        meter.CreateObservableGauge("telnyx.webhook.queue.dead_letters", () => Observe(b => b.DeadLetters), "{event}", "Events in the dead-letter stream, waiting to be replayed.");
        _attempts = meter.CreateCounter<long>("telnyx.webhook.handler.attempts", "{attempt}", "Runs of a queued event's handlers, by event type and outcome (handled, handler_failed).");
        _deadLetters = meter.CreateCounter<long>("telnyx.webhook.dead_letters", "{event}", "Queued events moved to the dead letters by this instance, by event type.");
    }

    public void Sampled(TelnyxWebhookQueueBacklog backlog) => _backlog = backlog;

    public void Attempted(string eventType, string outcome) => _attempts.Add(1, new(EventTypeTag, eventType), new(OutcomeTag, outcome));

    public void DeadLettered(string eventType) => _deadLetters.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType));

    private IEnumerable<Measurement<T>> Observe<T>(Func<TelnyxWebhookQueueBacklog, T> value)
        where T : struct =>
        _backlog is { } backlog ? [new Measurement<T>(value(backlog))] : [];
}
