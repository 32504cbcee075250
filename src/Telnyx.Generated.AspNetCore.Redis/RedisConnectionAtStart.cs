using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// Opens the connection <c>AddTelnyxRedis(string)</c> owns while the host starts, so the first
/// webhooks do not block request threads connecting.
/// </summary>
internal sealed class RedisConnectionAtStart(IServiceProvider services) : IHostedService
{
    public const string Key = "Telnyx.Generated.AspNetCore.Redis";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredKeyedService<IConnectionMultiplexer>(Key);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
