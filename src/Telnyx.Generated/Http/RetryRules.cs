using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Telnyx.Generated.Http;

/// <summary>When a call is tried again, and how long to wait first.</summary>
internal static class RetryRules
{
    /// <summary>
    /// For operations with this repeat rule: up to <c>MaxRetries</c> retries after errors, with exponential backoff and
    /// jitter, around resends after a silence (<paramref name="resend"/>, where a repeat is safe, with a budget of their
    /// own); each attempt has its own timeout (<see cref="AttemptTimeout"/>). Null when nothing is retried: the first
    /// round is then the command.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage>? Pipeline(TelnyxClientSettings settings, RepeatSafety safety, ResendOnSilence? resend)
    {
        if (settings.MaxRetries == 0)
        {
            return null;
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = settings.TimeProvider };
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = settings.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(0.5),
            MaxDelay = TimeSpan.FromSeconds(8),
            ShouldHandle = args => new ValueTask<bool>(
                ShouldRetry(safety, args.Outcome, settings.MaxRetryDelay, settings.TimeProvider, args.Context.CancellationToken)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(RetryDelay(safety, args.Outcome, TelnyxCall.Of(args.Context), settings.TimeProvider)),
            OnRetry = args =>
            {
                CommandTelemetry.Retry(TelnyxCall.Of(args.Context), Reason(args.Outcome), args.RetryDelay);
                args.Outcome.Result?.Dispose();
                return default;
            },
        });

        resend?.AddTo(builder);
        return builder.Build();
    }

    /// <summary>
    /// The wait before a retry: what the server asked for; none after the first 500 of an operation safe to repeat
    /// (Telnyx: "if your application receives a 500 error, immediately retry the command"); otherwise null, the backoff.
    /// </summary>
    public static TimeSpan? RetryDelay(RepeatSafety safety, Outcome<HttpResponseMessage> outcome, TelnyxCall call, TimeProvider clock)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }

        if (ServerDelay(response, clock) is { } asked)
        {
            return asked;
        }

        return response.StatusCode == HttpStatusCode.InternalServerError && safety != RepeatSafety.NotIdempotent && call.TakeImmediateRetry()
            ? TimeSpan.Zero
            : null;
    }

    public static bool ShouldRetry(RepeatSafety safety, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryDelay, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                // Nothing reached Telnyx: safe for every action.
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,

                // Sent, so Telnyx may have run the command (reset, cut-off answer, timeout): only where a repeat is harmless.
                // The caller's own cancellation never gets here (checked above); any other cancellation is a timeout.
                HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException => safety != RepeatSafety.NotIdempotent,
                _ => false,
            };
        }

        var response = outcome.Result!;
        if (response.IsSuccessStatusCode)
        {
            return false; // done, whatever its headers say: a repeat could run the command twice
        }

        if (ServerDelay(response, clock) is { } asked && asked > maxRetryDelay)
        {
            return false; // the caller asked us not to wait this long: surface the error with RetryAfter
        }

        if (ShouldRetryHeader(response) is { } serverSays)
        {
            return serverSays;
        }

        return (int)response.StatusCode switch
        {
            429 or 503 => true, // rejected before processing
            408 or 500 or 502 or 504 => safety != RepeatSafety.NotIdempotent,
            _ => false,
        };
    }

    /// <summary>What failed, as logs and telemetry name a retry's reason: the status code, <c>timeout</c>, or the exception type.</summary>
    public static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => TelnyxLog.Status(response.StatusCode),
        { Exception: TimeoutRejectedException or OperationCanceledException } => "timeout",
        _ => outcome.Exception!.GetType().Name,
    };

    /// <summary>The delay from <c>retry-after-ms</c>, or <c>Retry-After</c> as seconds or an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? ServerDelay(HttpResponseMessage response, TimeProvider clock)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0 && ms < TimeSpan.MaxValue.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool? ShouldRetryHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-should-retry", out var values) && bool.TryParse(values.FirstOrDefault()?.Trim(), out var value)
            ? value
            : null;
}
