using System.Diagnostics;
using System.Text.Json.Nodes;
using Telnyx.Generated.Conformance.Tests;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.SpecTool.Tests.WholeSurface;

/// <summary>
/// A copy of the repository grown to Telnyx's whole Call Control surface, and each step of the proof as a method:
/// import, build, drift, lint, contract tests, the demo against the emulator, every request against Prism. Each step
/// returns what it found for the test to assert; none asserts itself.
/// </summary>
internal sealed class WholeSurfaceCopy : IDisposable
{
    private static readonly string[] Projects =
    [
        Path.Combine("src", "Telnyx.Generated.Testing"), Path.Combine("src", "Telnyx.Generated.AspNetCore"), Path.Combine("src", "Telnyx.Generated.Cli"),
        Path.Combine("tests", "Telnyx.Generated.Tests"), Path.Combine("tests", "Shared"), Path.Combine("tests", "Fixtures"),
    ];

    private readonly TempRepository _repo = new(Projects);

    public WholeSurfaceCopy()
    {
        foreach (var file in new[] { Path.Combine("tests", "Directory.Build.props"), ".spectral.yaml" })
        {
            File.Copy(Repo.Path(file), Path.Combine(_repo.RepoRoot, file));
        }
    }

    public string RepoRoot => _repo.RepoRoot;

    public string SpecDir => Path.Combine(RepoRoot, "spec");

    /// <summary>Telnyx's spec, as the copy has it (spec/upstream is copied with spec/).</summary>
    public string Official => Path.Combine(SpecDir, "upstream", "telnyx-openapi-call-control.yaml");

    private string Cli => Path.Combine(RepoRoot, "src", "Telnyx.Generated.Cli", "Telnyx.Generated.Cli.csproj");

    public void Dispose() => _repo.Dispose();

    /// <summary>Runs <c>import</c> for every path of Telnyx's spec; an operation spec/ curates already answers 2 and writes nothing.</summary>
    public IReadOnlyList<(string Path, int Exit, string Output)> ImportAllOperations()
    {
        var paths = SpecDocument.Load(Official).Document.Paths!.Keys.ToList();
        return [.. paths.Select(path =>
        {
            using var output = new StringWriter();
            var exit = ImportCommand.Run(Official, path, operationId: null, SpecDir, output, output);
            return (path, exit, output.ToString());
        })];
    }

    /// <summary>Builds the CLI (the library, the emulator and the tool) with warnings as errors; the time it took.</summary>
    public (int ExitCode, string Output, TimeSpan Took) Build()
    {
        var timer = Stopwatch.StartNew();
        var (exit, output) = TempRepository.Build(Cli, "q", "-warnaserror");
        return (exit, output, timer.Elapsed);
    }

    public IReadOnlyList<DriftFinding> Drift() => DriftCommand.Findings(Official, SpecDir);

    /// <summary>Spectral over the copy's spec files, split by the copy's DEVIATIONS.md (<see cref="SpecLint"/>).</summary>
    public Task<SpecLint.Split> LintAsync() => SpecLint.LintAsync(RepoRoot);

    /// <summary>The copied contract tests (tests/Telnyx.Generated.Tests, Contract), which enumerate whatever the spec holds.</summary>
    public (int ExitCode, string Output) ContractTests() =>
        DotnetCli.Run(RepoRoot, TimeSpan.FromMinutes(10), "test", Path.Combine("tests", "Telnyx.Generated.Tests"), "--filter", "FullyQualifiedName~Contract", "-tl:off", "-nodeReuse:false");

    /// <summary>
    /// The copied CLI's demo: every operation through TelnyxClient to the emulator (the spec's example body), every
    /// webhook it lists verified and parsed into its typed class.
    /// </summary>
    public (int ExitCode, string Output) Demo() =>
        DotnetCli.Run(RepoRoot, TimeSpan.FromMinutes(5), "run", "--no-build", "--project", Cli, "--", "demo");

    /// <summary>
    /// Every operation of the copy's spec sent through the copy's TelnyxClient to Prism serving Telnyx's spec, each with
    /// the body the demo sends (the spec's example, as the emulator reads it): per operation, Prism's status and its
    /// violations (none when the request is valid).
    /// </summary>
    public async Task<IReadOnlyList<(string OperationId, int Status, string? Violations)>> SendToPrismAsync()
    {
        var operations = CallControlSpec.Read(File.ReadAllText(Path.Combine(SpecDir, SpecDirectory.ActionsFile))).Values.ToList();
        var requests = Path.Combine(_repo.Root, "prism-requests.json");
        File.WriteAllText(requests, new JsonArray([.. operations.Select(o => (JsonNode)new JsonObject
        {
            ["operationId"] = o.Operation.OperationId,
            ["body"] = JsonNode.Parse(o.Example().ToString()),
        })]).ToJsonString());
        var sender = _repo.CreateConsumer("prism-sender", PrismSender);
        var build = TempRepository.Build(sender, "q");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The Prism sender does not build: " + build.Output);
        }

        await using var prism = await PrismServer.StartAsync(Official);
        var run = await DotnetCli.RunAsync(Path.GetDirectoryName(sender)!, TimeSpan.FromMinutes(5),
            Path.Combine("bin", "Debug", "net10.0", "prism-sender.dll"), prism.BaseUrl.ToString(), requests);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Prism sender failed ({run.ExitCode}): {run.Output}\n{prism.Log}");
        }

        return [.. run.Output.Split('\n').Where(l => l.StartsWith("SENT\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).Select(f =>
            (f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[3].Length == 0 ? null : f[3]))];
    }

    // Sends each (operationId, body) through ICallActionsClient.{operationId}Async, as the CLI does, and prints what
    // Prism answered and its sl-violations header; an error answer is fine here (the request is what is checked).
    private const string PrismSender = """
        using System.Reflection;
        using Newtonsoft.Json.Linq;
        using Telnyx.Generated;

        var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        using var client = new TelnyxClient(http, new TelnyxClientOptions { ApiKey = "KEY_prism", BaseUrl = new Uri(args[0]), MaxRetries = 0 });
        foreach (var request in JArray.Parse(File.ReadAllText(args[1])).Cast<JObject>())
        {
            var operationId = (string)request["operationId"]!;
            var method = typeof(ICallActionsClient).GetMethod(operationId + "Async") ?? throw new InvalidOperationException($"no {operationId}Async");
            var arguments = method.GetParameters().Select(p =>
                p.ParameterType == typeof(string) ? "v3:prism-call"
                : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : ((JObject)request["body"]!).ToObject(p.ParameterType)).ToArray();
            try
            {
                await (Task)method.Invoke(client.Calls.Actions, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
            }
            catch (Exception e) when (e is TelnyxException or Newtonsoft.Json.JsonException)
            {
            }

            Console.WriteLine($"SENT\t{operationId}\t{recorder.Status}\t{recorder.Violations}");
        }

        internal sealed class Recorder() : DelegatingHandler(new SocketsHttpHandler())
        {
            public int Status { get; private set; }
            public string Violations { get; private set; } = "";

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                Status = (int)response.StatusCode;
                Violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values).ReplaceLineEndings(" ") : "";
                return response;
            }
        }
        """;
}
