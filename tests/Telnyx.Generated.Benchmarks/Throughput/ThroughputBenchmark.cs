using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>
/// Benchmark 4: commands per second over real sockets against the emulator on 127.0.0.1, at 1, 16 and 64 concurrent
/// callers, TelnyxClient (default options) against a hand-written HttpClient + Newtonsoft call. The two take turns in
/// alternating rounds in one process, so a noisy neighbour on a shared machine hits both alike. A measured loop
/// rather than BenchmarkDotNet, because what matters is throughput and latency under concurrency. The command is
/// send_dtmf: it carries a command_id and triggers no webhooks in the emulator.
/// </summary>
public static class ThroughputBenchmark
{
    public static readonly int[] Levels = [1, 16, 64];

    public static async Task<IReadOnlyList<ThroughputResult>> RunAsync(bool quick, string artifactsPath, TextWriter log, bool telemetry = false, bool resendOffBaseline = false, bool rawVsRaw = false)
    {
        var (rounds, count, limit, warmupLimit) = quick ? (2, 300, TimeSpan.FromSeconds(2), TimeSpan.Zero) : (10, 5_000, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3));
        using var export = telemetry ? new TelemetryExport() : null;
        await using var emulator = await TelnyxEmulator.StartAsync().ConfigureAwait(false);
        using var telnyx = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        using var raw = new RawClient(emulator.BaseUrl, emulator.ApiKey);
        using var resendOff = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, ResendAfter = null });
        var calls = Enumerable.Range(0, Levels.Max()).Select(_ => emulator.CreateCall()).ToArray();
        using var secondRaw = new RawClient(emulator.BaseUrl, emulator.ApiKey);
        Sender ours = rawVsRaw ? secondRaw.SendDtmfAsync : (call, request) => telnyx.Calls.Actions.SendDtmfAsync(call, request);
        Sender baseline = resendOffBaseline ? (call, request) => resendOff.Calls.Actions.SendDtmfAsync(call, request) : raw.SendDtmfAsync;

        // Unmeasured passes over every level until tiered compilation has settled (a pass compiles next to no method):
        // measured too early, with the background JIT still promoting methods to their final tier on 2 cores, the
        // client with more code to compile looked ~40 us per command slower at 1 caller than it is.
        var deadline = Stopwatch.StartNew();
        long compiled;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            foreach (var callers in Levels)
            {
                await MeasureAsync(ours, calls, callers, count, limit).ConfigureAwait(false);
                await MeasureAsync(baseline, calls, callers, count, limit).ConfigureAwait(false);
            }

            compiled = JitInfo.GetCompiledMethodCount() - before;
            log.WriteLine($"// Throughput warm-up: {compiled} methods compiled in the last pass");
        }
        while (compiled > 10 && deadline.Elapsed < warmupLimit);

        var results = new List<ThroughputResult>();
        foreach (var callers in Levels)
        {
            var (oursRuns, rawRuns) = (new List<Measured>(), new List<Measured>());
            for (var round = 0; round < rounds; round++)
            {
                var oursFirst = round % 2 == 0;
                var first = await MeasureAsync(oursFirst ? ours : baseline, calls, callers, count, limit).ConfigureAwait(false);
                var second = await MeasureAsync(oursFirst ? baseline : ours, calls, callers, count, limit).ConfigureAwait(false);
                oursRuns.Add(oursFirst ? first : second);
                rawRuns.Add(oursFirst ? second : first);
            }

            var pairs = oursRuns.Zip(rawRuns, (o, r) => r.Seconds > 0 && o.Seconds > 0 ? o.Latencies.Count / o.Seconds / (r.Latencies.Count / r.Seconds) : 0).ToList();
            var result = new ThroughputResult(callers, Measured.Sum(oursRuns), Measured.Sum(rawRuns), pairs);
            log.WriteLine($"// Throughput: {callers} callers: TelnyxClient {result.Ours.CommandsPerSecond:0}/s, raw {result.Raw.CommandsPerSecond:0}/s, ours/raw {result.Ratio:0.00}, median of rounds {result.MedianRatio:0.00}");
            results.Add(result);
        }

        var report = Markdown(results, quick, rounds)
            + (resendOffBaseline ? "\n\"Raw\" here is TelnyxClient with ResendAfter = null: ours/raw is the price of the resend timer.\n" : "")
            + (rawVsRaw ? "\n\"Ours\" here is a second hand-written client: ours/raw is the harness's own spread (1.00 if it had none).\n" : "")
            + (export is null ? "" : $"\nWith the client's spans and metrics exported in memory: {export}\n");
        var dir = Path.Combine(artifactsPath, "results");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "Throughput-report-github.md"), report).ConfigureAwait(false);
        log.WriteLine(report);
        return results;
    }

    private delegate Task Sender(string callControlId, SendDtmfRequest request);

    private static async Task<Measured> MeasureAsync(Sender send, string[] calls, int callers, int count, TimeSpan limit)
    {
        var remaining = count;
        var errors = 0;
        var latencies = new List<long>[callers];
        var (cpu, allocated, paused) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(async caller =>
        {
            var mine = latencies[caller] = new List<long>(count / callers + 1);
            var request = new SendDtmfRequest { Digits = "1234" };
            await Task.Yield();
            while (Interlocked.Decrement(ref remaining) >= 0 && stopwatch.Elapsed < limit)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await send(calls[caller], request).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                }
                catch (Exception e) when (e is TelnyxException or HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new Measured(
            latencies.SelectMany(l => l).ToList(), errors, seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, GC.GetTotalAllocatedBytes() - allocated, GC.GetTotalPauseDuration() - paused);
    }

    private static string Markdown(IReadOnlyList<ThroughputResult> results, bool quick, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Throughput over loopback sockets against TelnyxEmulator, send_dtmf, TelnyxClient defaults vs hand-written HttpClient, {rounds} alternating rounds ({(quick ? "quick" : "full")} run)");
        text.AppendLine();
        text.AppendLine("| Callers | Ours cmd/s | Raw cmd/s | Ours/raw | Ours/raw, median of rounds | Ours p50 (ms) | Raw p50 (ms) | Ours p99 (ms) | Raw p99 (ms) | CPU µs/cmd ours/raw | B/cmd ours/raw | GC pause µs/cmd ours/raw | Commands (ours/raw) | Errors |");
        text.AppendLine("|--------:|-----------:|----------:|---------:|---------------------------:|--------------:|-------------:|--------------:|-------------:|--------------------:|----------------:|-------------------------:|--------------------:|-------:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Callers} | {r.Ours.CommandsPerSecond:0} | {r.Raw.CommandsPerSecond:0} | {r.Ratio:0.00} | {r.MedianRatio:0.00} | {r.Ours.P50Milliseconds:0.000} | {r.Raw.P50Milliseconds:0.000} | {r.Ours.P99Milliseconds:0.000} | {r.Raw.P99Milliseconds:0.000} | {r.Ours.CpuMicrosecondsPerCommand:0.0}/{r.Raw.CpuMicrosecondsPerCommand:0.0} | {r.Ours.KilobytesPerCommand * 1024:0}/{r.Raw.KilobytesPerCommand * 1024:0} | {r.Ours.GcPauseMicrosecondsPerCommand:0.0}/{r.Raw.GcPauseMicrosecondsPerCommand:0.0} | {r.Ours.Commands}/{r.Raw.Commands} | {r.Ours.Errors + r.Raw.Errors} |");
        }

        return text.ToString();
    }

    // CPU, allocations and GC pauses are the whole process (client and emulator): the same emulator work on both sides,
    // so the difference is the client's. The emulator's garbage is collected with the client's, which is why it is counted.
    private sealed record Measured(List<long> Latencies, int Errors, double Seconds, double CpuSeconds, long Allocated, TimeSpan Paused)
    {
        public static ThroughputRun Sum(List<Measured> runs)
        {
            var all = runs.SelectMany(r => r.Latencies).Order().ToArray();
            double PerCommand(double total) => all.Length == 0 ? 0 : total / all.Length;
            return new ThroughputRun(
                all.Length, runs.Sum(r => r.Errors), runs.Sum(r => r.Seconds), Percentile(all, 0.50), Percentile(all, 0.99), PerCommand(runs.Sum(r => r.CpuSeconds) * 1e6),
                PerCommand(runs.Sum(r => r.Allocated) / 1024.0), PerCommand(runs.Sum(r => r.Paused.TotalMicroseconds)));
        }

        private static double Percentile(long[] sorted, double p) =>
            sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
