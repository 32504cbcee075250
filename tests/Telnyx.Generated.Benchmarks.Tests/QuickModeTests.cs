using BenchmarkDotNet.Reports;
using Telnyx.Generated.Benchmarks;
using Telnyx.Generated.Benchmarks.Commands;

namespace Telnyx.Generated.Benchmarks.Tests;

/// <summary>
/// Runs the benchmark suite in --quick mode so it cannot rot: every benchmark must still build, run and report a
/// measurement. How fast is deliberately not asserted (that is what docs/performance.md records).
/// </summary>
[TestFixture]
[NonParallelizable]
public class QuickModeTests
{
    private static SuiteResult _result = null!;
    private static string _artifacts = null!;

    [OneTimeSetUp]
    public static void RunQuickMode()
    {
        _artifacts = Path.Combine(Path.GetTempPath(), "telnyx-bench-" + Guid.NewGuid().ToString("N"));
        _result = BenchmarkSuite.Run(["--quick", "--artifacts", _artifacts]);
    }

    [OneTimeTearDown]
    public static void DeleteArtifacts()
    {
        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }

    [Test]
    public void Quick_mode_succeeds()
    {
        Assert.That(_result.ExitCode, Is.Zero);
    }

    [Test]
    public void Command_overhead_measures_both_clients_for_all_eight_actions()
    {
        var reports = Reports(typeof(CommandOverheadBenchmarks));
        foreach (var action in Enum.GetValues<CallAction>())
        {
            var forAction = reports.Where(r => r.BenchmarkCase.Parameters["Action"] is CallAction a && a == action).ToList();
            Assert.That(forAction.Select(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name), Is.EquivalentTo(new[] { "HandWritten", "Telnyx" }), action.ToString());
            AssertMeasured(forAction);
        }
    }

    [Test]
    public void Quick_mode_writes_a_markdown_report()
    {
        var markdown = Directory.GetFiles(Path.Combine(_artifacts, "results"), "*-report-github.md");
        Assert.That(markdown, Is.Not.Empty);
        Assert.That(File.ReadAllText(markdown[0]), Does.Contain("TelnyxClient"));
    }

    private static List<BenchmarkReport> Reports(Type benchmarkType) =>
        _result.Summaries.SelectMany(s => s.Reports).Where(r => r.BenchmarkCase.Descriptor.Type == benchmarkType).ToList();

    private static void AssertMeasured(IEnumerable<BenchmarkReport> reports)
    {
        foreach (var report in reports)
        {
            Assert.That(report.Success, Is.True, report.BenchmarkCase.DisplayInfo);
            Assert.That(report.ResultStatistics?.Mean, Is.GreaterThan(0), report.BenchmarkCase.DisplayInfo);
            Assert.That(report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase), Is.GreaterThan(0), report.BenchmarkCase.DisplayInfo);
        }
    }
}
