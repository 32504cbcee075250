using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class TelnyxServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) to handle <typeparamref name="TEvent"/> webhooks.</summary>
    /// <typeparam name="TEvent">The event type; <see cref="UnknownTelnyxWebhookEvent"/> for unmodelled types, <see cref="TelnyxWebhookEvent"/> for all.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyxWebhookHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : TelnyxWebhookEvent
        where THandler : class, ITelnyxWebhookHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITelnyxWebhookHandler<TEvent>, THandler>());
        return services;
    }

    /// <summary>Registers a delegate to handle <typeparamref name="TEvent"/> webhooks.</summary>
    /// <typeparam name="TEvent">The event type; <see cref="UnknownTelnyxWebhookEvent"/> for unmodelled types, <see cref="TelnyxWebhookEvent"/> for all.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="handler">Receives the event, the request's services and the request-aborted token.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyxWebhookHandler<TEvent>(
        this IServiceCollection services,
        Func<TEvent, IServiceProvider, CancellationToken, Task> handler)
        where TEvent : TelnyxWebhookEvent
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddScoped<ITelnyxWebhookHandler<TEvent>>(provider => new DelegateWebhookHandler<TEvent>(provider, handler));
        return services;
    }

    /// <summary>
    /// Registers a delegate for event types this library does not model (<c>call.hangup</c>, types Telnyx adds later).
    /// Without one such events are acknowledged with 200 and logged.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="handler">Receives the event (its <c>EventType</c> and raw JSON), the request's services and the request-aborted token.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyxUnknownWebhookHandler(
        this IServiceCollection services,
        Func<UnknownTelnyxWebhookEvent, IServiceProvider, CancellationToken, Task> handler) =>
        services.AddTelnyxWebhookHandler(handler);

    /// <summary>
    /// Remembers handled event ids in the registered <c>IDistributedCache</c> instead of in memory, so redeliveries
    /// to any app instance are recognised. Add the cache itself too. Best effort: two copies of one event reaching two
    /// instances at the same moment can both run (see <see cref="DistributedCacheTelnyxWebhookDeduplicator"/>); with
    /// Redis, use <c>AddTelnyxRedis</c> from <c>Telnyx.Generated.AspNetCore.Redis</c>, which is atomic.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyxDistributedWebhookDeduplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<ITelnyxWebhookDeduplicator, DistributedCacheTelnyxWebhookDeduplicator>());
        return services;
    }

    private static void AddTelnyxWebhookServices(this IServiceCollection services)
    {
        services.TryAddSingleton<TelnyxWebhookEndpointState>();
        services.TryAddSingleton<ITelnyxWebhookDeduplicator>(provider => new InMemoryTelnyxWebhookDeduplicator(
            provider.GetRequiredService<IOptions<TelnyxOptions>>(), provider.GetRequiredService<IOptions<TelnyxOptions>>().Value.TimeProvider));
        services.TryAddSingleton(provider => TelnyxOptionsValidator.CreateVerifier(provider.GetRequiredService<IOptions<TelnyxOptions>>().Value));
        services.AddMetrics();
        services.TryAddSingleton<TelnyxWebhookMetrics>();
        services.TryAddSingleton<TelnyxWebhookEndpoint>();
        services.TryAddSingleton<TelnyxWebhookQueueMetrics>();
        services.TryAddSingleton<TelnyxWebhookQueueWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<TelnyxWebhookQueueWorker>()); // idle unless Telnyx:QueueWebhooks
        services.TryAddSingleton(provider => new OutcomeRouter(
            provider.GetRequiredService<IOptions<TelnyxOptions>>(), provider.GetService<TimeProvider>()));
        services.TryAddSingleton<OutcomeTelemetry>();
        services.TryAddSingleton<IOutcomeRelay, LocalOutcomeRelay>();
        services.TryAddTransient<ITelnyxCallOutcomes>(provider => ActivatorUtilities.CreateInstance<TelnyxCallOutcomes>(
            provider, provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }
}
