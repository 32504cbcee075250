// Full run:  dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks
// Quick run: dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks -- --quick
// Allocations by type, per layer of a command: ... -- --alloc-profile Refer
// Allocations by type of Unwrap/Parse:          ... -- --alloc-profile webhook call.refer.started
// Unwrap/raw verify in alternating rounds:       ... -- --paired webhook
// Throughput with telemetry exported in memory: ... -- --filter Throughput --telemetry
// The resend timer's price (baseline: ResendAfter = null): ... -- --filter Throughput --resend-off-baseline
// Latency when the first attempt stalls:         ... -- --stall [0.6 3 30] [--batches 5] [--callers 20]
using Telnyx.Generated.Benchmarks.Commands;

if (args.Length > 2 && args[0] == "--alloc-profile" && args[1] == "webhook")
{
    return AllocationProfile.RunWebhook(args[2]);
}

if (args.Length > 1 && args[0] == "--paired" && args[1] == "webhook")
{
    return Telnyx.Generated.Benchmarks.Webhooks.PairedRounds.RunWebhook();
}

if (args.Length > 0 && args[0] == "--stall")
{
    return await Telnyx.Generated.Benchmarks.Stall.StalledFirstAttempt.RunAsync(args, Console.Out);
}

if (args.Length > 0 && args[0] == "--alloc-profile")
{
    return await AllocationProfile.RunAsync(args.Length > 1 ? args[1] : "Refer");
}

return Telnyx.Generated.Benchmarks.BenchmarkSuite.Run(args).ExitCode;
