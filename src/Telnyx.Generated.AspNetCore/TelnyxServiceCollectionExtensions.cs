using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Generated;
using Telnyx.Generated.AspNetCore;

// In the DI namespace, like AddHttpClient and AddOptions, so `services.AddTelnyx(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Telnyx client, its options and the webhook verifier with dependency injection.</summary>
public static partial class TelnyxServiceCollectionExtensions
{
    /// <summary>The <c>IHttpClientFactory</c> name of the client <see cref="TelnyxClient"/> sends through.</summary>
    public const string HttpClientName = "Telnyx";

    /// <summary>
    /// Binds <see cref="TelnyxOptions"/> to <paramref name="configuration"/> (usually <c>configuration.GetSection("Telnyx")</c>),
    /// validates them when the host starts, and registers <see cref="TelnyxClient"/>, <see cref="ITelnyxClient"/> and
    /// the webhook verifier.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <c>ApiKey</c>, <c>PublicKey</c> and the other keys.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyx(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelnyxOptions>().Bind(configuration);
        return services.AddTelnyxCore();
    }

    /// <summary>
    /// Configures <see cref="TelnyxOptions"/> in code, validates them when the host starts, and registers
    /// <see cref="TelnyxClient"/>, <see cref="ITelnyxClient"/> and the webhook verifier.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddTelnyx(this IServiceCollection services, Action<TelnyxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TelnyxOptions>().Configure(configure);
        return services.AddTelnyxCore();
    }

    private static IServiceCollection AddTelnyxCore(this IServiceCollection services)
    {
        services.AddOptions<TelnyxOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelnyxOptions>, TelnyxOptionsValidator>());
        if (services.Any(d => d.ServiceType == typeof(TelnyxClientRegistered)))
        {
            return services; // AddTelnyx twice adds options, never a second client registration
        }

        services.AddSingleton<TelnyxClientRegistered>();

        // The client logs and keeps time through the app's services, unless the options were given their own.
        services.AddOptions<TelnyxOptions>().PostConfigure<IServiceProvider>((options, provider) =>
        {
            options.Logger ??= provider.GetService<ILoggerFactory>()?.CreateLogger<TelnyxClient>();
            if (options.TimeProvider == TimeProvider.System)
            {
                options.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            }
        });

        // A typed client on the core (HttpClient, TelnyxClientOptions) constructor: the factory pools the connections,
        // the Telnyx pipeline inside TelnyxClient does retries, timeouts and command ids. No resilience handler is added
        // here on purpose: a second retry layer would multiply attempts and break the command-id semantics.
        // IHttpClientFactory's default logging writes every request URL at Information, call control id included, and
        // puts it in a log scope; the Telnyx pipeline already logs each attempt with the path template instead, so the
        // factory's loggers are removed. AddHttpClient(HttpClientName).AddDefaultLogger() brings them back.
        services.AddHttpClient(HttpClientName, httpClient =>
            {
                httpClient.Timeout = global::System.Threading.Timeout.InfiniteTimeSpan; // per-attempt timeouts belong to the Telnyx pipeline
            })
            .RemoveAllLoggers()
            .AddTypedClient((httpClient, provider) => new TelnyxClient(httpClient, provider.GetRequiredService<IOptions<TelnyxOptions>>().Value));
        services.TryAddTransient<ITelnyxClient>(provider => provider.GetRequiredService<TelnyxClient>());
        services.AddTelnyxWebhookServices();
        return services;
    }

    /// <summary>Marks that the client is registered, so a second <c>AddTelnyx</c> only adds configuration.</summary>
    private sealed class TelnyxClientRegistered;
}
