using System.Text.RegularExpressions;
using Telnyx.Generated.Conformance.Tests;

namespace Telnyx.Generated.SpecTool.Tests.WholeSurface;

/// <summary>
/// The operations half of the whole-surface proof: a copy of the repository grows to every operation of Telnyx's Call
/// Control spec (<see cref="TelnyxSurface"/> counts them), one <c>import</c> each, and nothing else edited. Then it
/// builds with warnings as errors, drift is clean, Spectral is clean except what DEVIATIONS.md lists (rule and location)
/// as Telnyx's own content, the copied contract tests pass, every operation sent through TelnyxClient to the emulator
/// succeeds and delivers the webhooks it lists, and every request is valid against Prism running Telnyx's spec. Works
/// with whatever webhooks spec/ curates.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public sealed partial class WholeSurfaceProofTests
{
    private WholeSurfaceCopy _copy = null!;
    private IReadOnlyList<(string Path, int Exit, string Output)> _imports = null!;
    private WholeSurfaceWebhooks.Imports _webhooks = null!;
    private (int ExitCode, string Output, TimeSpan Took) _build;

    [OneTimeSetUp]
    public void GrowACopyToTheWholeSurfaceAndBuildIt()
    {
        _copy = new WholeSurfaceCopy();
        _webhooks = WholeSurfaceWebhooks.ImportAll(_copy.Official, _copy.SpecDir); // first, so each operation lists them all
        _imports = _copy.ImportAllOperations();
        _build = _copy.Build();
        TestContext.Progress.WriteLine($"whole surface: {_webhooks.Imported.Count} webhooks imported, {_webhooks.AlreadyCurated.Count} already curated; {_imports.Count(i => i.Exit == ExitCode.Ok)} operations imported, {_imports.Count(i => i.Exit == ExitCode.BadInput)} already curated; the copy built in {_build.Took.TotalSeconds:0} s");
    }

    [OneTimeTearDown]
    public void DeleteCopy() => _copy.Dispose();

    [Test]
    public void Every_operation_Telnyx_has_is_imported_or_already_curated_and_the_copy_builds_with_warnings_as_errors()
    {
        Assert.That(_imports, Has.Count.EqualTo(TelnyxSurface.Operations), "one import per operation of Telnyx's spec");
        Assert.That(_imports.Where(i => i.Exit is not (ExitCode.Ok or ExitCode.BadInput)).Select(i => $"{i.Path}: {i.Exit}\n{i.Output}"), Is.Empty);
        Assert.That(_imports.Where(i => i.Exit == ExitCode.BadInput).Select(i => i.Output), Has.All.Contains("already curated"), "the only refusals are the curated ones");
        Assert.That(_build.ExitCode, Is.Zero, _build.Output);
    }

    [Test]
    public void Drift_is_clean() => Assert.That(_copy.Drift().Select(f => f.ToString()), Is.Empty);

    [Test]
    public async Task Spectral_is_clean_except_the_deviations_listed_as_Telnyx_s_own_content()
    {
        if (NodeTools.MissingReason is { } reason)
        {
            Assert.Ignore(reason);
        }

        var (unlisted, listed, unused) = await _copy.LintAsync();

        TestContext.Progress.WriteLine($"Spectral: {listed.Count} result(s) on Telnyx's own content, each listed in DEVIATIONS.md by rule and location; {unlisted.Count} other");
        Assert.That(unlisted.Select(r => r.ToString()), Is.Empty);
        Assert.That(unused.Select(u => u.Location), Is.Empty, "every listed deviation still matches a Spectral result");
    }

    [Test]
    public void The_copied_contract_tests_pass()
    {
        var (exit, output) = _copy.ContractTests();

        Assert.That(exit, Is.Zero, output);
        TestContext.Progress.WriteLine("contract tests: " + output.Split('\n').LastOrDefault(l => l.Contains("Passed!", StringComparison.Ordinal))?.Trim());
    }

    [Test]
    public void Every_operation_sent_to_the_emulator_succeeds_and_delivers_the_webhooks_it_lists_verified_and_typed()
    {
        var (exit, output) = _copy.Demo();

        Assert.That(exit, Is.Zero, output);
        var pass = Summary().Match(output);
        Assert.That(pass.Success, Is.True, output);
        Assert.That(pass.Groups["actions"].Value, Is.EqualTo(TelnyxSurface.Operations.ToString(System.Globalization.CultureInfo.InvariantCulture)), "every operation was sent");
        Assert.That(pass.Groups["verified"].Value, Is.EqualTo(pass.Groups["expected"].Value), "every listed webhook arrived, verified and typed");
        TestContext.Progress.WriteLine($"emulator: {pass.Groups["sent"].Value} commands sent covering {pass.Groups["actions"].Value} operations, {pass.Groups["verified"].Value} webhooks delivered, verified and typed");
    }

    [Test]
    public async Task Every_operation_s_request_is_valid_against_Prism_running_Telnyx_s_spec()
    {
        if (NodeTools.MissingReason is { } reason)
        {
            Assert.Ignore(reason);
        }

        var sent = await _copy.SendToPrismAsync();

        var valid = sent.Count(s => s.Violations is null && s.Status != 422);
        TestContext.Progress.WriteLine($"Prism: {sent.Count} operations sent, {valid} valid against Telnyx's spec");
        Assert.That(sent, Has.Count.EqualTo(TelnyxSurface.Operations));
        Assert.That(sent.Where(s => s.Violations is not null || s.Status == 422).Select(s => $"{s.OperationId}: {s.Status} {s.Violations}"), Is.Empty);
    }

    [GeneratedRegex(@"PASS: (?<sent>\d+) commands covering all (?<actions>\d+) actions, (?<verified>\d+)/(?<expected>\d+) webhooks")]
    private static partial Regex Summary();
}
