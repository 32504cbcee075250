using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore;

namespace Telnyx.Generated.Benchmarks.Deduplication;

/// <summary>
/// <c>--dedup-memory redis [events]</c>: starts a throwaway <c>redis-server</c> (no persistence) on a free port, sends
/// that many distinct events (default 100,000) through the Redis de-duplicator (claim, then done), and reports what
/// Redis's <c>INFO memory</c> says they hold, per event, with <c>MEMORY USAGE</c> of one key as a cross-check.
/// </summary>
public static class RedisDeduplicatorMemory
{
    public static async Task<int> RunAsync(int count)
    {
        using var server = await ThrowawayRedis.StartAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var services = new ServiceCollection()
            .AddTelnyx(o => o.ApiKey = "unused")
            .AddTelnyxRedis(redis);
        await using var provider = services.BuildServiceProvider();
        var dedup = provider.GetRequiredService<ITelnyxWebhookDeduplicator>();
        var info = redis.GetServer(redis.GetEndPoints()[0]);

        var before = await ThrowawayRedis.UsedMemoryAsync(redis);
        string? sample = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, _) =>
        {
            var id = Guid.NewGuid().ToString(); // Telnyx's ids are 36-character UUIDs
            sample ??= id;
            await dedup.TryBeginAsync(id);
            await dedup.CompleteAsync(id);
        });
        var after = await ThrowawayRedis.UsedMemoryAsync(redis);
        var keys = (long)await redis.GetDatabase().ExecuteAsync("DBSIZE");
        var usage = (long)await redis.GetDatabase().ExecuteAsync("MEMORY", "USAGE", "{telnyx:webhook:}" + sample);
        var version = (await info.InfoAsync("server")).SelectMany(g => g).First(p => p.Key == "redis_version").Value;

        Console.WriteLine($"| events | keys | used_memory before (B) | after (B) | per event (B) | MEMORY USAGE of one key (B) | redis-server |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count:N0} | {keys:N0} | {before:N0} | {after:N0} | {(after - before) / (double)count:0} | {usage} | {version} |"));
        return keys == count ? 0 : 1;
    }
}
