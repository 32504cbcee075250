using System.Diagnostics;
using System.Diagnostics.Metrics;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.TelnyxWebhookTelemetry;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The webhook endpoint's meter (<see cref="TelnyxTelemetry.WebhooksMeterName"/>), created through the app's
/// <see cref="IMeterFactory"/> as ASP.NET Core's own meters are. Tags are bounded: event type (modelled types plus
/// <c>other</c>), outcome, verification reason, store operation, exception type; never an id.
/// </summary>
internal sealed class TelnyxWebhookMetrics
{
    // Seconds, from a fast handler to a slow one; the store's from a local Redis round trip to a timeout.
    private static readonly double[] HandlerBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];
    private static readonly double[] StoreBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;
    private readonly Histogram<double> _storeDuration;

    public TelnyxWebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(TelnyxTelemetry.WebhooksMeterName) { Version = TelnyxWebhookTelemetry.Version });
        _deliveries = meter.CreateCounter<long>(
            "telnyx.webhook.deliveries", "{delivery}", "Webhook deliveries received, by event type and outcome.");
        _handlerDuration = meter.CreateHistogram(
            "telnyx.webhook.handler.duration", "s", "How long the handlers of one delivery took, by event type and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HandlerBuckets });
        _storeDuration = meter.CreateHistogram(
            "telnyx.webhook.deduplication.duration", "s", "How long one call to the de-duplication store took, by operation (claim, complete, release).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StoreBuckets });
    }

    public void Delivered(string? eventType, string outcome, TelnyxWebhookVerificationReason? reason = null)
    {
        if (!_deliveries.Enabled)
        {
            return;
        }

        var tags = new TagList { { OutcomeTag, outcome } };
        if (eventType is not null)
        {
            tags.Add(EventTypeTag, eventType);
        }

        if (reason is not null)
        {
            tags.Add(VerificationReasonTag, reason.ToString());
        }

        _deliveries.Add(1, tags);
    }

    public void HandlersRan(string eventType, string outcome, long startTimestamp)
    {
        if (_handlerDuration.Enabled)
        {
            _handlerDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new(EventTypeTag, eventType), new(OutcomeTag, outcome));
        }
    }

    public void StoreCalled(string operation, long startTimestamp, Exception? error = null)
    {
        if (_storeDuration.Enabled)
        {
            var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
            if (error is null)
            {
                _storeDuration.Record(elapsed, new KeyValuePair<string, object?>(OperationTag, operation));
            }
            else
            {
                _storeDuration.Record(elapsed, new(OperationTag, operation), new(ErrorTypeTag, error.GetType().FullName));
            }
        }
    }
}
