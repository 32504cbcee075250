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
    private readonly ResiliencePipeline<HttpResponseMessage>[] _pipelines;

    public TelnyxPipelineHandler(TelnyxClientSettings settings, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _settings = settings;
        _authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        _pipelines = Enum.GetValues<RepeatSafety>().Select(safety => RetryRules.Pipeline(settings, safety)).ToArray();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = CallOperation.Of(request);
        await CommandObserver.NotifyAsync(request, operation, cancellationToken).ConfigureAwait(false);
        var started = _settings.TimeProvider.GetTimestamp();
        using var activity = CommandTelemetry.Start(operation);
        TelnyxCall? call = null;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            call = await TelnyxCall.StartAsync(request, operation, activity, _authorization, _userAgent, cancellationToken).ConfigureAwait(false);
            context.Properties.Set(TelnyxCall.Key, call);
            var outcome = await _pipelines[(int)operation.Safety].ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(state.Call, ctx.Properties.GetValue(TelnyxCall.ResendKey, false), ctx.CancellationToken),
                context,
                (Handler: this, Call: call)).ConfigureAwait(false);
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

        try
        {
            var response = await base.SendAsync(attempt.Message, cancellationToken).ConfigureAwait(false);
            try
            {
                // Inside the attempt, so the per-attempt timeout covers a body that stalls and a reset mid-body is
                // an attempt failure (retried where safe), not a raw IOException in the generated code.
                await response.Content.LoadIntoBufferAsync(MaxBufferedBodyBytes, cancellationToken).ConfigureAwait(false);
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
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }
}
