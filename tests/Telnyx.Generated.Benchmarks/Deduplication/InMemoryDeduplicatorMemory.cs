using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Telnyx.Generated.AspNetCore;

namespace Telnyx.Generated.Benchmarks.Deduplication;

/// <summary>
/// <c>--dedup-memory [events ...]</c>: the managed memory the default <see cref="InMemoryTelnyxWebhookDeduplicator"/>
/// holds after that many distinct events (default 1,000,000 and 10,000,000), each claimed and completed as the
/// endpoint does, with ids shaped like Telnyx's (36-character UUIDs), as fast as one thread can: every event falls
/// inside the 10-minute window, so only the capacity bounds it. Then checks which ids are still caught.
/// </summary>
public static class InMemoryDeduplicatorMemory
{
    public static async Task<int> RunAsync(IReadOnlyList<long> counts)
    {
        Console.WriteLine($"| events | held after (MiB) | per held id (B) | ids held | last 1,000 caught | 100,000th from last caught | first caught | time per event (µs) |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var count in counts)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var dedup = new InMemoryTelnyxWebhookDeduplicator(Options.Create(new TelnyxOptions()));
            var ids = new string[Math.Min(count, 100_000)]; // the newest, to check afterwards
            var first = "";
            var start = Stopwatch.GetTimestamp();
            for (long i = 0; i < count; i++)
            {
                var id = Guid.NewGuid().ToString();
                first = i == 0 ? id : first;
                ids[i % ids.Length] = id;
                await dedup.TryBeginAsync(id);
                await dedup.CompleteAsync(id);
            }

            var perEvent = Stopwatch.GetElapsedTime(start).TotalMicroseconds / count;
            var held = GC.GetTotalMemory(forceFullCollection: true) - before;
            var newest = (int)((count - 1) % ids.Length);
            var lastThousand = 0;
            for (var k = 0; k < Math.Min(1_000, ids.Length); k++)
            {
                lastThousand += await Caught(dedup, ids[(newest - k + ids.Length) % ids.Length]) ? 1 : 0;
            }

            var heldIds = dedup.Count;
            var hundredThousandth = await Caught(dedup, ids[(newest + 1) % ids.Length]);
            var firstCaught = await Caught(dedup, first);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count:N0} | {held / 1048576.0:0.0} | {held / (double)heldIds:0} | {heldIds:N0} | {lastThousand:N0} | {hundredThousandth} | {firstCaught} | {perEvent:0.00} |"));
        }

        return 0;
    }

    // A copy of the id is recognised (and the check leaves nothing behind).
    private static async Task<bool> Caught(InMemoryTelnyxWebhookDeduplicator dedup, string id)
    {
        if (!await dedup.TryBeginAsync(id))
        {
            return true;
        }

        await dedup.AbandonAsync(id);
        return false;
    }
}
