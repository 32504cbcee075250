using Polly;

namespace Telnyx.Generated.Http;

/// <summary>
/// Telnyx's "no response within 500 ms: send an identical command", as one Polly strategy between the retry and the
/// per-attempt timeout. While the call has attempts left, each <c>ResendAfter</c> without an answer starts another
/// attempt; the first to end wins (a failure then goes to the retry rules), and the others are cancelled, their
/// responses disposed, and waited for before the winner is returned.
/// </summary>
/// <remarks>
/// Polly.Core's hedging strategy does this too and was used first, but over loopback sockets it cost every command
/// that answered in time 8-12 µs of CPU and 0.85 KB, about a tenth of benchmark 4's throughput (docs/performance.md).
/// Here such a command costs a timer, a linked token and one small object per round (no timer when it ends at once).
/// </remarks>
internal sealed class ResendOnSilence(TimeSpan resendAfter, TimeProvider clock) : ResilienceStrategy<HttpResponseMessage>
{
    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder, TimeSpan resendAfter) =>
        builder.AddStrategy(context => new ResendOnSilence(resendAfter, context.TimeProvider), new Options { Name = nameof(ResendOnSilence) });

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = TelnyxCall.Of(context);

        // With one attempt left, nothing could follow a silence.
        return call.MaxAttempts - call.Attempts < 2
            ? callback(context, state)
            : new ValueTask<Outcome<HttpResponseMessage>>(new Round<TState>(callback, context.CancellationToken, state, call, resendAfter).Start(clock));
    }

    /// <summary>
    /// The attempts of one round. The first attempt to end is the winner; the round's result is set by the last attempt
    /// to leave once there is a winner, so no attempt outlives the round.
    /// </summary>
    private sealed class Round<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, CancellationToken cancellationToken, TState state, TelnyxCall call, TimeSpan resendAfter)
    {
        private readonly TaskCompletionSource<Outcome<HttpResponseMessage>> _result = new();
        private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private ITimer? _timer;
        private Outcome<HttpResponseMessage> _winner;
        private int _running;
        private int _won;

        public Task<Outcome<HttpResponseMessage>> Start(TimeProvider clock)
        {
            Interlocked.Increment(ref _running);
            _ = RunAttemptAsync();

            // No timer for an attempt that ended at once. Created idle and then started, so a clock that fires at
            // once finds it set; disposed here if the winner ended before it could see it.
            if (Volatile.Read(ref _won) == 0)
            {
                var timer = clock.CreateTimer(static round => ((Round<TState>)round!).OnSilence(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                Interlocked.Exchange(ref _timer, timer);
                if (Volatile.Read(ref _won) != 0)
                {
                    timer.Dispose();
                }
                else
                {
                    timer.Change(resendAfter, Timeout.InfiniteTimeSpan);
                }
            }

            return _result.Task;
        }

        private void OnSilence()
        {
            if (Volatile.Read(ref _won) != 0 || !call.HasAttemptsLeft)
            {
                return;
            }

            Interlocked.Increment(ref _running);
            if (Volatile.Read(ref _won) != 0)
            {
                Leave(); // the winner ended meanwhile
                return;
            }

            _ = RunAttemptAsync();
            if (call.HasAttemptsLeft)
            {
                _timer!.Change(resendAfter, Timeout.InfiniteTimeSpan);
            }
        }

        private async Task RunAttemptAsync()
        {
            var context = ResilienceContextPool.Shared.Get(_cancel.Token);
            Outcome<HttpResponseMessage> outcome;
            try
            {
                outcome = await callback(context, state).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                outcome = Outcome.FromException<HttpResponseMessage>(e); // Polly callbacks do not throw; never lose an attempt if one does
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (Interlocked.Exchange(ref _won, 1) == 0)
            {
                _winner = outcome;
                Volatile.Read(ref _timer)?.Dispose();
                if (Volatile.Read(ref _running) > 1)
                {
                    _cancel.Cancel(); // the winner has ended: this stops only the others
                }
            }
            else
            {
                outcome.Result?.Dispose(); // answered after the winner
            }

            Leave();
        }

        private void Leave()
        {
            if (Interlocked.Decrement(ref _running) == 0 && Volatile.Read(ref _won) != 0)
            {
                _cancel.Dispose();
                _result.TrySetResult(_winner); // "Try": a resend that lost the race to start leaves here too
            }
        }
    }

    private sealed class Options : ResilienceStrategyOptions;
}
