using System.Diagnostics;
using System.Globalization;
using System.Text;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Benchmarks.Stall;

/// <summary>
/// How long a command takes when Telnyx does not answer its first attempt: <c>refer</c> against the emulator, whose
/// next requests are held for a stall (<c>FailNext(n, EmulatorFault.Delayed(stall))</c>) and then handled normally.
/// Each batch stalls the first attempt of <c>callers</c> concurrent commands (each on its own call), so a 30 s stall
/// costs 30 s per batch rather than per command; a resend, sent later than every first attempt, is not stalled.
/// Run: <c>dotnet run -c Release --project tests/Telnyx.Generated.Benchmarks -- --stall [seconds ...] [--batches 5]
/// [--callers 20] [--resend-after off|MILLISECONDS]</c>; the client otherwise has default options,
/// and <c>--resend-after off</c> is how it behaved before resends existed (it waited for the stalled answer).
/// </summary>
public static class StalledFirstAttempt
{
    public static async Task<int> RunAsync(string[] args, TextWriter log)
    {
        var stalls = Numbers(args, "--stall").ToList();
        if (stalls.Count == 0)
        {
            stalls = [0.6, 3, 30];
        }

        var batches = (int)(Numbers(args, "--batches").FirstOrDefault(5));
        var callers = (int)(Numbers(args, "--callers").FirstOrDefault(20));
        var resendAfter = Array.IndexOf(args, "--resend-after") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

        await using var emulator = await TelnyxEmulator.StartAsync().ConfigureAwait(false);
        var options = new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl };
        if (resendAfter is not null)
        {
            options.ResendAfter = resendAfter == "off" ? null : TimeSpan.FromMilliseconds(double.Parse(resendAfter, CultureInfo.InvariantCulture));
        }

        using var client = new TelnyxClient(options);
        var request = new ReferRequest { SipAddress = "sip:agent@example.com" };

        // Warm-up, unstalled: the first commands pay for the JIT and the connections.
        foreach (var call in Enumerable.Range(0, callers).Select(_ => emulator.CreateCall()))
        {
            await client.Calls.Actions.ReferAsync(call, request).ConfigureAwait(false);
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"refer with its first attempt stalled, {batches} batches of {callers} concurrent commands, ResendAfter {(options.ResendAfter is { } after ? $"{after.TotalMilliseconds} ms" : "off")}, load average {LoadAverage()}");
        report.AppendLine();
        report.AppendLine("| stall (s) | p50 (ms) | p99 (ms) | max (ms) | requests per command | errors |");
        report.AppendLine("|--:|--:|--:|--:|--:|--:|");
        foreach (var stall in stalls)
        {
            var latencies = new List<double>();
            var errors = 0;
            var requestsBefore = emulator.Commands.Count;
            for (var batch = 0; batch < batches; batch++)
            {
                var calls = Enumerable.Range(0, callers).Select(_ => emulator.CreateCall()).ToArray();
                emulator.FailNext(callers, EmulatorFault.Delayed(TimeSpan.FromSeconds(stall)));
                var results = await Task.WhenAll(calls.Select(async call =>
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await client.Calls.Actions.ReferAsync(call, request).ConfigureAwait(false);
                        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                    catch (TelnyxException)
                    {
                        return double.NaN;
                    }
                })).ConfigureAwait(false);
                latencies.AddRange(results.Where(r => !double.IsNaN(r)));
                errors += results.Count(double.IsNaN);
            }

            // The stalled attempts a resend overtook are recorded when the client abandons them: wait for them all.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(stall, 1))).ConfigureAwait(false);
            var requests = (double)(emulator.Commands.Count - requestsBefore) / (batches * callers);
            latencies.Sort();
            report.AppendLine(CultureInfo.InvariantCulture, $"| {stall:0.###} | {Percentile(latencies, 0.50):0} | {Percentile(latencies, 0.99):0} | {latencies.LastOrDefault():0} | {requests:0.00} | {errors} |");
            log.WriteLine($"// stall {stall} s done");
        }

        log.WriteLine(report);
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static IEnumerable<double> Numbers(string[] args, string name)
    {
        for (var i = Array.IndexOf(args, name) + 1; i > 0 && i < args.Length && double.TryParse(args[i], CultureInfo.InvariantCulture, out var value); i++)
        {
            yield return value;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
