using System.Diagnostics.Tracing;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// <c>--alloc-profile [Action]</c>: which types each layer of a command allocates, from the runtime's own
/// allocation sampling (GCAllocationTick, one event per ~100 KB). No profiler to install; the per-type bytes per call
/// are estimates, good to a few percent at the call counts used here. It is how the causes in docs/performance.md
/// were found.
/// </summary>
public static class AllocationProfile
{
    public static async Task<int> RunAsync(string action, int calls = 200_000)
    {
        var breakdown = new CommandOverheadBreakdown { Action = action };
        breakdown.Setup();
        var variants = new (string Name, Func<Task<CallControlCommandResponse>> Call)[]
        {
            ("HandWritten", breakdown.HandWritten),
            ("GeneratedOnly", breakdown.GeneratedOnly),
            ("PipelineWithoutPolly", breakdown.PipelineWithoutPolly),
            ("TelnyxClient", breakdown.Telnyx),
        };
        var profiles = new Dictionary<string, Dictionary<string, double>>();
        foreach (var (name, call) in variants)
        {
            for (var i = 0; i < 20_000; i++)
            {
                await call().ConfigureAwait(false); // warm up: JIT, contract caches, pools
            }

            using var listener = new AllocationListener();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                await call().ConfigureAwait(false);
            }

            var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
            profiles[name] = listener.BytesByType.ToDictionary(kv => kv.Key, kv => kv.Value / (double)calls);
            Console.WriteLine($"## {name} ({action}): {total:0} B/call measured");
            foreach (var (type, bytes) in profiles[name].OrderByDescending(kv => kv.Value).Take(25))
            {
                Console.WriteLine($"  {bytes,8:0} B  {type}");
            }
        }

        Console.WriteLine($"## TelnyxClient minus HandWritten, by type (B/call, |diff| >= 20)");
        var types = profiles.Values.SelectMany(p => p.Keys).Distinct();
        foreach (var (type, diff) in types
                     .Select(t => (t, profiles["TelnyxClient"].GetValueOrDefault(t) - profiles["HandWritten"].GetValueOrDefault(t)))
                     .Where(x => Math.Abs(x.Item2) >= 20)
                     .OrderByDescending(x => x.Item2))
        {
            Console.WriteLine($"  {diff,8:+0;-0} B  {type}");
        }

        breakdown.Cleanup();
        return 0;
    }

    /// <summary><c>--alloc-profile webhook EVENT_TYPE</c>: the same, for Unwrap and Parse of one example body.</summary>
    public static int RunWebhook(string eventType, int calls = 200_000)
    {
        var verify = new Webhooks.WebhookVerifyBenchmarks { EventType = eventType };
        verify.Setup();
        var parse = new Webhooks.WebhookParseBenchmarks { EventType = eventType };
        parse.Setup();
        Console.WriteLine($"# {eventType}: body {Webhooks.WebhookExamples.BodyBytes(eventType).Length} B (UTF-8)");
        foreach (var (name, call) in new (string, Func<object?>)[]
                 {
                     ("Unwrap(bytes)", verify.UnwrapBytes),
                     ("Unwrap(string)", verify.UnwrapString),
                     ("Parse(bytes)", parse.ParseBytes),
                     ("JsonConvert.DeserializeObject<T>", parse.PlainNewtonsoft),
                 })
        {
            for (var i = 0; i < 20_000; i++)
            {
                call();
            }

            using var listener = new AllocationListener();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < calls; i++)
            {
                call();
            }

            var total = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
            Console.WriteLine($"## {name}: {total:0} B/call measured");
            foreach (var (type, bytes) in listener.BytesByType.OrderByDescending(kv => kv.Value).Take(20))
            {
                Console.WriteLine($"  {bytes / (double)calls,8:0} B  {type}");
            }
        }

        return 0;
    }

    internal sealed class AllocationListener : EventListener
    {
        public Dictionary<string, long> BytesByType { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            {
                return;
            }

            var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
            var amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            lock (BytesByType)
            {
                BytesByType[type] = BytesByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
