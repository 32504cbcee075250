using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Polly;

namespace Telnyx.Generated.Http;

/// <summary>
/// One attempt the retry rules start, its resend if it falls silent (<see cref="ResendOnSilence"/>), and which of them
/// ends the round. Rounds are pooled, so a command that answers in time allocates none; the watch may report a silence
/// of a round that has since ended and been reused, so each use has its number and a silence of an earlier one is ignored.
/// </summary>
internal sealed class ResendRound<TState> : SilenceWatch.Entry
{
    private static readonly ConcurrentQueue<ResendRound<TState>> Pool = new();

    private ResendOnSilence _strategy = null!;
    private Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> _callback = null!;
    private TState _state = default!;
    private TelnyxCall _call = null!;
    private CancellationTokenSource _cancel = null!;
    private TaskCompletionSource? _resendLeft; // only once a resend starts: the original may end first and wait for it
    private Outcome<HttpResponseMessage> _outcome;
    private int _running;
    private bool _decided;

    public static ValueTask<Outcome<HttpResponseMessage>> RunAsync(
        ResendOnSilence strategy, Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, TState state, TelnyxCall call)
    {
        var round = Pool.TryDequeue(out var pooled) ? pooled : new ResendRound<TState>();
        (round._strategy, round._callback, round._state, round._call) = (strategy, callback, state, call);
        (round._cancel, round._running, round._decided, round._resendLeft) = (ResendOnSilence.RentCancellation(), 1, false, null);
        return round.RunAsync();
    }

    public override void OnSilence(int use)
    {
        lock (this)
        {
            if (use != Use || _decided || !_call.TakeResend())
            {
                return;
            }

            _running++;
            _resendLeft = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = ResendAsync();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> RunAsync()
    {
        var link = _call.CallerToken.UnsafeRegister(static cancel => ((CancellationTokenSource)cancel!).Cancel(), _cancel);
        var context = ResilienceContextPool.Shared.Get(_cancel.Token);
        try
        {
            Outcome<HttpResponseMessage> outcome;
            try
            {
                var original = _callback(context, _state);
                if (!original.IsCompleted)
                {
                    _strategy.Watch.Add(this);
                }

                outcome = await original.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                outcome = Outcome.FromException<HttpResponseMessage>(e); // Polly callbacks do not throw; never lose an attempt if one does
            }

            var last = Leave(outcome);
            _strategy.Watch.Remove(this);
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
            ResilienceContextPool.Shared.Return(context);
            ResendOnSilence.Return(_cancel);
            lock (this)
            {
                Use++;
            }

            (_strategy, _callback, _state, _call, _cancel, _outcome) = (null!, null!, default!, null!, null!, default);
            Pool.Enqueue(this);
        }
    }

    private async Task ResendAsync()
    {
        var context = ResilienceContextPool.Shared.Get(_cancel.Token);
        context.Properties.Set(TelnyxCall.ResendKey, true);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _callback(context, _state).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (Leave(outcome))
        {
            _resendLeft!.SetResult();
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
                var final = _strategy.IsFinal(_call, outcome);
                Keep(outcome, final);
                if (final || _running == 0)
                {
                    _decided = true;
                    if (_running > 0)
                    {
                        _call.Supersede();
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
