using System.Diagnostics;
using System.Globalization;
using System.Text;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>
/// Benchmark 4: commands per second over real sockets, TelnyxClient (default options) against the emulator on
/// 127.0.0.1, at 1, 16 and 64 concurrent callers. A measured loop rather than BenchmarkDotNet, because what matters
/// is the latency distribution under concurrency. Each level is bounded twice: a command count and a wall-clock limit.
/// The command is send_dtmf: it goes through the command_id path and triggers no webhooks in the emulator.
/// </summary>
public static class ThroughputBenchmark
{
    public static readonly int[] Levels = [1, 16, 64];

    public static async Task<IReadOnlyList<ThroughputResult>> RunAsync(bool quick, string artifactsPath, TextWriter log)
    {
        var (warmup, count, limit) = quick ? (100, 600, TimeSpan.FromSeconds(3)) : (2_000, 20_000, TimeSpan.FromSeconds(30));
        await using var emulator = await TelnyxEmulator.StartAsync().ConfigureAwait(false);
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        var calls = Enumerable.Range(0, Levels.Max()).Select(_ => emulator.CreateCall()).ToArray();

        await MeasureAsync(client, calls, callers: 4, warmup, TimeSpan.FromSeconds(10)).ConfigureAwait(false); // JIT, connection pool
        var results = new List<ThroughputResult>();
        foreach (var callers in Levels)
        {
            var result = await MeasureAsync(client, calls, callers, count, limit).ConfigureAwait(false);
            log.WriteLine($"// Throughput: {callers} callers: {result.CommandsPerSecond:0} commands/s, p50 {result.P50Milliseconds:0.000} ms, p99 {result.P99Milliseconds:0.000} ms ({result.Commands} commands, {result.Errors} errors)");
            results.Add(result);
        }

        var report = Markdown(results, quick);
        var dir = Path.Combine(artifactsPath, "results");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "Throughput-report-github.md"), report).ConfigureAwait(false);
        log.WriteLine(report);
        return results;
    }

    private static async Task<ThroughputResult> MeasureAsync(TelnyxClient client, string[] calls, int callers, int count, TimeSpan limit)
    {
        var remaining = count;
        var errors = 0;
        var latencies = new List<long>[callers];
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
                    await client.Calls.Actions.SendDtmfAsync(calls[caller], request).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                }
                catch (TelnyxException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var seconds = stopwatch.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new ThroughputResult(callers, all.Length, errors, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

    private static string Markdown(IReadOnlyList<ThroughputResult> results, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Throughput over loopback sockets against TelnyxEmulator, send_dtmf, TelnyxClient defaults ({(quick ? "quick" : "full")} run)");
        text.AppendLine();
        text.AppendLine("| Callers | Commands | Errors | Seconds | Commands/s | p50 (ms) | p99 (ms) |");
        text.AppendLine("|--------:|---------:|-------:|--------:|-----------:|---------:|---------:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Callers} | {r.Commands} | {r.Errors} | {r.Seconds:0.00} | {r.CommandsPerSecond:0} | {r.P50Milliseconds:0.000} | {r.P99Milliseconds:0.000} |");
        }

        return text.ToString();
    }
}
