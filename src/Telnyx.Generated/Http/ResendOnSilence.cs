using System.Collections.Concurrent;
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
/// What a command that answers in time pays: a place in the client's one <see cref="SilenceWatch"/>. No timer, linked
/// token source, completion source or round object of its own: rounds (<see cref="ResendRound{TState}"/>) and the token
/// sources that cancel a losing attempt are pooled, and linked to the caller's token only when it can be cancelled.
/// </remarks>
internal sealed class ResendOnSilence(TelnyxClientSettings settings, RepeatSafety safety, SilenceWatch watch) : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>The most resends on silence one command sends, whatever <c>MaxRetries</c> is.</summary>
    public const int MaxResendsPerCommand = 2;

    // Token sources of rounds that ended without cancelling anyone: reset and used again. At most one per round in flight.
    private static readonly ConcurrentQueue<CancellationTokenSource> Spare = new();

    /// <summary>The client's one watch over its commands waiting for an answer.</summary>
    public SilenceWatch Watch { get; } = watch;

    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder, TelnyxClientSettings settings, RepeatSafety safety, TimeSpan resendAfter) =>
        builder.AddStrategy(
            context => new ResendOnSilence(settings, safety, new SilenceWatch(resendAfter, context.TimeProvider)),
            new Options { Name = nameof(ResendOnSilence) });

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = TelnyxCall.Of(context);
        return call.HasResendsLeft ? ResendRound<TState>.RunAsync(this, callback, state, call) : callback(context, state);
    }

    /// <summary>A token source for a round: reused if a round left one uncancelled.</summary>
    public static CancellationTokenSource RentCancellation() => Spare.TryDequeue(out var spare) ? spare : new();

    /// <summary>Takes back a round's token source once nothing can cancel it any more.</summary>
    public static void Return(CancellationTokenSource cancellation)
    {
        if (cancellation.TryReset())
        {
            Spare.Enqueue(cancellation);
        }
        else
        {
            cancellation.Dispose();
        }
    }

    /// <summary>
    /// Success, or a failure the retry rules would not retry (a 4xx other than 429, the caller's cancellation): no other
    /// attempt can change how the command ends.
    /// </summary>
    public bool IsFinal(TelnyxCall call, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { IsSuccessStatusCode: true } || !RetryRules.ShouldRetry(safety, outcome, settings.MaxRetryDelay, settings.TimeProvider, call.CallerToken);

    private sealed class Options : ResilienceStrategyOptions;
}
