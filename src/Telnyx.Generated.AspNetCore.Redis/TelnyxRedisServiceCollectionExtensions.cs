using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.AspNetCore.Redis;

// In the DI namespace, like AddTelnyx, so `services.AddTelnyxRedis(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The one registration for apps that run several instances sharing one Redis: everything those instances must agree on
/// (which webhook events have been handled, and which command outcomes arrived) lives in Redis instead of each
/// instance's memory.
/// </summary>
public static class TelnyxRedisServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the in-memory de-duplicator with one in Redis, connecting with <paramref name="configuration"/> (a
    /// StackExchange.Redis configuration string such as <c>"redis:6379,password=..."</c>). The first delivery of an
    /// event claims its id atomically, runs the handlers and marks it done for <c>WebhookDeduplicationWindow</c>; a
    /// copy arriving meanwhile or afterwards, at any instance, is answered 200 without running them; a copy of an
    /// attempt whose handler threw runs them again. A claim left by an instance that died mid-handler expires after
    /// <see cref="TelnyxRedisOptions.ClaimLease"/>. While Redis is unreachable or slower than the
    /// configuration's <c>asyncTimeout</c> (5 s by default), webhooks are answered 500, so Telnyx delivers them again;
    /// never 200 without the handlers running. The connection opens while the host starts (Redis down then delays the
    /// start by the configuration's <c>connectTimeout</c> or <c>syncTimeout</c>, 5 s by default) and reconnects by itself.
    /// It also provides the durable queue behind <c>Telnyx:QueueWebhooks</c> (a Redis Stream per key prefix, consumed by
    /// every instance, with dead letters in <see cref="TelnyxWebhookDeadLetters"/>; see docs/queued-webhooks.md).
    /// It also routes outcomes: a command's outcome event delivered to any instance completes the
    /// <see cref="ITelnyxCallOutcomes.SendAsync"/> awaiting it on another, including one announced while that instance's
    /// subscription was down (it is kept in the call's stream for the longest wait). With Redis unreachable,
    /// <c>SendAsync</c> throws <see cref="RedisException"/> before the command is sent (within <c>asyncTimeout</c>).
    /// </summary>
    /// <param name="services">The service collection (after <c>AddTelnyx</c>).</param>
    /// <param name="configuration">The StackExchange.Redis configuration string.</param>
    /// <param name="configure">Sets the key prefix and the claim lease; null keeps the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyxRedis(
        this IServiceCollection services,
        string configuration,
        Action<TelnyxRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var connection = ConfigurationOptions.Parse(configuration);
        connection.AbortOnConnectFail = false; // Redis down at start-up gives 500s until it is back, not an app that cannot start
        services.TryAddKeyedSingleton<IConnectionMultiplexer>(RedisConnectionAtStart.Key, (_, _) => ConnectionMultiplexer.Connect(connection));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisConnectionAtStart>());
        return services.AddRedisServices(provider => provider.GetRequiredKeyedService<IConnectionMultiplexer>(RedisConnectionAtStart.Key), configure);
    }

    /// <summary>
    /// Replaces the in-memory de-duplicator with one in Redis over <paramref name="connection"/>, which stays yours
    /// (it is not disposed). Same behaviour as <see cref="AddTelnyxRedis(IServiceCollection, string, Action{TelnyxRedisOptions}?)"/>.
    /// </summary>
    /// <param name="services">The service collection (after <c>AddTelnyx</c>).</param>
    /// <param name="connection">An existing connection, for example the app's own singleton.</param>
    /// <param name="configure">Sets the key prefix and the claim lease; null keeps the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyxRedis(
        this IServiceCollection services,
        IConnectionMultiplexer connection,
        Action<TelnyxRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        return services.AddRedisServices(_ => connection, configure);
    }

    private static IServiceCollection AddRedisServices(
        this IServiceCollection services,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        Action<TelnyxRedisOptions>? configure)
    {
        services.AddOptions<TelnyxRedisOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.ClaimLease > TimeSpan.Zero, "TelnyxRedisOptions.ClaimLease must be positive.")
            .Validate(options => RedisKeys.IsValidPrefix(options.KeyPrefix), "TelnyxRedisOptions.KeyPrefix must not be empty nor contain '{' or '}': the keys' hash tags (Redis Cluster slots) are set by the library.")
            .ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton<ITelnyxWebhookDeduplicator>(provider => new RedisTelnyxWebhookDeduplicator(
            connection(provider),
            provider.GetRequiredService<IOptions<TelnyxOptions>>(),
            provider.GetRequiredService<IOptions<TelnyxRedisOptions>>())));

        // The durable queue behind Telnyx:QueueWebhooks, on the same connection and keys; idle while that is off.
        services.TryAddSingleton(provider => new RedisTelnyxWebhookQueue(
            connection(provider),
            provider.GetRequiredService<IOptions<TelnyxOptions>>(),
            provider.GetRequiredService<IOptions<TelnyxRedisOptions>>(),
            provider.GetRequiredService<RedisOutcomeRelay>(),
            provider.GetRequiredService<ILogger<RedisTelnyxWebhookQueue>>()));
        services.TryAddSingleton<ITelnyxWebhookQueue>(provider => provider.GetRequiredService<RedisTelnyxWebhookQueue>());
        services.TryAddSingleton(provider => new TelnyxWebhookDeadLetters(connection(provider), provider.GetRequiredService<RedisTelnyxWebhookQueue>()));
        services.TryAddSingleton(provider => new RedisOutcomeRelay(
            connection(provider),
            provider.GetRequiredService<OutcomeRouter>(),
            provider.GetRequiredService<IOptions<TelnyxOptions>>(),
            provider.GetRequiredService<IOptions<TelnyxRedisOptions>>(),
            provider.GetRequiredService<ILogger<RedisOutcomeRelay>>()));
        services.Replace(ServiceDescriptor.Singleton<IOutcomeRelay>(provider => provider.GetRequiredService<RedisOutcomeRelay>()));
        return services;
    }
}
