using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Telnyx.Generated.Benchmarks.Throughput;

namespace Telnyx.Generated.Benchmarks;

/// <summary>What one run of the suite produced.</summary>
/// <param name="Summaries">The BenchmarkDotNet summaries (benchmarks 1 to 3).</param>
/// <param name="Throughput">Benchmark 4, one row per concurrency level; empty when filtered out.</param>
/// <param name="ArtifactsPath">Where the reports were written.</param>
public sealed record SuiteResult(IReadOnlyList<Summary> Summaries, IReadOnlyList<ThroughputResult> Throughput, string ArtifactsPath)
{
    /// <summary>Zero when every benchmark that was selected ran and produced a measurement.</summary>
    public int ExitCode =>
        (Summaries.Count > 0 || Throughput.Count > 0)
        && Summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.Length > 0 && s.Reports.All(r => r.Success))
        && Throughput.All(t => t.Ours.Commands > 0 && t.Raw.Commands > 0)
            ? 0
            : 1;
}

/// <summary>
/// Entry point shared by the console program and the test that runs quick mode.
/// <c>--quick</c> selects the short configuration; <c>--telemetry</c> runs the throughput loop with the client's
/// traces and metrics exported in memory (see <see cref="TelemetryExport"/>); <c>--resend-off-baseline</c> compares it with
/// <c>TelnyxClient</c> with <c>ResendAfter = null</c> instead of the hand-written call, which prices the resend timer;
/// <c>--raw-vs-raw</c> puts a second hand-written client in TelnyxClient's place, which shows the harness's own spread;
/// every other argument goes to BenchmarkDotNet
/// (<c>--filter *Command*</c>, <c>--artifacts DIR</c>, ...). Without a filter everything runs; the socket
/// throughput loop (benchmark 4) runs when no filter is given or a filter mentions "Throughput".
/// </summary>
public static class BenchmarkSuite
{
    public static SuiteResult Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var telemetry = args.Contains("--telemetry");
        var resendOffBaseline = args.Contains("--resend-off-baseline");
        var rawVsRaw = args.Contains("--raw-vs-raw");
        var rest = args.Where(a => a is not "--quick" and not "--telemetry" and not "--resend-off-baseline" and not "--raw-vs-raw").ToList();
        var artifacts = ArtifactsPath(rest) ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        var filters = Filters(rest);
        var runThroughput = filters.Count == 0 || filters.Any(f => f == "*" || f.Contains("Throughput", StringComparison.OrdinalIgnoreCase));
        var runBenchmarkDotNet = filters.Count == 0 || filters.Any(f => !f.Contains("Throughput", StringComparison.OrdinalIgnoreCase));
        if (filters.Count == 0)
        {
            rest.AddRange(["--filter", "*"]);
        }

        var summaries = new List<Summary>();
        if (runBenchmarkDotNet)
        {
            var config = quick ? BenchmarkConfigs.Quick(artifacts) : BenchmarkConfigs.Full(artifacts);
            summaries.AddRange(BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSuite).Assembly).Run([.. rest], config));
        }

        var throughput = runThroughput
            ? ThroughputBenchmark.RunAsync(quick, artifacts, Console.Out, telemetry, resendOffBaseline, rawVsRaw).GetAwaiter().GetResult()
            : [];
        return new SuiteResult(summaries, throughput, artifacts);
    }

    private static string? ArtifactsPath(List<string> args)
    {
        var i = args.IndexOf("--artifacts");
        return i >= 0 && i + 1 < args.Count ? Path.GetFullPath(args[i + 1]) : null;
    }

    private static List<string> Filters(List<string> args)
    {
        var filters = new List<string>();
        for (var i = args.IndexOf("--filter") + 1; i > 0 && i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal); i++)
        {
            filters.Add(args[i]);
        }

        return filters;
    }
}
