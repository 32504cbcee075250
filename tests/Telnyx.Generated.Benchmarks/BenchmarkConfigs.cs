using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;


namespace Telnyx.Generated.Benchmarks;

/// <summary>The two ways the suite runs: the full measurement behind docs/performance.md, and the quick smoke run.</summary>
public static class BenchmarkConfigs
{
    /// <summary>
    /// In-process, in the Release build that <c>dotnet run -c Release</c> made (the optimisation validator stays on),
    /// one launch, enough iterations for a stable median on a 2-core machine: one build and a full run in ~10 minutes,
    /// where out-of-process generates and builds a host project first.
    /// </summary>
    public static IConfig Full(string? artifactsPath) => Common(
        Job.Default
            .WithToolchain(InProcessEmitToolchain.DontLogOutput)
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Full"),
        artifactsPath);

    /// <summary>
    /// In-process with a handful of short iterations: proves every benchmark still builds, runs and reports, in
    /// seconds per benchmark. Its numbers are indicative only. Debug builds are allowed so a test can run it.
    /// </summary>
    public static IConfig Quick(string? artifactsPath) => Common(
            Job.Default
                .WithToolchain(InProcessEmitToolchain.DontLogOutput)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(64) // fixed: no pilot stage
                .WithUnrollFactor(16)
                .WithEvaluateOverhead(false)
                .WithId("Quick"),
            artifactsPath)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    private static ManualConfig Common(Job job, string? artifactsPath)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.AsDefault())
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P95)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .AddLogger(ConsoleLogger.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.B)) // exact bytes: the targets are ratios of them
            .WithOptions(ConfigOptions.StopOnFirstError);
        if (artifactsPath is not null)
        {
            config.ArtifactsPath = artifactsPath;
        }

        return config;
    }
}
