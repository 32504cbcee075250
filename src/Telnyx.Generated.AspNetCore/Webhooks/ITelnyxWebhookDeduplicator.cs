namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Makes handlers run at most once per event id, although Telnyx may deliver an event more than once. The default
/// (<see cref="InMemoryTelnyxWebhookDeduplicator"/>) works for one app instance; for several instances behind a load
/// balancer use <see cref="DistributedCacheTelnyxWebhookDeduplicator"/> over a shared <c>IDistributedCache</c> such as Redis.
/// </summary>
public interface ITelnyxWebhookDeduplicator
{
    /// <summary>Claims <paramref name="eventId"/> for processing.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>True when the handlers should run; false when the event was seen (or is being handled) already.</returns>
    ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim after a handler failed, so Telnyx's redelivery runs the handlers again.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default);
}
