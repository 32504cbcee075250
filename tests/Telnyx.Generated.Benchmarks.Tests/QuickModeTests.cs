using BenchmarkDotNet.Reports;
using Telnyx.Generated.Benchmarks;
using Telnyx.Generated.Benchmarks.Commands;
using Telnyx.Generated.Benchmarks.Throughput;
using Telnyx.Generated.Benchmarks.Webhooks;

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
    public void Command_overhead_measures_both_clients_for_every_operation_of_the_spec()
    {
        var reports = Reports(typeof(CommandOverheadBenchmarks));
        Assert.That(SampleRequests.Actions, Is.EquivalentTo(typeof(ICallActionsClient).GetMethods().Select(m => m.Name[..^"Async".Length])));
        foreach (var action in SampleRequests.Actions)
        {
            var forAction = reports.Where(r => (string)r.BenchmarkCase.Parameters["Action"] == action).ToList();
            Assert.That(forAction.Select(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name), Is.EquivalentTo(new[] { "HandWritten", "Telnyx" }), action);
            AssertMeasured(forAction);
        }
    }

    [Test]
    public void Command_overhead_breakdown_measures_every_layer()
    {
        var reports = Reports(typeof(CommandOverheadBreakdown));
        Assert.That(reports, Has.Count.EqualTo(10)); // 5 layers x 2 actions
        AssertMeasured(reports);
    }

    [TestCase(typeof(WebhookVerifyBenchmarks), new[] { "RawVerify", "UnwrapBytes", "UnwrapString" })]
    [TestCase(typeof(WebhookParseBenchmarks), new[] { "PlainNewtonsoft", "ParseString", "ParseBytes" })]
    public void Webhook_benchmarks_measure_each_of_the_six_example_events(Type benchmarkType, string[] methods)
    {
        var reports = Reports(benchmarkType);
        var eventTypes = reports.Select(r => (string)r.BenchmarkCase.Parameters["EventType"]).Distinct();
        Assert.That(eventTypes, Is.EquivalentTo(new[] { "call.refer.started", "call.refer.completed", "call.refer.failed", "siprec.started", "siprec.stopped", "siprec.failed" }));
        foreach (var group in reports.GroupBy(r => r.BenchmarkCase.Parameters["EventType"]))
        {
            Assert.That(group.Select(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name), Is.EquivalentTo(methods), group.Key.ToString());
            AssertMeasured(group.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name != "RawVerify")); // the raw verify allocates nothing
            Assert.That(group.All(r => r.ResultStatistics?.Mean > 0), Is.True);
        }
    }

    [Test]
    public void Throughput_runs_both_clients_at_every_concurrency_level_against_the_emulator_without_errors()
    {
        Assert.That(_result.Throughput.Select(t => t.Callers), Is.EqualTo(ThroughputBenchmark.Levels));
        foreach (var level in _result.Throughput)
        {
            foreach (var (name, run) in new[] { ("ours", level.Ours), ("raw", level.Raw) })
            {
                Assert.That(run.Commands, Is.GreaterThan(0), $"{level.Callers} callers, {name}");
                Assert.That(run.Errors, Is.Zero, $"{level.Callers} callers, {name}");
                Assert.That(run.P50Milliseconds, Is.GreaterThan(0).And.LessThanOrEqualTo(run.P99Milliseconds), $"{level.Callers} callers, {name}");
            }

            Assert.That(level.Ratio, Is.GreaterThan(0), $"{level.Callers} callers");
        }
    }

    [Test]
    public void Quick_mode_writes_a_markdown_report()
    {
        var results = Path.Combine(_artifacts, "results");
        var commands = Directory.GetFiles(results, "*CommandOverheadBenchmarks-report-github.md");
        Assert.That(commands, Has.Length.EqualTo(1));
        Assert.That(File.ReadAllText(commands[0]), Does.Contain("TelnyxClient").And.Contain("HandWritten"));
        Assert.That(File.ReadAllText(Path.Combine(results, "Throughput-report-github.md")), Does.Contain("| 64 |").And.Contain("Ours/raw"));
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
