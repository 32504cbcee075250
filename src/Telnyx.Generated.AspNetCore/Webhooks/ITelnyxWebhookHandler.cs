using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Handles one kind of verified Telnyx webhook. Register with
/// <c>services.AddTelnyxWebhookHandler&lt;CallReferStartedEvent, MyHandler&gt;()</c>; use
/// <see cref="UnknownTelnyxWebhookEvent"/> for event types this library does not model, or
/// <see cref="TelnyxWebhookEvent"/> to see every event. Handlers are resolved from the request's scope; with
/// <see cref="TelnyxOptions.QueueWebhooks"/>, from a scope of their own per run, after the request was answered.
/// </summary>
/// <typeparam name="TEvent">The event type handled.</typeparam>
public interface ITelnyxWebhookHandler<in TEvent>
    where TEvent : TelnyxWebhookEvent
{
    /// <summary>
    /// Handles the event. Throwing makes the endpoint answer 500, so Telnyx delivers the event again; with
    /// <see cref="TelnyxOptions.QueueWebhooks"/>, the run is retried, then the event moves to the dead letters.
    /// </summary>
    /// <param name="webhookEvent">The verified, parsed event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted; with <see cref="TelnyxOptions.QueueWebhooks"/>, when the host stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken);
}
