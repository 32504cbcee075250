using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Polly;

namespace Telnyx.Generated.Http;

/// <summary>
/// The one layer every Telnyx request passes through, whichever constructor built the client: each attempt is
/// authenticated (<see cref="TelnyxCall"/>), retried, resent after a silence and bounded by the operation's rules
/// (<see cref="RetryRules"/>), logged (<see cref="TelnyxLog"/>) and traced (<see cref="CommandTelemetry"/>), and a failure
/// becomes a <see cref="TelnyxException"/> (<see cref="TelnyxFailures"/>). Nothing else in the library retries.
/// </summary>
internal sealed class TelnyxPipelineHandler : DelegatingHandler
{
    // Telnyx's call-control answers are a few hundred bytes; this only stops a broken proxy from filling memory.
    private const long MaxBufferedBodyBytes = 4 * 1024 * 1024;

    private readonly TelnyxClientSettings _settings;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ProductInfoHeaderValue _userAgent = ProductInfoHeaderValue.Parse(TelnyxClientSettings.UserAgent);
    private readonly AttemptTimeout? _timeout;

    // By RepeatSafety: the resend on silence where a repeat is safe and ResendAfter is set, and the retry rules.
    private readonly ResendOnSilence?[] _resends;
    private readonly ResiliencePipeline<HttpResponseMessage>?[] _retries;

    public TelnyxPipelineHandler(TelnyxClientSettings settings, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _settings = settings;
        _authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        _timeout = settings.Timeout == Timeout.InfiniteTimeSpan ? null : new AttemptTimeout(settings.Timeout, settings.TimeProvider);
        _resends = Enum.GetValues<RepeatSafety>()
            .Select(safety => settings.ResendAfter is { } after && safety != RepeatSafety.NotIdempotent
                ? new ResendOnSilence(settings, safety, new SilenceWatch(after, settings.TimeProvider))
                : null)
            .ToArray();
        _retries = Enum.GetValues<RepeatSafety>().Select(safety => RetryRules.Pipeline(settings, safety, _resends[(int)safety])).ToArray();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = CallOperation.Of(request);
        await CommandObserver.NotifyAsync(request, operation, cancellationToken).ConfigureAwait(false);
        var started = _settings.TimeProvider.GetTimestamp();
        using var activity = CommandTelemetry.Start(operation);
        TelnyxCall? call = null;
        try
        {
            call = await TelnyxCall.StartAsync(request, operation, activity, _authorization, _userAgent, cancellationToken).ConfigureAwait(false);
            var state = (Handler: this, Call: call);
            var resend = _resends[(int)operation.Safety];
            var outcome = await FirstRoundAsync(resend, state, cancellationToken).ConfigureAwait(false);
            if (outcome.Result is not { IsSuccessStatusCode: true } && _retries[(int)operation.Safety] is { } retries)
            {
                outcome = await RetryAsync(retries, outcome, state, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Exception is { } exception)
            {
                throw TelnyxFailures.FromException(exception, call, _settings);
            }

            var response = outcome.Result!;
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    throw await TelnyxFailures.FromResponseAsync(response, call, _settings.TimeProvider).ConfigureAwait(false);
                }
            }

            CommandTelemetry.Stop(activity, operation, call, _settings.TimeProvider.GetElapsedTime(started), failure: null, cancelledByCaller: false);
            return response;
        }
        catch (Exception failure)
        {
            var cancelledByCaller = failure is OperationCanceledException && cancellationToken.IsCancellationRequested;
            CommandTelemetry.Stop(activity, operation, call, _settings.TimeProvider.GetElapsedTime(started), failure, cancelledByCaller);
            throw;
        }
    }

    // Outside Polly, so a command that answers in time pays for no strategy; like Polly, nothing is sent once cancelled.
    private ValueTask<Outcome<HttpResponseMessage>> FirstRoundAsync(ResendOnSilence? resend, (TelnyxPipelineHandler Handler, TelnyxCall Call) state, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException(cancellationToken)));
        }

        return resend is null
            ? SendAttemptAsync(state.Call, resend: false, cancellationToken)
            : ResendRound<(TelnyxPipelineHandler Handler, TelnyxCall Call)>.RunAsync(resend, Attempt, state, state.Call);
    }

    // An attempt as the rounds and the retry start it: a resend is said in its context.
    private static ValueTask<Outcome<HttpResponseMessage>> Attempt(ResilienceContext context, (TelnyxPipelineHandler Handler, TelnyxCall Call) state) =>
        state.Call.TakeReplay(out var first)
            ? new ValueTask<Outcome<HttpResponseMessage>>(first)
            : state.Handler.SendAttemptAsync(state.Call, context.Properties.GetValue(TelnyxCall.ResendKey, false), context.CancellationToken);

    // The first round failed: the retry rules judge it as their first attempt's outcome and run the rounds after it.
    private static async ValueTask<Outcome<HttpResponseMessage>> RetryAsync(
        ResiliencePipeline<HttpResponseMessage> retries, Outcome<HttpResponseMessage> first, (TelnyxPipelineHandler Handler, TelnyxCall Call) state, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(TelnyxCall.Key, state.Call);
            state.Call.Replay(first);
            return await retries.ExecuteOutcomeAsync(Attempt, context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Every attempt waits on the socket, so its state machine would be a new box each time: pooled instead.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(TelnyxCall call, bool resend, CancellationToken cancellationToken)
    {
        var attempt = call.Begin(resend);
        var started = _settings.TimeProvider.GetTimestamp();
        var startedAt = call.Activity is null ? default : _settings.TimeProvider.GetUtcNow();
        if (attempt.Reason == AttemptReason.Silence)
        {
            CommandTelemetry.Resent(call);
        }

        var timeout = _timeout?.Start(cancellationToken);
        try
        {
            var token = timeout?.Token ?? cancellationToken;
            var response = await base.SendAsync(attempt.Message, token).ConfigureAwait(false);
            try
            {
                // Inside the attempt, so the per-attempt timeout covers a body that stalls and a reset mid-body is
                // an attempt failure (retried where safe), not a raw IOException in the generated code.
                await response.Content.LoadIntoBufferAsync(MaxBufferedBodyBytes, token).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            var elapsed = _settings.TimeProvider.GetElapsedTime(started);
            TelnyxLog.Attempt(_settings.Logger, call, attempt, response.StatusCode, elapsed);
            CommandTelemetry.Attempt(call, attempt, TelnyxLog.Status(response.StatusCode), (int)response.StatusCode, startedAt, elapsed);
            return Outcome.FromResult(response);
        }
        catch (Exception exception)
        {
            // A cancellation the caller did not ask for is this attempt's timeout, or a resend answered first: say
            // which rather than "TaskCanceledException".
            var status = exception is OperationCanceledException
                ? call.CallerToken.IsCancellationRequested ? "cancelled" : call.Superseded ? "superseded" : "timeout"
                : exception.GetType().Name;
            var elapsed = _settings.TimeProvider.GetElapsedTime(started);
            TelnyxLog.Attempt(_settings.Logger, call, attempt, status, elapsed);
            CommandTelemetry.Attempt(call, attempt, status, statusCode: null, startedAt, elapsed);
            return Outcome.FromException<HttpResponseMessage>(timeout?.Failure(exception) ?? exception);
        }
        finally
        {
            timeout?.End();
        }
    }
}
