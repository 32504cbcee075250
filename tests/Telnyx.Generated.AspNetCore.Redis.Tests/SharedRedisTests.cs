using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Tests that share one redis-server for their class (each test with its own key prefix), and an admin connection to it.</summary>
/// <param name="cluster">A one-node Redis Cluster instead of a plain server.</param>
/// <param name="watchKeys">Keyspace notifications on, for <see cref="KeyWatch"/>.</param>
public abstract class SharedRedisTests(bool cluster = false, bool watchKeys = false)
{
    private protected RedisServer Server { get; private set; } = null!;

    protected ConnectionMultiplexer Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartRedis()
    {
        Server = await RedisServer.StartAsync(cluster: cluster);
        Admin = await Server.ConnectAdminAsync();
        if (watchKeys)
        {
            await KeyWatch.EnableAsync(Admin);
        }
    }

    [OneTimeTearDown]
    public async Task StopRedis()
    {
        Admin?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
