using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Where accepted outcome events go and how a waiter hears of them: within this instance by default
/// (<see cref="LocalOutcomeRelay"/>); across instances with <c>AddTelnyxRedis</c>.
/// </summary>
internal interface IOutcomeRelay
{
    /// <summary>
    /// Called by the webhook endpoint once per verified, claimed event, before the handlers run (a queued event is
    /// relayed by <see cref="ITelnyxWebhookQueue.EnqueueAsync"/> instead). Never throws: a relay that cannot pass an
    /// event on logs it, and the waiter times out.
    /// </summary>
    ValueTask AcceptAsync(TelnyxWebhookEvent webhookEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Before the command is sent: prepares to hear of the waiter's events. Dispose when the wait ends.</summary>
    ValueTask<IAsyncDisposable?> WatchAsync(OutcomeWaiter waiter, CancellationToken cancellationToken);
}

/// <summary>One app instance: an accepted event completes this instance's waiters.</summary>
internal sealed class LocalOutcomeRelay(OutcomeRouter router) : IOutcomeRelay
{
    public ValueTask AcceptAsync(TelnyxWebhookEvent webhookEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (AwaitedOutcome.CanComplete(webhookEvent.EventType) && webhookEvent.Payload?.CallControlId is { } call)
        {
            router.Route(call, webhookEvent);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IAsyncDisposable?> WatchAsync(OutcomeWaiter waiter, CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable?>(null);
}
