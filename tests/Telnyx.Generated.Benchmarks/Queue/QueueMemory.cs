using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore;

namespace Telnyx.Generated.Benchmarks.Queue;

/// <summary>
/// Redis memory per queued event: enqueues 10,000 distinct events through the Redis queue with no consumer running
/// (stream entry with the body, plus the id's <c>queued:</c> key), then reads and completes every one, as the consumer
/// does, and shows what is left: the stream emptied (acknowledged entries deleted) and one <c>done</c> key per id until
/// the de-duplication window ends.
/// </summary>
public static class QueueMemory
{
    private const int Events = 10_000;
    private const string Prefix = "bench:memory:";

    public static async Task<bool> RunAsync(string configuration, Func<string, string> body)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        await using var provider = new ServiceCollection()
            .AddTelnyx(o => o.ApiKey = "unused")
            .AddTelnyxRedis(redis, o => o.KeyPrefix = Prefix)
            .BuildServiceProvider();
        var queue = provider.GetRequiredService<ITelnyxWebhookQueue>();
        await queue.ReadAsync(1, CancellationToken.None); // creates the consumer group, as the consumer's first read does
        var db = redis.GetDatabase();

        var before = await ThrowawayRedis.UsedMemoryAsync(redis);
        var bodyBytes = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, Events), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
        {
            var id = Guid.NewGuid().ToString();
            var bytes = System.Text.Encoding.UTF8.GetBytes(body(id));
            Interlocked.Add(ref bodyBytes, bytes.Length);
            await queue.EnqueueAsync(Telnyx.Generated.Webhooks.TelnyxWebhookParser.Parse(bytes), id, bytes, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", ct);
        });
        var queued = await ThrowawayRedis.UsedMemoryAsync(redis);
        var streamQueued = (long)await db.ExecuteAsync("MEMORY", "USAGE", "{" + Prefix + "}queue");

        for (IReadOnlyList<QueuedWebhook> batch; (batch = await queue.ReadAsync(500, CancellationToken.None)).Count > 0;)
        {
            await Task.WhenAll(batch.Select(entry => queue.CompleteAsync(entry, CancellationToken.None).AsTask()));
        }

        var drained = await ThrowawayRedis.UsedMemoryAsync(redis);
        var length = await db.StreamLengthAsync("{" + Prefix + "}queue");
        var streamDrained = (long)await db.ExecuteAsync("MEMORY", "USAGE", "{" + Prefix + "}queue");
        Console.WriteLine();
        Console.WriteLine("| queued events | body (B, mean) | used_memory per queued event (B) | stream MEMORY USAGE queued (B) | after all handled: stream length | stream MEMORY USAGE (B) | used_memory per handled event (B, the done keys) |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Events:N0} | {bodyBytes / Events} | {(queued - before) / (double)Events:0} | {streamQueued:N0} | {length} | {streamDrained:N0} | {(drained - before) / (double)Events:0} |"));
        return length == 0;
    }
}
