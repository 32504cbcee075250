using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>The endpoint's queued path (<see cref="TelnyxOptions.QueueWebhooks"/>): the verified event is queued, not handled.</summary>
internal sealed partial class TelnyxWebhookEndpoint
{
    private const string Enqueue = "enqueue";

    private readonly ITelnyxWebhookQueue? _queue = options.Value.QueueWebhooks ? services.GetRequiredService<ITelnyxWebhookQueue>() : null;
    private readonly TelnyxWebhookQueueWorker? _worker = options.Value.QueueWebhooks ? services.GetService<TelnyxWebhookQueueWorker>() : null;

    // 200 once the event is durably queued, or was already claimed, queued or done; 500 when the store failed, so
    // Telnyx delivers again and nothing is acknowledged that was not queued. Queuing relays an awaited command's
    // outcome in the same step: it is known now, not when the queue reaches the event, and never lost in between.
    private async Task EnqueueAsync(HttpContext context, Activity? activity, TelnyxWebhookEvent webhookEvent, byte[] body, string? eventId, string typeTag)
    {
        var eventType = webhookEvent.EventType;
        bool queued;
        var started = Stopwatch.GetTimestamp();
        try
        {
            queued = await _queue!.EnqueueAsync(webhookEvent, eventId, body, Activity.Current?.Id, context.RequestAborted).ConfigureAwait(false);
            metrics.StoreCalled(Enqueue, started);
        }
        catch (Exception ex)
        {
            metrics.StoreCalled(Enqueue, started, ex);
            TelnyxWebhookQueueLog.EnqueueFailed(logger, ex, eventId, eventType);
            Finished(activity, typeTag, WebhookOutcome.StoreUnavailable, ex);
            await ProblemIfPossible(context, StatusCodes.Status500InternalServerError, "Webhook queue unavailable", "The event was not queued; deliver it again.").ConfigureAwait(false);
            return;
        }

        if (queued)
        {
            _worker?.Wake();
            TelnyxWebhookQueueLog.Queued(logger, eventId, eventType);
            Finished(activity, typeTag, WebhookOutcome.Queued);
        }
        else
        {
            TelnyxWebhookLog.Duplicate(logger, eventId, eventType);
            Finished(activity, typeTag, WebhookOutcome.Duplicate);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
