using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>The real executable, as docs/spec.md's maintenance loop runs it: arguments, spec/ discovery, exit codes.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Output, string Error)> RunToolAsync(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Telnyx.Generated.SpecTool.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Repo.Root, // spec/ is found from the current directory, as with `dotnet run` in the repo
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Test]
    public async Task Drift_exits_1_and_prints_the_change_then_0_on_the_official_excerpt()
    {
        using var copy = new OfficialSpecCopy();
        copy.Map("components", "schemas", "StopSiprecRequest", "properties").Add("reason", new YamlMappingNode { { "type", "string" } });

        var drift = await RunToolAsync("drift", copy.Save());
        var clean = await RunToolAsync("drift", Repo.OfficialExcerpt);

        Assert.That(drift.Exit, Is.EqualTo(1), drift.Output + drift.Error);
        Assert.That(drift.Output, Does.Contain("POST /calls/{call_control_id}/actions/siprec_stop").And.Contain("[missing] request reason"));
        Assert.That(clean.Exit, Is.EqualTo(0), clean.Output + clean.Error);
        Assert.That(clean.Output, Does.Contain("No drift."));
    }

    [Test]
    public async Task Bad_input_exits_2_with_a_message()
    {
        var missing = await RunToolAsync("drift", "/no/such/official-spec.yaml");
        var noArgument = await RunToolAsync("drift");

        Assert.That(missing.Exit, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("not found"));
        Assert.That(noArgument.Exit, Is.EqualTo(2));
        Assert.That(noArgument.Error, Does.Contain("Required argument 'official-spec' missing").And.Contain("Usage:").And.Contain("drift <official-spec> [options]"), "the generated usage of the command");
    }

    [Test]
    public async Task Import_webhook_exits_0_then_2_when_run_again_and_2_naming_the_closest_for_an_unknown_type()
    {
        var specDir = Directory.CreateTempSubdirectory("telnyx-cli-webhook-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Repo.Path("spec")))
            {
                File.Copy(file, Path.Combine(specDir, Path.GetFileName(file)));
            }

            var imported = await RunToolAsync("import-webhook", Repo.OfficialCallControl, "call.hangup", "--spec-dir", specDir);
            var again = await RunToolAsync("import-webhook", Repo.OfficialCallControl, "call.hangup", "--spec-dir", specDir);
            var unknown = await RunToolAsync("import-webhook", Repo.OfficialCallControl, "call.hungup", "--spec-dir", specDir);

            Assert.That(imported.Exit, Is.Zero, imported.Output + imported.Error);
            Assert.That(imported.Output, Does.Contain("x-webhooks: callHangup -> CallHangupEvent"));
            Assert.That(again.Exit, Is.EqualTo(2));
            Assert.That(again.Error, Does.Contain("already curated"));
            Assert.That(unknown.Exit, Is.EqualTo(2));
            Assert.That(unknown.Error, Does.Contain("no webhook with event_type 'call.hungup'. Closest: call.hangup"));
        }
        finally
        {
            Directory.Delete(specDir, recursive: true);
        }
    }
}
