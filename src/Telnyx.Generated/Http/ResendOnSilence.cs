using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Polly;

namespace Telnyx.Generated.Http;

/// <summary>
/// Telnyx's "no response within 500 ms: send an identical command", as one Polly strategy between the retry and the
/// per-attempt timeout. Each attempt the retry rules start may be resent once, when it has had no answer for
/// <c>ResendAfter</c>, and a command is resent at most <see cref="MaxResendsPerCommand"/> times; retries after errors
/// have their own budget (<c>MaxRetries</c>). Of an attempt and its resend, the first to succeed, or to fail in a way
/// no repeat can change, ends the round; the other is cancelled, its response disposed, and waited for. A failure worth
/// retrying waits for the other attempt, and when both fail the round's failure (an answer rather than an exception)
/// goes to the retry rules.
/// </summary>
/// <remarks>
/// What a command that answers in time pays: one small round object and a place in the client's one
/// <see cref="SilenceWatch"/>. No timer, linked token source or completion source of its own: the token that cancels a
/// losing attempt comes from a pool, and is linked to the caller's only when the caller's can be cancelled. Polly.Core's
/// hedging and, later, a timer per command were measured before this (docs/performance.md).
/// </remarks>
internal sealed class ResendOnSilence(TelnyxClientSettings settings, RepeatSafety safety, SilenceWatch watch) : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>The most resends on silence one command sends, whatever <c>MaxRetries</c> is.</summary>
    public const int MaxResendsPerCommand = 2;

    // Token sources of rounds that ended without cancelling anyone: reset and used again. At most one per round in flight.
    private static readonly ConcurrentQueue<CancellationTokenSource> Spare = new();

    private readonly SilenceWatch _watch = watch;

    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder, TelnyxClientSettings settings, RepeatSafety safety, TimeSpan resendAfter) =>
        builder.AddStrategy(
            context => new ResendOnSilence(settings, safety, new SilenceWatch(resendAfter, context.TimeProvider)),
            new Options { Name = nameof(ResendOnSilence) });

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = TelnyxCall.Of(context);
        return call.HasResendsLeft ? new Round<TState>(this, callback, state, call).RunAsync() : callback(context, state);
    }

    // Success, or a failure the retry rules would not retry (a 4xx other than 429, the caller's cancellation): no other
    // attempt can change how the command ends.
    private bool IsFinal(TelnyxCall call, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { IsSuccessStatusCode: true } || !RetryRules.ShouldRetry(safety, outcome, settings.MaxRetryDelay, settings.TimeProvider, call.CallerToken);

    /// <summary>An attempt, its resend if it falls silent, and which of them ends the round.</summary>
    private sealed class Round<TState>(
        ResendOnSilence strategy, Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, TState state, TelnyxCall call)
        : SilenceWatch.Entry
    {
        private readonly CancellationTokenSource _cancel = Spare.TryDequeue(out var spare) ? spare : new();
        private TaskCompletionSource? _resendLeft; // only once a resend starts: the original may end first and wait for it
        private Outcome<HttpResponseMessage> _outcome;
        private int _running = 1;
        private bool _decided;

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        public async ValueTask<Outcome<HttpResponseMessage>> RunAsync()
        {
            var link = call.CallerToken.UnsafeRegister(static cancel => ((CancellationTokenSource)cancel!).Cancel(), _cancel);
            try
            {
                var original = RunAttemptAsync(resend: false);
                if (!original.IsCompleted)
                {
                    strategy._watch.Add(this);
                }

                var last = Leave(await original.ConfigureAwait(false));
                strategy._watch.Remove(this);
                if (!last)
                {
                    await _resendLeft!.Task.ConfigureAwait(false);
                }

                return _outcome;
            }
            finally
            {
                // Unlinked first, so a late cancellation by the caller cannot reach a token source another round now uses.
                link.Dispose();
                if (_cancel.TryReset())
                {
                    Spare.Enqueue(_cancel);
                }
                else
                {
                    _cancel.Dispose();
                }
            }
        }

        public override void OnSilence()
        {
            lock (this)
            {
                if (_decided || !call.TakeResend())
                {
                    return;
                }

                _running++;
                _resendLeft = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _ = ResendAsync();
        }

        private async Task ResendAsync()
        {
            if (Leave(await RunAttemptAsync(resend: true).ConfigureAwait(false)))
            {
                _resendLeft!.SetResult();
            }
        }

        private async ValueTask<Outcome<HttpResponseMessage>> RunAttemptAsync(bool resend)
        {
            var context = ResilienceContextPool.Shared.Get(_cancel.Token);
            try
            {
                if (resend)
                {
                    context.Properties.Set(TelnyxCall.ResendKey, true);
                }

                return await callback(context, state).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return Outcome.FromException<HttpResponseMessage>(e); // Polly callbacks do not throw; never lose an attempt if one does
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        // Each attempt as it ends; true for the last to leave, when _outcome is the round's.
        private bool Leave(Outcome<HttpResponseMessage> outcome)
        {
            lock (this)
            {
                _running--;
                if (_decided)
                {
                    outcome.Result?.Dispose(); // answered after the round was decided
                }
                else
                {
                    // A failure worth retrying decides only as the last to leave: the other attempt may still succeed.
                    var final = strategy.IsFinal(call, outcome);
                    Keep(outcome, final);
                    if (final || _running == 0)
                    {
                        _decided = true;
                        if (_running > 0)
                        {
                            call.Supersede();
                            _cancel.Cancel(); // the attempt that decided has ended: this stops only the others
                        }
                    }
                }

                return _running == 0;
            }
        }

        // Of two failures worth retrying, an answer is kept over a later exception: its status and Retry-After say more.
        private void Keep(Outcome<HttpResponseMessage> outcome, bool final)
        {
            if (!final && outcome.Result is null && _outcome.Result is not null)
            {
                return;
            }

            _outcome.Result?.Dispose();
            _outcome = outcome;
        }
    }

    private sealed class Options : ResilienceStrategyOptions;
}
