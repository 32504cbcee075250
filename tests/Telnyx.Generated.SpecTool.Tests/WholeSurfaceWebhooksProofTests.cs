using System.Text.RegularExpressions;
using Telnyx.Generated.SpecTool.Tests.WholeSurface;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Every call webhook of Telnyx's spec (spec/upstream/telnyx-openapi-call-control.yaml, counted by
/// <see cref="TelnyxSurface"/>) imported into a copy of the repository with <c>import-webhook</c>: drift stays clean,
/// the copy builds with warnings as errors, Spectral is clean (but for failures whose rule and location the copy's
/// DEVIATIONS.md lists), and the copied contract tests pass, among them every official webhook example parsing into
/// its class with its call_control_id in <c>Payload</c>.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public sealed partial class WholeSurfaceWebhooksProofTests
{
    private static int CallWebhooks => TelnyxSurface.Webhooks;

    private TempRepository _repo = null!;
    private WholeSurfaceWebhooks.Imports _imports = null!;
    private TimeSpan _buildTime;

    private string SpecDir => Path.Combine(_repo.RepoRoot, "spec");

    private string Official => Path.Combine(SpecDir, "upstream", "telnyx-openapi-call-control.yaml");

    [OneTimeSetUp]
    public void ImportEveryWebhookAndBuild()
    {
        _repo = new TempRepository(Path.Combine("src", "Telnyx.Generated.Testing"), Path.Combine("tests", "Telnyx.Generated.Tests"), Path.Combine("tests", "Shared"), Path.Combine("tests", "Fixtures"));
        foreach (var file in new[] { Path.Combine("tests", "Directory.Build.props"), ".spectral.yaml" })
        {
            File.Copy(Repo.Path(file), Path.Combine(_repo.RepoRoot, file));
        }

        _imports = WholeSurfaceWebhooks.ImportAll(Official, SpecDir);
        _buildTime = WholeSurfaceWebhooks.BuildLibrary(_repo);
        TestContext.Progress.WriteLine($"whole surface, webhooks: {_imports.Imported.Count} imported, {_imports.AlreadyCurated.Count} already curated; the copy built in {_buildTime.TotalSeconds:0} s");
    }

    [OneTimeTearDown]
    public void DeleteCopy() => _repo?.Dispose();

    [Test]
    public void Every_call_webhook_is_imported_and_drift_is_clean()
    {
        Assert.That(_imports.Imported.Count + _imports.AlreadyCurated.Count, Is.EqualTo(CallWebhooks));
        Assert.That(_imports.AlreadyCurated, Has.Count.EqualTo(6), "the curated six are skipped");
        Assert.That(WebhookMap.Read(SpecDocument.Load(Path.Combine(SpecDir, "telnyx-webhooks.yaml"))), Has.Count.EqualTo(CallWebhooks));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DriftCommand.Run(Official, SpecDir, output, error);

        Assert.That(exit, Is.Zero, output.ToString() + error);
        Assert.That(output.ToString(), Does.Contain($"and {CallWebhooks} webhooks").And.Contain("No drift."));
    }

    [Test]
    public void The_copied_contract_tests_pass_and_type_every_official_webhook_example()
    {
        var test = TempRepository.Dotnet(_repo.RepoRoot, "test", Path.Combine("tests", "Telnyx.Generated.Tests"), "--filter", "FullyQualifiedName~Contract",
            "-tl:off", "-nodeReuse:false", "--logger", "console;verbosity=detailed");

        Assert.That(test.ExitCode, Is.Zero, test.Output);
        var typed = TypedLine().Matches(test.Output).Select(m => m.Groups[1].Value).ToHashSet();
        TestContext.Progress.WriteLine($"whole surface, webhooks: {typed.Count} of {CallWebhooks} official examples typed");
        Assert.That(typed, Has.Count.EqualTo(CallWebhooks), "every official example parsed into its class, Payload.CallControlId as in the example");
        Assert.That(typed, Does.Contain("call.hangup").And.Contain("call.recording.saved"));
    }

    [Test]
    public async Task Spectral_is_clean_but_for_the_deviations_the_copy_lists()
    {
        if (NodeTools.MissingReason is { } reason)
        {
            Assert.Ignore(reason);
        }

        var (unlisted, listed, _) = await SpecLint.LintAsync(_repo.RepoRoot);

        TestContext.Progress.WriteLine($"Spectral: {listed.Count} result(s) listed in DEVIATIONS.md by rule and location; {unlisted.Count} other");
        Assert.That(unlisted.Select(r => r.ToString()), Is.Empty, "a Spectral failure on Telnyx's own content is listed, by rule and location, in the copy's DEVIATIONS.md");
    }

    [GeneratedRegex(@"^ ?typed (\S+) -> \S+Event\s*$", RegexOptions.Multiline)]
    private static partial Regex TypedLine();
}
