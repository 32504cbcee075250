using System.Net.Http.Headers;
using Polly;

namespace Telnyx.Generated.Http;

/// <summary>Why an attempt was sent.</summary>
internal enum AttemptReason
{
    /// <summary>The first attempt of the call.</summary>
    First,

    /// <summary>The previous attempt failed and the retry rules allow another.</summary>
    Retry,

    /// <summary>An attempt still in flight has not answered within <c>ResendAfter</c>: the same command again, sent by <see cref="ResendOnSilence"/>.</summary>
    Silence,
}

/// <summary>One attempt as it starts: its number (from 1), why it is sent, and the message it sends.</summary>
internal readonly record struct Attempt(int Number, AttemptReason Reason, HttpRequestMessage Message);

/// <summary>
/// One logical call across its attempts, and what each attempt sends. The body is read and given its command_id once,
/// so every attempt carries the same id. Attempts one after another send this one message (a supplied HttpClient gets
/// a copy, see <see cref="HttpClientForwardingHandler"/>); a resend, sent while the attempt it repeats is still in
/// flight, sends a copy, as one message cannot be sent twice at once. Attempts may run concurrently, so the counters are atomic.
/// </summary>
internal sealed class TelnyxCall
{
    /// <summary>Where the retry and resend strategies find the call in the context of its execution.</summary>
    public static readonly ResiliencePropertyKey<TelnyxCall> Key = new("Telnyx.Generated.TelnyxCall");

    /// <summary>Set by <see cref="ResendOnSilence"/> in the context of a resend it starts: the attempt's kind, said rather than guessed.</summary>
    public static readonly ResiliencePropertyKey<bool> ResendKey = new("Telnyx.Generated.Resend");

    private readonly HttpRequestMessage _request;
    private readonly (HttpMethod Method, Uri? Uri, HttpContent? Content) _sent;
    private readonly byte[]? _body;
    private readonly AuthenticationHeaderValue _authorization;
    private int _attempts;
    private int _resends;
    private int _immediateRetryTaken;
    private volatile bool _superseded;
    private Outcome<HttpResponseMessage>? _replay;

    private TelnyxCall(HttpRequestMessage request, byte[]? body, CallOperation operation, string? commandId, AuthenticationHeaderValue authorization, CancellationToken callerToken)
    {
        _request = request;
        _sent = (request.Method, request.RequestUri, request.Content);
        _body = body;
        _authorization = authorization;
        Operation = operation;
        CommandId = commandId;
        CallerToken = callerToken;
    }

    public CallOperation Operation { get; }

    public string? CommandId { get; }

    /// <summary>The command's span, when someone listens (<see cref="CommandTelemetry"/>).</summary>
    public System.Diagnostics.Activity? Activity { get; init; }

    /// <summary>The token the call was made with (not the per-attempt one, which the timeout and a winning resend also cancel).</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>Attempts started so far: the first, retries after errors and resends after silences.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Whether <see cref="ResendOnSilence.MaxResendsPerCommand"/> allows another resend.</summary>
    public bool HasResendsLeft => Volatile.Read(ref _resends) < ResendOnSilence.MaxResendsPerCommand;

    /// <summary>Whether the retry is about to be handed the first round's outcome (see <see cref="Replay"/>).</summary>
    public bool Replaying => _replay is not null;

    /// <summary>Whether an attempt was cancelled because another one decided the command (see <see cref="Supersede"/>).</summary>
    public bool Superseded => _superseded;

    public string Method => _sent.Method.Method;

    public string Description => $"{Method} {Operation.PathTemplate}";

    public static TelnyxCall Of(ResilienceContext context) => context.Properties.GetValue(Key, null!);

    // A ValueTask: the generated client's body is already in memory, so this completes at once and allocates no task.
    public static async ValueTask<TelnyxCall> StartAsync(
        HttpRequestMessage request, CallOperation operation, System.Diagnostics.Activity? activity, AuthenticationHeaderValue authorization, ProductInfoHeaderValue userAgent, CancellationToken cancellationToken)
    {
        string? commandId = null;
        byte[]? body = null;
        if (request.Content is { } content)
        {
            // Re-readable bytes, so every attempt sends the same body, with the same command_id.
            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (operation.Safety == RepeatSafety.CommandId)
            {
                (body, commandId) = CommandIdBody.Ensure(body);
            }

            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = content.Headers.ContentType;
            content.Dispose();
        }

        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(userAgent);
        activity?.SetTag(CommandTelemetry.Tags.CommandId, commandId);
        return new TelnyxCall(request, body, operation, commandId, authorization, cancellationToken) { Activity = activity };
    }

    /// <summary>
    /// Counts an attempt in and gives it its message. Attempts one after another share the message; a resend runs beside
    /// the attempt it repeats, so it gets a copy.
    /// </summary>
    public Attempt Begin(bool resend)
    {
        var number = Interlocked.Increment(ref _attempts);
        return resend
            ? new Attempt(number, AttemptReason.Silence, Copy())
            : new Attempt(number, number == 1 ? AttemptReason.First : AttemptReason.Retry, Reset());
    }

    /// <summary>
    /// Keeps the first round's outcome, a failure, for the retry strategy to be handed as its first attempt's: the first
    /// round runs outside Polly, so a command that answers in time pays for no strategy, and the retry rules still
    /// judge every failure.
    /// </summary>
    public void Replay(Outcome<HttpResponseMessage> first) => _replay = first;

    /// <summary>The outcome kept by <see cref="Replay"/>, once.</summary>
    public bool TakeReplay(out Outcome<HttpResponseMessage> outcome)
    {
        outcome = _replay.GetValueOrDefault();
        var had = _replay.HasValue;
        _replay = null;
        return had;
    }

    /// <summary>Takes one of the command's resends, if any is left.</summary>
    public bool TakeResend() => Interlocked.Increment(ref _resends) <= ResendOnSilence.MaxResendsPerCommand;

    /// <summary>Said before the attempts still in flight are cancelled because another decided the command.</summary>
    public void Supersede() => _superseded = true;

    /// <summary>True once per call: Telnyx asks for a 500 to be retried at once, and later retries keep their backoff.</summary>
    public bool TakeImmediateRetry() => Interlocked.Exchange(ref _immediateRetryTaken, 1) == 0;

    // The message as the first attempt sent it: a redirect followed last time may have changed its URI, method, body and Authorization.
    private HttpRequestMessage Reset()
    {
        (_request.Method, _request.RequestUri, _request.Content) = _sent;
        _request.Headers.Authorization = _authorization;
        return _request;
    }

    // Made at least ResendAfter after the first attempt went out, so the original's headers are no longer being written.
    private HttpRequestMessage Copy()
    {
        HttpContent? content = null;
        if (_body is not null)
        {
            content = new ByteArrayContent(_body);
            content.Headers.ContentType = _sent.Content?.Headers.ContentType;
        }

        var copy = RequestCopy.Of(_request, _sent.Method, _sent.Uri, content);
        copy.Headers.Authorization = _authorization;
        return copy;
    }
}
