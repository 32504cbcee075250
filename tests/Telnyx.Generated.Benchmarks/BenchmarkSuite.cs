using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Telnyx.Generated.Benchmarks;

/// <summary>What one run of the suite produced.</summary>
/// <param name="Summaries">The BenchmarkDotNet summaries (benchmarks 1 to 3).</param>
/// <param name="ArtifactsPath">Where the reports were written.</param>
public sealed record SuiteResult(IReadOnlyList<Summary> Summaries, string ArtifactsPath)
{
    /// <summary>Zero when every benchmark ran and produced a measurement.</summary>
    public int ExitCode =>
        Summaries.Count > 0 && Summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.Length > 0 && s.Reports.All(r => r.Success))
            ? 0
            : 1;
}

/// <summary>
/// Entry point shared by the console program and the test that runs quick mode.
/// <c>--quick</c> selects the short in-process configuration; every other argument goes to BenchmarkDotNet
/// (<c>--filter *Command*</c>, <c>--artifacts DIR</c>, ...). Without a filter, everything runs.
/// </summary>
public static class BenchmarkSuite
{
    public static SuiteResult Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToList();
        var artifacts = ArtifactsPath(rest) ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
        if (!rest.Contains("--filter"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        var config = quick ? BenchmarkConfigs.Quick(artifacts) : BenchmarkConfigs.Full(artifacts);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkSuite).Assembly).Run([.. rest], config).ToList();
        return new SuiteResult(summaries, artifacts);
    }

    private static string? ArtifactsPath(List<string> args)
    {
        var i = args.IndexOf("--artifacts");
        return i >= 0 && i + 1 < args.Count ? Path.GetFullPath(args[i + 1]) : null;
    }
}
