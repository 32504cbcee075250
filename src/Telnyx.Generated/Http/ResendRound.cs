using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;
using Polly;

namespace Telnyx.Generated.Http;

/// <summary>
/// One attempt the retry rules start, its resend if it falls silent (<see cref="ResendOnSilence"/>), and which of them
/// ends the round. Rounds are pooled and are the value task the retry strategy awaits, so a command that answers in time
/// allocates nothing here; the watch may report a silence of a round that has since ended and been reused, so each
/// use has its number and a silence of an earlier one is ignored.
/// </summary>
internal sealed class ResendRound<TState> : SilenceWatch.Entry, IValueTaskSource<Outcome<HttpResponseMessage>>
{
    private static readonly ConcurrentQueue<ResendRound<TState>> Pool = new();

    private readonly Action _originalEnded;
    private ManualResetValueTaskSourceCore<Outcome<HttpResponseMessage>> _result;
    private ConfiguredValueTaskAwaitable<Outcome<HttpResponseMessage>>.ConfiguredValueTaskAwaiter _original;
    private ResendOnSilence _strategy = null!;
    private Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> _callback = null!;
    private TState _state = default!;
    private TelnyxCall _call = null!;
    private CancellationTokenSource _cancel = null!;
    private ResilienceContext _context = null!;
    private CancellationTokenRegistration _link;
    private Outcome<HttpResponseMessage> _outcome;
    private int _running;
    private bool _decided;

    private ResendRound() => _originalEnded = OriginalEnded;

    public static ValueTask<Outcome<HttpResponseMessage>> RunAsync(
        ResendOnSilence strategy, Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, TState state, TelnyxCall call)
    {
        var round = Pool.TryDequeue(out var pooled) ? pooled : new ResendRound<TState>();
        (round._strategy, round._callback, round._state, round._call) = (strategy, callback, state, call);
        (round._cancel, round._running, round._decided) = (AttemptTimeout.Rent(), 1, false);
        return round.Run();
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
        }

        _ = ResendAsync();
    }

    public Outcome<HttpResponseMessage> GetResult(short token)
    {
        var outcome = _result.GetResult(token);
        _result.Reset();
        Pool.Enqueue(this);
        return outcome;
    }

    public ValueTaskSourceStatus GetStatus(short token) => _result.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _result.OnCompleted(continuation, state, token, flags);

    // The original attempt runs in the caller's flow; the round ends when the last of it and its resend leaves.
    private ValueTask<Outcome<HttpResponseMessage>> Run()
    {
        var version = _result.Version;
        _link = _call.CallerToken.UnsafeRegister(static cancel => ((CancellationTokenSource)cancel!).Cancel(), _cancel);
        _context = ResilienceContextPool.Shared.Get(_cancel.Token);
        try
        {
            _original = _callback(_context, _state).ConfigureAwait(false).GetAwaiter();
        }
        catch (Exception e)
        {
            _original = new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromException<HttpResponseMessage>(e)).ConfigureAwait(false).GetAwaiter();
        }

        if (_original.IsCompleted)
        {
            OriginalEnded();
        }
        else
        {
            _strategy.Watch.Add(this);
            _original.UnsafeOnCompleted(_originalEnded);
        }

        return new ValueTask<Outcome<HttpResponseMessage>>(this, version);
    }

    private void OriginalEnded()
    {
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = _original.GetResult();
        }
        catch (Exception e)
        {
            outcome = Outcome.FromException<HttpResponseMessage>(e); // Polly callbacks do not throw; never lose an attempt if one does
        }

        _original = default;
        ResilienceContextPool.Shared.Return(_context);
        _strategy.Watch.Remove(this); // before leaving: once the resend has left too, the round is over
        if (Leave(outcome))
        {
            End();
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
            End();
        }
    }

    // Every attempt has left: release what the round held, then hand its outcome over (GetResult pools the round).
    private void End()
    {
        // Unlinked first, so a late cancellation by the caller cannot reach a token source another round now uses.
        _link.Dispose();
        AttemptTimeout.Return(_cancel);
        lock (this)
        {
            Use++;
        }

        var outcome = _outcome;
        (_strategy, _callback, _state, _call, _cancel, _context, _link, _outcome) = (null!, null!, default!, null!, null!, null!, default, default);
        _result.SetResult(outcome);
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
