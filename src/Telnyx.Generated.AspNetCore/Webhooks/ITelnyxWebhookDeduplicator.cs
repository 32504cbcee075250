namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Makes handlers run once per event id, although Telnyx may deliver an event more than once. The endpoint claims
/// the id (<see cref="TryBeginAsync"/>), runs the handlers, then marks it done (<see cref="CompleteAsync"/>) or,
/// when a handler threw, releases the claim (<see cref="AbandonAsync"/>) so Telnyx's redelivery runs them again.
/// The default (<see cref="InMemoryTelnyxWebhookDeduplicator"/>) works for one app instance; for several instances use
/// the <c>Telnyx.Generated.AspNetCore.Redis</c> package (<c>services.AddTelnyxRedis(...)</c>).
/// </summary>
public interface ITelnyxWebhookDeduplicator
{
    /// <summary>Claims <paramref name="eventId"/> for processing. Throws when the store cannot answer (the endpoint then answers 500).</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>True when the handlers should run; false when the event is done or being handled already.</returns>
    ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed event as handled, so copies arriving within <see cref="TelnyxOptions.WebhookDeduplicationWindow"/> are skipped.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when the event is marked done.</returns>
    ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim after a handler failed, so Telnyx's redelivery runs the handlers again.</summary>
    /// <param name="eventId">The event's <c>data.id</c>.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default);
}
