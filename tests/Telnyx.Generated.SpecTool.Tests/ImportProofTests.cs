namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// The whole maintenance loop for a new operation, on a copy of the repository: import Telnyx's hangup, build, and
/// find the new action in the client a user calls, with drift and Spectral clean.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public sealed class ImportProofTests
{
    private const string HangupPath = "/calls/{call_control_id}/actions/hangup";

    private const string ConsumerProgram = """
        using System.Net;
        using Telnyx.Generated;

        var handler = new CapturingHandler();
        using var http = new HttpClient(handler);
        using var client = new TelnyxClient(http, new TelnyxClientOptions { ApiKey = "KEY_consumer", MaxRetries = 0 });
        ICallActionsClient actions = client.Calls.Actions;

        var response = await actions.HangupAsync("v3:consumer", new HangupRequest { ClientState = "aGk=" });

        Console.WriteLine($"SENT {handler.Method} {handler.Uri} {handler.Body}");
        Console.WriteLine($"RESULT {response.Data?.Result}");

        """ + ConsumerProject.CapturingHandler;

    private TempRepository _repo = null!;

    private string SpecDir => Path.Combine(_repo.RepoRoot, "spec");

    [OneTimeSetUp]
    public void CopyRepository() => _repo = new TempRepository();

    [OneTimeTearDown]
    public void DeleteCopy() => _repo.Dispose();

    [Test]
    public void Importing_hangup_gives_a_client_method_with_drift_and_lint_clean_and_a_second_import_changes_nothing()
    {
        var import = Import();
        var afterImport = File.ReadAllText(_repo.CallControlSpec);
        var again = Import();

        Assert.That(import.Exit, Is.Zero, import.Output + import.Error);
        Assert.That(import.Output, Does.Contain("operationId: Hangup").And.Contain("x-telnyx-idempotency: command-id").And.Contain("no drift for POST " + HangupPath));
        Assert.That(again.Exit, Is.EqualTo(2));
        Assert.That(again.Error, Does.Contain("already curated").And.Contain("Hangup"));
        Assert.That(File.ReadAllText(_repo.CallControlSpec), Is.EqualTo(afterImport), "the second import wrote nothing");
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, SpecDir).Where(f => f.Subject.EndsWith(HangupPath, StringComparison.Ordinal)), Is.Empty);

        var consumer = _repo.CreateConsumer("consumer", ConsumerProgram);
        var build = TempRepository.Build(consumer, "q");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var run = TempRepository.Dotnet(Path.GetDirectoryName(consumer)!, Path.Combine("bin", "Debug", "net10.0", "consumer.dll"));

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var sent = run.Output.Split('\n').Single(l => l.StartsWith("SENT ", StringComparison.Ordinal));
        Assert.That(sent, Does.StartWith("SENT POST https://api.telnyx.com/v2/calls/v3%3Aconsumer/actions/hangup {"));
        var body = System.Text.Json.JsonDocument.Parse(sent[sent.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        Assert.That(body.GetProperty("client_state").GetString(), Is.EqualTo("aGk="));
        Assert.That(Guid.TryParse(body.GetProperty("command_id").GetString(), out _), Is.True, "the inferred x-telnyx-idempotency: command-id reached the client");
        Assert.That(run.Output, Does.Contain("RESULT ok"));
    }

    [Test]
    public async Task The_imported_spec_passes_Spectral()
    {
        if (Import() is { Exit: not 0 and not 2 } failed)
        {
            Assert.Fail(failed.Output + failed.Error);
        }

        if (NodeTools.MissingReason is { } reason)
        {
            Assert.Ignore(reason);
        }

        File.Copy(Repo.Path(".spectral.yaml"), Path.Combine(_repo.RepoRoot, ".spectral.yaml"), overwrite: true);
        var lint = await SpecLint.LintAsync(_repo.RepoRoot);

        Assert.That(lint.Unlisted.Select(r => r.ToString()), Is.Empty);
        Assert.That(File.ReadAllText(_repo.CallControlSpec), Does.Contain(HangupPath), "Spectral linted the imported spec");
    }

    private (int Exit, string Output, string Error) Import()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ImportCommand.Run(Repo.OfficialCallControl, HangupPath, operationId: null, SpecDir, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
