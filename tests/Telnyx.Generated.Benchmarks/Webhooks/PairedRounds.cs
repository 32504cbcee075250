using System.Diagnostics;
using System.Globalization;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// <c>--paired webhook</c>: Unwrap against one raw Ed25519 verification in alternating rounds in one process. On a
/// machine other work shares, BenchmarkDotNet measures the two one after the other under different load; here every
/// round times both back to back (in alternating order), so the median of the per-round ratios holds under load.
/// </summary>
public static class PairedRounds
{
    public static int RunWebhook(int rounds = 41, int callsPerRound = 300)
    {
        Console.WriteLine("| EventType | raw verify, median (µs) | Unwrap(bytes), median (µs) | Unwrap(string), median (µs) | Unwrap(bytes)/raw, median of rounds | Unwrap(string)/raw, median of rounds |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|");
        foreach (var eventType in WebhookExamples.EventTypes)
        {
            var benchmark = new WebhookVerifyBenchmarks { EventType = eventType };
            benchmark.Setup();
            Func<object>[] calls = [() => benchmark.RawVerify(), benchmark.UnwrapBytes, benchmark.UnwrapString];
            var times = calls.Select(_ => new List<double>()).ToArray();
            for (var round = -3; round < rounds; round++)
            {
                var perCall = new double[calls.Length];
                for (var k = 0; k < calls.Length; k++)
                {
                    var which = round % 2 == 0 ? k : calls.Length - 1 - k;
                    var start = Stopwatch.GetTimestamp();
                    for (var i = 0; i < callsPerRound; i++)
                    {
                        calls[which]();
                    }

                    perCall[which] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / callsPerRound;
                }

                for (var k = 0; round >= 0 && k < calls.Length; k++)
                {
                    times[k].Add(perCall[k]);
                }
            }

            var bytesRatio = Median(times[1].Zip(times[0], (u, r) => u / r));
            var stringRatio = Median(times[2].Zip(times[0], (u, r) => u / r));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {eventType} | {Median(times[0]):0.0} | {Median(times[1]):0.0} | {Median(times[2]):0.0} | {bytesRatio:0.00} | {stringRatio:0.00} |"));
        }

        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
