using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>Adapts a delegate registered with <c>AddTelnyxWebhookHandler&lt;TEvent&gt;(...)</c> to the handler interface.</summary>
internal sealed class DelegateWebhookHandler<TEvent>(IServiceProvider services, Func<TEvent, IServiceProvider, CancellationToken, Task> handler)
    : ITelnyxWebhookHandler<TEvent>
    where TEvent : TelnyxWebhookEvent
{
    public Task HandleAsync(TEvent webhookEvent, CancellationToken cancellationToken) => handler(webhookEvent, services, cancellationToken);
}
