using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Runs one queued event's handlers: each attempt in its own DI scope and its own span (linked to the delivery's),
/// retried with doubling delays up to <see cref="TelnyxOptions.WebhookQueueMaxAttempts"/>; then completes the entry
/// (acknowledged and its id marked done only now) or moves it to the dead letters. Once the handlers succeeded they
/// are never run again by this instance: a failing completion is retried on its own until it lands or the host stops.
/// </summary>
internal sealed class QueuedWebhookRun(
    ITelnyxWebhookQueue queue,
    IServiceScopeFactory scopes,
    TelnyxWebhookQueueMetrics metrics,
    IOptions<TelnyxOptions> options,
    ILogger<QueuedWebhookRun> logger,
    TimeProvider? timeProvider = null)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(1);

    private readonly int _maxAttempts = options.Value.WebhookQueueMaxAttempts;
    private readonly TimeSpan _retryDelay = options.Value.WebhookQueueRetryDelay;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public TelnyxWebhookQueueMetrics Metrics => metrics;

    public async Task RunAsync(QueuedWebhook entry, CancellationToken stoppingToken)
    {
        Activity.Current = null; // each run is a trace of its own, linked to its delivery
        TelnyxWebhookEvent webhookEvent;
        try
        {
            webhookEvent = TelnyxWebhookParser.Parse(entry.Body);
        }
        catch (TelnyxWebhookException ex)
        {
            // Verified and parsed before it was queued, so only a foreign writer puts such an entry here: keep it, in the dead letters.
            TelnyxWebhookQueueLog.Unreadable(logger, ex, entry.EntryId);
            await SettleAsync(entry, () => queue.DeadLetterAsync(entry, 0, ex.Message, CancellationToken.None), stoppingToken).ConfigureAwait(false);
            return;
        }

        var typeTag = TelnyxWebhookTelemetry.EventType(webhookEvent);
        for (var attempt = 1; ; attempt++)
        {
            var error = await AttemptAsync(entry, webhookEvent, typeTag, attempt, stoppingToken).ConfigureAwait(false);
            if (error is null)
            {
                await SettleAsync(entry, () => queue.CompleteAsync(entry, CancellationToken.None), stoppingToken).ConfigureAwait(false);
                return;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return; // left pending: another instance (or this one, restarted) takes it over after the claim lease
            }

            if (attempt >= _maxAttempts)
            {
                var lastError = error.GetType().FullName + ": " + error.Message;
                await SettleAsync(entry, () => queue.DeadLetterAsync(entry, attempt, lastError, CancellationToken.None), stoppingToken).ConfigureAwait(false);
                metrics.DeadLettered(typeTag);
                TelnyxWebhookQueueLog.DeadLettered(logger, webhookEvent.Id, webhookEvent.EventType, attempt);
                return;
            }

            var delay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * (1L << Math.Min(attempt - 1, 20)), MaxRetryDelay.Ticks));
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // One run of every handler; the exception a handler threw, or null when all succeeded.
    private async Task<Exception?> AttemptAsync(QueuedWebhook entry, TelnyxWebhookEvent webhookEvent, string typeTag, int attempt, CancellationToken stoppingToken)
    {
        using var activity = TelnyxWebhookTelemetry.StartHandlerRun(typeTag, entry.EventId, entry.TraceParent, attempt);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var handlers = await TelnyxWebhookDispatcher.DispatchAsync(scope.ServiceProvider, webhookEvent, stoppingToken).ConfigureAwait(false);
                metrics.Attempted(typeTag, WebhookOutcome.Handled);
                TelnyxWebhookTelemetry.Finished(activity, WebhookOutcome.Handled);
                TelnyxWebhookQueueLog.Handled(logger, webhookEvent.Id, webhookEvent.EventType, handlers, attempt);
                return null;
            }
            catch (Exception ex)
            {
                metrics.Attempted(typeTag, WebhookOutcome.HandlerFailed);
                TelnyxWebhookTelemetry.Finished(activity, WebhookOutcome.HandlerFailed, ex);
                TelnyxWebhookQueueLog.AttemptFailed(logger, ex, webhookEvent.Id, webhookEvent.EventType, attempt, _maxAttempts);
                return ex;
            }
        }
    }

    // Retries a final store step until it lands or the host stops (a stopping host still gets one try, uncancelled):
    // the handlers' work is done and must not be redone for a store hiccup.
    private async Task SettleAsync(QueuedWebhook entry, Func<ValueTask> step, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await step().ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                TelnyxWebhookQueueLog.StoreFailed(logger, ex, "complete " + entry.EntryId, StoreRetryDelay);
            }

            try
            {
                await Task.Delay(StoreRetryDelay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // left pending: taken over after the claim lease, and run again (the one case of a second run)
            }
        }
    }
}
