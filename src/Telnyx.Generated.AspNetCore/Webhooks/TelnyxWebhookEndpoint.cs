using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The request handler behind <c>MapTelnyxWebhooks</c>: read the raw body (size-limited), verify, parse, claim the
/// event id, pass it to the outcome relay (<see cref="ITelnyxCallOutcomes"/>), dispatch, then mark it done (or release it when a handler threw). The body is verified exactly as
/// received: it is never decoded and re-encoded before verification. Each delivery gets one span, one count and the
/// handler and store durations (<see cref="TelnyxWebhookTelemetry"/>, <see cref="TelnyxWebhookMetrics"/>). With
/// <see cref="TelnyxOptions.QueueWebhooks"/> the handlers run later, from the queue (TelnyxWebhookEndpoint.Queue.cs).
/// </summary>
internal sealed partial class TelnyxWebhookEndpoint(
    TelnyxWebhookVerifier verifier,
    ITelnyxWebhookDeduplicator deduplicator,
    IOutcomeRelay outcomes,
    TelnyxWebhookMetrics metrics,
    IOptions<TelnyxOptions> options,
    ILogger<TelnyxWebhookEndpoint> logger,
    IServiceProvider services)
{
    private const string Claim = "claim";
    private const string Complete = "complete";
    private const string Release = "release";

    private readonly long _maxBodySize = options.Value.MaxWebhookBodySize;

    public async Task HandleAsync(HttpContext context)
    {
        using var activity = TelnyxWebhookTelemetry.StartDelivery();
        var aborted = context.RequestAborted;
        var body = await ReadBodyAsync(context.Request, _maxBodySize, aborted).ConfigureAwait(false);
        if (body is null)
        {
            TelnyxWebhookLog.TooLarge(logger, null, null, _maxBodySize);
            Finished(activity, null, WebhookOutcome.Malformed);
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "Webhook body too large", $"The body is larger than {_maxBodySize} bytes.").ConfigureAwait(false);
            return;
        }

        TelnyxWebhookEvent webhookEvent;
        try
        {
            webhookEvent = verifier.Unwrap(body, name => HeaderValue(context.Request, name));
        }
        catch (TelnyxWebhookVerificationException ex)
        {
            // Nothing unverified is parsed: an unsigned flood costs a hash, not a JSON parse.
            TelnyxWebhookLog.VerificationFailed(logger, ex.Reason.ToString(), body.Length, Convert.ToHexStringLower(SHA256.HashData(body), 0, 8));
            TelnyxWebhookTelemetry.Finished(activity, WebhookOutcome.SignatureInvalid, reason: ex.Reason);
            metrics.Delivered(null, WebhookOutcome.SignatureInvalid, ex.Reason);

            // Deliberately the same words for every reason: the caller learns nothing about the key or the clock.
            await Problem(context, StatusCodes.Status401Unauthorized, "Webhook verification failed", "The request is not a valid signed Telnyx webhook.").ConfigureAwait(false);
            return;
        }
        catch (TelnyxWebhookException ex)
        {
            TelnyxWebhookLog.NotAnEvent(logger, null, null, ex.Message);
            Finished(activity, null, WebhookOutcome.Malformed);
            await Problem(context, StatusCodes.Status400BadRequest, "Not a Telnyx webhook event", "The body is not a Telnyx webhook event envelope.").ConfigureAwait(false);
            return;
        }

        var eventId = string.IsNullOrEmpty(webhookEvent.Id) ? null : webhookEvent.Id;
        var eventType = webhookEvent.EventType;
        var typeTag = TelnyxWebhookTelemetry.EventType(webhookEvent);
        TelnyxWebhookTelemetry.Verified(activity, typeTag, eventId);
        if (_queue is not null)
        {
            // Queue instead of running handlers (Telnyx:QueueWebhooks): claim and append in one step, answer at once.
            await EnqueueAsync(context, activity, webhookEvent, body, eventId, typeTag).ConfigureAwait(false);
            return;
        }

        if (eventId is not null)
        {
            bool claimed;
            var claimStarted = Stopwatch.GetTimestamp();
            try
            {
                claimed = await deduplicator.TryBeginAsync(eventId, aborted).ConfigureAwait(false);
                metrics.StoreCalled(Claim, claimStarted);
            }
            catch (Exception ex)
            {
                // A store that is down or slow (Redis, say) must never turn into a 200 without the handlers running.
                metrics.StoreCalled(Claim, claimStarted, ex);
                TelnyxWebhookLog.ClaimFailed(logger, ex, eventId, eventType);
                Finished(activity, typeTag, WebhookOutcome.StoreUnavailable, ex);
                await ProblemIfPossible(context, StatusCodes.Status500InternalServerError, "Webhook de-duplication failed", "The event was not handled; deliver it again.").ConfigureAwait(false);
                return;
            }

            if (!claimed)
            {
                TelnyxWebhookLog.Duplicate(logger, eventId, eventType);
                Finished(activity, typeTag, WebhookOutcome.Duplicate);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }
        }

        // Accepted: an awaited command's outcome is known now, whatever the handlers do.
        await outcomes.AcceptAsync(webhookEvent, body, aborted).ConfigureAwait(false);

        int handlers;
        var handlersStarted = Stopwatch.GetTimestamp();
        try
        {
            handlers = await TelnyxWebhookDispatcher.DispatchAsync(context.RequestServices, webhookEvent, aborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            metrics.HandlersRan(typeTag, WebhookOutcome.HandlerFailed, handlersStarted);
            TelnyxWebhookLog.HandlerFailed(logger, ex, eventId, eventType);
            if (eventId is not null)
            {
                await ReleaseAsync(eventId, eventType).ConfigureAwait(false);
            }

            Finished(activity, typeTag, WebhookOutcome.HandlerFailed, ex);
            await ProblemIfPossible(context, StatusCodes.Status500InternalServerError, "Webhook handler failed", "The event was not handled; deliver it again.").ConfigureAwait(false);
            return;
        }

        metrics.HandlersRan(typeTag, WebhookOutcome.Handled, handlersStarted);
        if (eventId is not null)
        {
            await CompleteAsync(eventId, eventType).ConfigureAwait(false);
        }

        TelnyxWebhookLog.Handled(logger, eventId, eventType, handlers);
        Finished(activity, typeTag, WebhookOutcome.Handled);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private void Finished(Activity? activity, string? typeTag, string outcome, Exception? error = null)
    {
        TelnyxWebhookTelemetry.Finished(activity, outcome, error);
        metrics.Delivered(typeTag, outcome);
    }

    private async Task ReleaseAsync(string eventId, string? eventType)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await deduplicator.AbandonAsync(eventId, CancellationToken.None).ConfigureAwait(false);
            metrics.StoreCalled(Release, started);
        }
        catch (Exception ex)
        {
            // The redelivery will then be taken for a duplicate until the claim expires: say so, loudly.
            metrics.StoreCalled(Release, started, ex);
            TelnyxWebhookLog.ReleaseFailed(logger, ex, eventId, eventType);
        }
    }

    private async Task CompleteAsync(string eventId, string? eventType)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await deduplicator.CompleteAsync(eventId, CancellationToken.None).ConfigureAwait(false);
            metrics.StoreCalled(Complete, started);
        }
        catch (Exception ex)
        {
            // The handlers ran, so the answer stays 200; only a copy arriving after the claim expires could run them again.
            metrics.StoreCalled(Complete, started, ex);
            TelnyxWebhookLog.CompleteFailed(logger, ex, eventId, eventType);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger (declared or actual).</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    // A repeated header is joined with commas, which never verifies: exactly one value is accepted.
    private static string? HeaderValue(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    private static Task ProblemIfPossible(HttpContext context, int status, string title, string detail) =>
        context.Response.HasStarted ? Task.CompletedTask : Problem(context, status, title, detail);
}
