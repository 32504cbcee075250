using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Runs every handler registered for the event's own type and for each base type up to <see cref="TelnyxWebhookEvent"/>,
/// so a handler of <see cref="TelnyxWebhookEvent"/> sees every event.
/// </summary>
internal static class TelnyxWebhookDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, TelnyxWebhookEvent, CancellationToken, Task<int>>> Invokers = new();

    private static readonly MethodInfo InvokeAllMethod =
        typeof(TelnyxWebhookDispatcher).GetMethod(nameof(InvokeAllAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Runs the handlers in registration order and returns how many ran.</summary>
    public static async Task<int> DispatchAsync(IServiceProvider services, TelnyxWebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var handled = 0;
        for (var type = webhookEvent.GetType(); type is not null && typeof(TelnyxWebhookEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            var invoke = Invokers.GetOrAdd(type, static t => InvokeAllMethod.MakeGenericMethod(t)
                .CreateDelegate<Func<IServiceProvider, TelnyxWebhookEvent, CancellationToken, Task<int>>>());
            handled += await invoke(services, webhookEvent, cancellationToken).ConfigureAwait(false);
        }

        return handled;
    }

    private static async Task<int> InvokeAllAsync<TEvent>(IServiceProvider services, TelnyxWebhookEvent webhookEvent, CancellationToken cancellationToken)
        where TEvent : TelnyxWebhookEvent
    {
        var count = 0;
        foreach (var handler in services.GetServices<ITelnyxWebhookHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)webhookEvent, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }
}
