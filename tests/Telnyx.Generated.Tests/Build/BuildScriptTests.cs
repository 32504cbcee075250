using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace Telnyx.Generated.Tests.Build;

/// <summary>build.ps1 parses with the real PowerShell parser and, run in a hosted runspace, issues what .ci/run issues.</summary>
public class BuildScriptTests
{
    private static readonly string Script = Repo.Path("build.ps1");

    [Test]
    public void Parses_without_errors()
    {
        var ast = Parser.ParseFile(Script, out _, out var errors);

        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
        Assert.That(ast.ParamBlock?.Parameters.Select(p => p.Name.VariablePath.UserPath), Is.EquivalentTo(new[] { "Target", "DryRun" }));
    }

    [TestCase("Build", new[] { "dotnet build Telnyx.Generated.sln -warnaserror" })]
    [TestCase("Test", new[] { "dotnet test Telnyx.Generated.sln" })]
    [TestCase("Demo", new[] { "dotnet run --project src/Telnyx.Generated.Cli -- demo" })]
    [TestCase("Pack", new[] { "dotnet pack Telnyx.Generated.sln -c Release -o artifacts/packages" })]
    [TestCase("Clean", new[] { "dotnet clean Telnyx.Generated.sln", "remove artifacts/" })]
    public void Each_target_prints_its_commands_in_a_dry_run(string target, string[] expected)
    {
        Assert.That(Run(new Dictionary<string, object> { ["Target"] = new[] { target }, ["DryRun"] = true }), Is.EqualTo(expected));
    }

    [Test]
    public void Default_runs_the_readme_commands_that_ci_runs()
    {
        var output = Run(new Dictionary<string, object> { ["DryRun"] = true });

        // .ci/run reads and runs the commands of README's "Build and test" block: the tests first, then the demo.
        var readme = File.ReadAllLines(Repo.Path("README.md"));
        var section = readme.SkipWhile(l => l != "## Build and test").TakeWhile(l => l == "## Build and test" || !l.StartsWith("## ", StringComparison.Ordinal));
        var commands = section.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```").Select(l => l.Split('#')[0].Trim());
        Assert.That(output, Is.EqualTo(commands.OrderByDescending(c => c.StartsWith("dotnet test", StringComparison.Ordinal))));
    }

    [Test]
    public void Targets_run_in_the_order_given()
    {
        var output = Run(new Dictionary<string, object> { ["Target"] = new[] { "Clean", "Build", "Pack" }, ["DryRun"] = true });

        Assert.That(output, Is.EqualTo(new[]
        {
            "dotnet clean Telnyx.Generated.sln", "remove artifacts/", "dotnet build Telnyx.Generated.sln -warnaserror",
            "dotnet pack Telnyx.Generated.sln -c Release -o artifacts/packages",
        }));
    }

    [Test]
    public void Unknown_target_is_rejected()
    {
        var ex = Assert.Catch<Exception>(() => Run(new Dictionary<string, object> { ["Target"] = new[] { "Deploy" }, ["DryRun"] = true }));

        Assert.That(ex!.Message, Does.Contain("Deploy"));
    }

    /// <summary>Runs build.ps1 in a runspace with only the core commands (no Utility/Management modules), as a minimal host would.</summary>
    private static string[] Run(IDictionary<string, object> parameters)
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass; // execution policy exists only on Windows
        }

        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create(runspace);
        shell.AddCommand(Script);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value is true ? new SwitchParameter(true) : value);
        }

        var output = shell.Invoke();
        if (shell.HadErrors)
        {
            throw new InvalidOperationException(string.Join("; ", shell.Streams.Error.Select(e => e.ToString())));
        }

        return output.Select(o => o.ToString()).ToArray();
    }
}
