using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Telnyx.Generated.Http;

/// <summary>
/// Traces and metrics of <see cref="TelnyxClient"/>, through <c>System.Diagnostics</c> only: one Internal span per
/// command (<c>Telnyx Refer</c>) around every attempt, an event per attempt and per retry wait, and the client metrics.
/// With no listener a command pays for two checks. Never recorded: the API key, SIP credentials, bodies, and the
/// call_control_id (with the API key, it controls the live call; traces often reach more people than the key does).
/// </summary>
internal static class CommandTelemetry
{
    public static readonly ActivitySource Source = new(TelnyxTelemetry.ActivitySourceName, TelnyxClientSettings.Version);

    public static readonly Meter Meter = new(TelnyxTelemetry.MeterName, TelnyxClientSettings.Version);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "telnyx.client.operation.duration",
        unit: "s",
        description: "How long a Telnyx command took, every attempt and wait included. Commands the caller cancelled are left out.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "telnyx.client.operation.retries",
        unit: "{retry}",
        description: "Attempts sent again: after a failure the retry rules allow (reason: what failed), or after a silence (reason: silence).");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "telnyx.client.rate_limited_responses",
        unit: "{response}",
        description: "429 answers from Telnyx.");

    private static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram(
        "telnyx.client.rate_limit.retry_after",
        unit: "s",
        description: "The wait honoured before retrying a 429: its Retry-After, or the backoff when it had none.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.5, 1, 2, 5, 10, 30, 60] });

    /// <summary>The command's span, or null when nobody listens.</summary>
    public static Activity? Start(CallOperation operation) =>
        Source.HasListeners()
            ? Source.StartActivity(operation.SpanName, ActivityKind.Internal, default(ActivityContext), [new(Tags.Operation, operation.OperationId)])
            : null;

    /// <summary>An attempt ended: an event on the span, stamped with the attempt's start, so it lines up with its HTTP span.</summary>
    public static void Attempt(TelnyxCall call, in Attempt attempt, string outcome, int? statusCode, DateTimeOffset startedAt, TimeSpan elapsed)
    {
        if (statusCode == 429)
        {
            RateLimited.Add(1, new KeyValuePair<string, object?>(Tags.Operation, call.Operation.OperationId));
        }

        if (call.Activity is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            [Tags.Attempt] = attempt.Number,
            [Tags.AttemptReason] = TelnyxLog.Reason(attempt.Reason),
            [Tags.AttemptOutcome] = outcome,
            [Tags.AttemptDuration] = elapsed.TotalSeconds,
        };
        if (attempt.Number > 1)
        {
            tags[Tags.ResendCount] = attempt.Number - 1;
        }

        if (statusCode is { } code)
        {
            tags[Tags.StatusCode] = code;
        }

        activity.AddEvent(new ActivityEvent("telnyx.attempt", startedAt, tags));
    }

    /// <summary>A resend after a silence is starting.</summary>
    public static void Resent(TelnyxCall call) => Retries.Add(1, Operation(call), new KeyValuePair<string, object?>(Tags.RetryReason, "silence"));

    /// <summary>A retry is about to wait <paramref name="delay"/> because of <paramref name="reason"/> (a status code, or <c>timeout</c>, or an exception type).</summary>
    public static void Retry(TelnyxCall call, string reason, TimeSpan delay)
    {
        Retries.Add(1, Operation(call), new KeyValuePair<string, object?>(Tags.RetryReason, reason));
        if (reason == "429")
        {
            RateLimitWait.Record(delay.TotalSeconds, Operation(call));
        }

        call.Activity?.AddEvent(new ActivityEvent("telnyx.retry", tags: new ActivityTagsCollection
        {
            [Tags.RetryReason] = reason,
            [Tags.RetryDelay] = delay.TotalSeconds,
        }));
    }

    /// <summary>
    /// The command ended, with <paramref name="failure"/> when it threw. The caller's own cancellation is not an error
    /// (the span's status stays unset) and its duration, how long the caller waited, is not recorded.
    /// </summary>
    public static void Stop(Activity? activity, CallOperation operation, TelnyxCall? call, TimeSpan elapsed, Exception? failure, bool cancelledByCaller)
    {
        var errorType = failure is null || cancelledByCaller ? null : ErrorType(failure);
        if (Duration.Enabled && !cancelledByCaller)
        {
            var tags = new TagList { { Tags.Operation, operation.OperationId } };
            if (errorType is not null)
            {
                tags.Add(Tags.ErrorType, errorType);
            }

            Duration.Record(elapsed.TotalSeconds, tags);
        }

        if (activity is null)
        {
            return;
        }

        if (call is not null)
        {
            activity.SetTag(Tags.Attempts, call.Attempts);
        }

        if (errorType is not null)
        {
            activity.SetTag(Tags.ErrorType, errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }
    }

    // OpenTelemetry's error.type: the status code Telnyx answered, else the type of the exception the caller got.
    private static string ErrorType(Exception failure) =>
        failure is TelnyxApiException api ? api.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().FullName!;

    private static KeyValuePair<string, object?> Operation(TelnyxCall call) => new(Tags.Operation, call.Operation.OperationId);

    /// <summary>Attribute and tag names: OpenTelemetry's where one exists, <c>telnyx.*</c> otherwise.</summary>
    internal static class Tags
    {
        public const string Operation = "telnyx.operation";
        public const string CommandId = "telnyx.command_id";
        public const string Attempts = "telnyx.attempts";
        public const string Attempt = "telnyx.attempt";
        public const string AttemptReason = "telnyx.attempt.reason";
        public const string AttemptOutcome = "telnyx.attempt.outcome";
        public const string AttemptDuration = "telnyx.attempt.duration";
        public const string RetryReason = "telnyx.retry.reason";
        public const string RetryDelay = "telnyx.retry.delay";
        public const string ResendCount = "http.request.resend_count";
        public const string StatusCode = "http.response.status_code";
        public const string ErrorType = "error.type";
    }
}
