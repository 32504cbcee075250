using Polly;

namespace Telnyx.Generated.Http;

/// <summary>
/// Telnyx's "no response within 500 ms: send an identical command": <see cref="TelnyxPipelineHandler"/> runs the first
/// attempt's round itself, and this Polly strategy, inside the retry, the rounds of the retries. Each attempt may be
/// resent once, when it has had no answer for <c>ResendAfter</c>, and a command is resent at most
/// <see cref="MaxResendsPerCommand"/> times; retries after errors have their own budget (<c>MaxRetries</c>). Of an
/// attempt and its resend, the first to succeed, or to fail in a way no repeat can change, ends the round; the other
/// is cancelled, its response disposed, and waited for. A failure worth retrying waits for the other attempt, and when
/// both fail the round's failure (an answer rather than an exception) goes to the retry rules.
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

    /// <summary>The client's one watch over its commands waiting for an answer.</summary>
    public SilenceWatch Watch { get; } = watch;

    /// <summary>Adds this strategy inside the retry, for the rounds after the first.</summary>
    public void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder) =>
        builder.AddStrategy(_ => this, new Options { Name = nameof(ResendOnSilence) });

    // The first round's outcome, handed back to the retry, was already a round of its own: not run again.
    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = TelnyxCall.Of(context);
        return call.HasResendsLeft && !call.Replaying ? ResendRound<TState>.RunAsync(this, callback, state, call) : callback(context, state);
    }

    /// <summary>
    /// Success, or a failure the retry rules would not retry (a 4xx other than 429, the caller's cancellation): no other
    /// attempt can change how the command ends.
    /// </summary>
    public bool IsFinal(TelnyxCall call, Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { IsSuccessStatusCode: true } || !RetryRules.ShouldRetry(safety, outcome, settings.MaxRetryDelay, settings.TimeProvider, call.CallerToken);

    private sealed class Options : ResilienceStrategyOptions;
}
