// Full run:  dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks
// Quick run: dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks -- --quick
// Allocations by type, per layer of a command: ... -- --alloc-profile Refer
// Wire bytes and allocations by type over the socket, benchmark 4's two sides: ... -- --alloc-profile socket
// Allocations by type of Unwrap/Parse:          ... -- --alloc-profile webhook call.refer.started
// Unwrap/raw verify in alternating rounds:       ... -- --paired webhook
// In-memory de-duplicator memory after N events: ... -- --dedup-memory [1000000 10000000]
// Redis de-duplicator memory per event:          ... -- --dedup-memory redis [100000]
// Webhook endpoint telemetry cost per webhook:   ... -- --webhook-telemetry
// Throughput with telemetry exported in memory: ... -- --filter Throughput --telemetry
// The resend timer's price (baseline: ResendAfter = null): ... -- --filter Throughput --resend-off-baseline
// The harness's own spread (hand-written vs hand-written): ... -- --filter Throughput --raw-vs-raw
// docs/observability.md's trace picture (refer + 503 + webhooks): ... -- --trace-svg docs/observability-trace.svg
// Queued webhooks, two instances, 1 s handlers:  ... -- --queue [10000] [--handler-ms 1000] [--senders 32] [--concurrency 512]
// Latency when the first attempt stalls:         ... -- --stall [0.6 3 30] [--batches 5] [--callers 20]
// SendAsync at scale, one app on Redis:          ... -- --outcomes [1000 [200 1000]]
using Telnyx.Generated.Benchmarks.Commands;

if (args.Length > 2 && args[0] == "--alloc-profile" && args[1] == "webhook")
{
    return AllocationProfile.RunWebhook(args[2]);
}

if (args.Length > 1 && args[0] == "--paired" && args[1] == "webhook")
{
    return Telnyx.Generated.Benchmarks.Webhooks.PairedRounds.RunWebhook();
}

if (args.Length > 0 && args[0] == "--dedup-memory")
{
    return args.Length > 1 && args[1] == "redis"
        ? await Telnyx.Generated.Benchmarks.Deduplication.RedisDeduplicatorMemory.RunAsync(args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000)
        : await Telnyx.Generated.Benchmarks.Deduplication.InMemoryDeduplicatorMemory.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(a => long.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [1_000_000, 10_000_000]);
}

if (args.Length > 0 && args[0] == "--queue")
{
    return await Telnyx.Generated.Benchmarks.Queue.QueuedWebhookLoad.RunAsync(args);
}

if (args.Length > 0 && args[0] == "--webhook-telemetry")
{
    return await Telnyx.Generated.Benchmarks.Webhooks.WebhookTelemetryCost.RunAsync();
}

if (args.Length > 1 && args[0] == "--trace-svg")
{
    return await Telnyx.Generated.Benchmarks.Observability.TraceSvg.RunAsync(args[1]);
}

if (args.Length > 0 && args[0] == "--stall")
{
    return await Telnyx.Generated.Benchmarks.Stall.StalledFirstAttempt.RunAsync(args, Console.Out);
}

if (args.Length > 0 && args[0] == "--outcomes")
{
    return await Telnyx.Generated.Benchmarks.Outcomes.OutcomeScale.RunAsync(args);
}

if (args.Length > 1 && args[0] == "--alloc-profile" && args[1] == "socket")
{
    return await Telnyx.Generated.Benchmarks.Throughput.SocketProfile.RunAsync();
}

if (args.Length > 0 && args[0] == "--alloc-profile")
{
    return await AllocationProfile.RunAsync(args.Length > 1 ? args[1] : "Refer");
}

return Telnyx.Generated.Benchmarks.BenchmarkSuite.Run(args).ExitCode;
