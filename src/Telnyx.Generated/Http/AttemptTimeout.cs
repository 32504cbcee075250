using System.Collections.Concurrent;
using Polly.Timeout;

namespace Telnyx.Generated.Http;

/// <summary>
/// The per-attempt <c>Timeout</c>, inside the attempt rather than as a Polly strategy around it: a strategy is one more
/// async layer on every attempt, and that layer showed in throughput on 2 cores. It behaves as Polly's timeout did: the
/// attempt's token is cancelled after the timeout or with the token it was given, and only an expiry of its own becomes
/// a <see cref="TimeoutRejectedException"/> (for the retry rules and <see cref="TelnyxFailures"/>).
/// </summary>
internal sealed class AttemptTimeout(TimeSpan timeout, TimeProvider clock)
{
    // Token sources that ended uncancelled: reset (which stops their timer) and used again. Shared with ResendRound.
    private static readonly ConcurrentQueue<CancellationTokenSource> Spare = new();

    private readonly bool _systemClock = clock == TimeProvider.System;

    private TimeSpan Timeout => timeout;

    /// <summary>A token source nothing has cancelled: reused if one was returned.</summary>
    public static CancellationTokenSource Rent() => Spare.TryDequeue(out var spare) ? spare : new();

    /// <summary>Takes back a token source once nothing can cancel it any more.</summary>
    public static void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            Spare.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }

    /// <summary>Starts an attempt's clock; its token is also cancelled with <paramref name="outer"/>.</summary>
    public Running Start(CancellationToken outer)
    {
        CancellationTokenSource source;
        if (_systemClock)
        {
            source = Rent();
            source.CancelAfter(timeout);
        }
        else
        {
            source = new CancellationTokenSource(timeout, clock); // a test clock sees the timeout as asked for
        }

        var link = outer.CanBeCanceled ? outer.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source) : default;
        return new Running(this, source, link, outer);
    }

    /// <summary>One attempt's timeout while it runs.</summary>
    public readonly struct Running(AttemptTimeout owner, CancellationTokenSource source, CancellationTokenRegistration link, CancellationToken outer)
    {
        public CancellationToken Token => source.Token;

        /// <summary>The attempt's failure as the retry rules see it: a cancellation by this timeout alone is its expiry.</summary>
        public Exception Failure(Exception exception) =>
            exception is OperationCanceledException && source.IsCancellationRequested && !outer.IsCancellationRequested
                ? new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{owner.Timeout}'.", owner.Timeout, exception)
                : exception;

        /// <summary>Unlinks and releases the token source (unlinked first, so a late cancellation cannot reach its next user).</summary>
        public void End()
        {
            link.Dispose();
            if (owner._systemClock)
            {
                Return(source);
            }
            else
            {
                source.Dispose();
            }
        }
    }
}
