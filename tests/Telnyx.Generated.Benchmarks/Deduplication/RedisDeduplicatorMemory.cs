using System.Diagnostics;
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
        var port = LoopbackPort.Free();
        using var server = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            while (await server.StandardOutput.ReadLineAsync() is { } line && !line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
            }

            await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},allowAdmin=true");
            var services = new ServiceCollection()
                .AddTelnyx(o => o.ApiKey = "unused")
                .AddTelnyxRedis(redis);
            await using var provider = services.BuildServiceProvider();
            var dedup = provider.GetRequiredService<ITelnyxWebhookDeduplicator>();
            var info = redis.GetServer(redis.GetEndPoints()[0]);

            var before = await UsedMemoryAsync(info);
            string? sample = null;
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, _) =>
            {
                var id = Guid.NewGuid().ToString(); // Telnyx's ids are 36-character UUIDs
                sample ??= id;
                await dedup.TryBeginAsync(id);
                await dedup.CompleteAsync(id);
            });
            var after = await UsedMemoryAsync(info);
            var keys = (long)await redis.GetDatabase().ExecuteAsync("DBSIZE");
            var usage = (long)await redis.GetDatabase().ExecuteAsync("MEMORY", "USAGE", "telnyx:webhook:" + sample);
            var version = (await info.InfoAsync("server")).SelectMany(g => g).First(p => p.Key == "redis_version").Value;

            Console.WriteLine($"| events | keys | used_memory before (B) | after (B) | per event (B) | MEMORY USAGE of one key (B) | redis-server |");
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|--|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count:N0} | {keys:N0} | {before:N0} | {after:N0} | {(after - before) / (double)count:0} | {usage} | {version} |"));
            return keys == count ? 0 : 1;
        }
        finally
        {
            server.Kill();
        }
    }

    private static async Task<long> UsedMemoryAsync(IServer server) =>
        long.Parse((await server.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
}
