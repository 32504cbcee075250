using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The outcome wait in traces and metrics: one <see cref="ActivityKind.Internal"/> span per <c>SendAsync</c>, named
/// <c>Telnyx {operation} outcome</c>, around the command's own span and the wait, with the awaited event types, the
/// result and the outcome event; and <c>telnyx.command.outcome.duration</c>, the time from the command being sent to
/// its outcome, by operation and result, on the meter <see cref="TelnyxTelemetry.WebhooksMeterName"/>. No call id is recorded.
/// </summary>
internal sealed class OutcomeTelemetry
{
    public const string OperationTag = "telnyx.operation";
    public const string AwaitedTag = "telnyx.outcome.awaited";
    public const string ResultTag = "telnyx.outcome.result";

    // Seconds, from an outcome that beat the command's answer to a refer that rang for minutes.
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Histogram<double> _duration;

    public OutcomeTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(TelnyxTelemetry.WebhooksMeterName) { Version = TelnyxWebhookTelemetry.Version });
        _duration = meter.CreateHistogram(
            "telnyx.command.outcome.duration", "s", "From a command sent through SendAsync to its outcome, by operation and result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    public Trace Start(TimeProvider time) => new(this, time, TelnyxWebhookTelemetry.Source.StartActivity("Telnyx outcome", ActivityKind.Internal));

    /// <summary>One <c>SendAsync</c>: its span, and its duration once the command is known.</summary>
    internal sealed class Trace(OutcomeTelemetry owner, TimeProvider time, Activity? activity) : IDisposable
    {
        private string? _operation;
        private string _result = "command_failed";
        private long _sentAt;

        public void Sent(string operationId, AwaitedOutcome? awaited, long sentAt)
        {
            (_operation, _sentAt) = (operationId, sentAt);
            if (activity is not null)
            {
                activity.DisplayName = $"Telnyx {operationId} outcome";
                activity.SetTag(OperationTag, operationId);
                activity.SetTag(AwaitedTag, awaited?.Awaited ?? []);
            }
        }

        public TelnyxCommandOutcome Done(TelnyxCommandOutcome outcome)
        {
            _result = outcome.Succeeded ? "succeeded" : "failed";
            activity?.SetTag(TelnyxWebhookTelemetry.EventTypeTag, outcome.Event?.EventType);
            activity?.SetTag(TelnyxWebhookTelemetry.EventIdTag, outcome.Event?.Id);
            return outcome;
        }

        public void Failed(Exception failure, CancellationToken cancellationToken)
        {
            _result = failure switch
            {
                TelnyxOutcomeTimeoutException => "timeout",
                OperationCanceledException when cancellationToken.IsCancellationRequested => "cancelled",
                _ when _operation is null => "command_failed",
                _ => "error",
            };
            activity?.SetTag(TelnyxWebhookTelemetry.ErrorTypeTag, failure.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
        }

        public void Dispose()
        {
            activity?.SetTag(ResultTag, _result);
            activity?.Dispose();
            if (_operation is not null && owner._duration.Enabled)
            {
                owner._duration.Record(time.GetElapsedTime(_sentAt).TotalSeconds, new(OperationTag, _operation), new(ResultTag, _result));
            }
        }
    }
}
