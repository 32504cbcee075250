using Newtonsoft.Json.Linq;
using Telnyx.Generated.Tests.Contract;

namespace Telnyx.Generated.Tests.Build;

/// <summary>
/// The proof that an operation is one spec edit: Telnyx's hangup (spec/upstream/telnyx-openapi-call-control.yaml),
/// added to a copy of the repository as docs/spec.md's "Changing the spec" says, and nothing else edited.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class NinthOperationTests
{
    private const string ConsumerProgram = """
        using Telnyx.Generated;
        using Telnyx.Generated.Testing;

        await using var emulator = await TelnyxEmulator.StartAsync();
        var call = emulator.CreateCall();
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        emulator.FailNext(1, EmulatorFault.Status(System.Net.HttpStatusCode.ServiceUnavailable, TimeSpan.Zero));

        var response = await client.Calls.Actions.HangupAsync(call, new HangupRequest());

        Console.WriteLine("result " + response.Data?.Result);
        foreach (var command in emulator.Commands)
        {
            Console.WriteLine($"command {command.Action} {command.StatusCode} {command.CommandId}");
        }

        foreach (var method in typeof(ICallActionsClient).GetMethods())
        {
            Console.WriteLine("operation " + method.Name);
        }
        """;

    private TempRepository _repo = null!;

    [OneTimeSetUp]
    public void CopyRepository()
    {
        _repo = new TempRepository(Path.Combine("src", "Telnyx.Generated.Testing"), Path.Combine("src", "Telnyx.Generated.AspNetCore"), Path.Combine("src", "Telnyx.Generated.Cli"),
            Path.Combine("tests", "Telnyx.Generated.Tests"), Path.Combine("tests", "Shared"), Path.Combine("tests", "Fixtures"));
        File.Copy(Repo.Path("tests", "Directory.Build.props"), Path.Combine(_repo.RepoRoot, "tests", "Directory.Build.props"));
    }

    [OneTimeTearDown]
    public void DeleteCopy() => _repo.Dispose();

    [Test]
    public void Hangup_added_to_the_spec_alone_is_generated_retried_with_one_command_id_and_enumerated()
    {
        var spec = File.ReadAllText(_repo.CallControlSpec);
        Assert.That(spec, Does.Contain("\ncomponents:\n").And.Contain("\n  schemas:\n"));
        spec = spec.Replace("\ncomponents:\n", "\n" + Fixture("hangup-path.yaml") + "components:\n", StringComparison.Ordinal)
            .Replace("\n  schemas:\n", "\n  schemas:\n" + Fixture("hangup-schema.yaml"), StringComparison.Ordinal);
        File.WriteAllText(_repo.CallControlSpec, spec);
        var consumer = _repo.CreateConsumer("hangup", ConsumerProgram, Path.Combine(_repo.RepoRoot, "src", "Telnyx.Generated.Testing", "Telnyx.Generated.Testing.csproj"));

        var build = TempRepository.Build(consumer, "q");
        Assert.That(build.ExitCode, Is.Zero, "ICallActionsClient.HangupAsync and HangupRequest are generated: " + build.Output);
        var run = TempRepository.Dotnet(Path.GetDirectoryName(consumer)!, Path.Combine("bin", "Debug", "net10.0", "hangup.dll"));
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Does.Contain("result ok"));
        var hangups = lines.Where(l => l.StartsWith("command hangup ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        Assert.That(hangups.Select(h => h[2]), Is.EqualTo(new[] { "503", "200" }), "the 503 was retried: x-telnyx-idempotency reached the client");
        Assert.That(Guid.TryParse(hangups[0][3], out _), Is.True, "a generated command_id");
        Assert.That(hangups[1][3], Is.EqualTo(hangups[0][3]), "the same command_id on the retry");

        // What the tests enumerate: every operation of the edited spec, by operationId, is a method of ICallActionsClient.
        var operationIds = ((JObject)YamlJson.Load(_repo.CallControlSpec)["paths"]!).Properties()
            .SelectMany(p => ((JObject)p.Value).Properties().Select(op => (string)op.Value["operationId"]! + "Async"));
        Assert.That(lines.Where(l => l.StartsWith("operation ", StringComparison.Ordinal)).Select(l => l["operation ".Length..]),
            Is.EquivalentTo(operationIds).And.Contain("HangupAsync"));

        var help = TempRepository.Dotnet(_repo.RepoRoot, "run", "--project", Path.Combine("src", "Telnyx.Generated.Cli"), "--", "call", "hangup", "--help");
        Assert.That(help.ExitCode, Is.Zero, help.Output);
        Assert.That(help.Output, Does.Contain("--client-state").And.Contain("--command-id").And.Contain("--custom-header"), "the CLI reads the spec");
        var demo = TempRepository.Dotnet(_repo.RepoRoot, "run", "--no-build", "--project", Path.Combine("src", "Telnyx.Generated.Cli"), "--", "demo");
        Assert.That(demo.ExitCode, Is.Zero, demo.Output);
        Assert.That(demo.Output, Does.Contain("covering all 9 actions").And.Contain("hangup"), "the demo sends every spec operation");

        var contract = TempRepository.Dotnet(_repo.RepoRoot, "test", Path.Combine("tests", "Telnyx.Generated.Tests"), "--filter", "FullyQualifiedName~Contract",
            "--logger", "console;verbosity=detailed");
        Assert.That(contract.ExitCode, Is.Zero, contract.Output);
        Assert.That(contract.Output, Does.Contain("HangupRequest"), "the contract tests enumerate the new request schema");
    }

    private static string Fixture(string name) => File.ReadAllText(Repo.Path("tests", "Telnyx.Generated.Tests", "Build", "Fixtures", name));
}
