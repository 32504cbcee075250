using System.Diagnostics;
using System.Text;

namespace Telnyx.Generated.TestSupport;

/// <summary>
/// Runs the dotnet CLI the way a user's shell would, for tests that build throwaway projects: isolated from the test
/// host's MSBuild settings, both output streams drained, and bounded in time.
/// </summary>
internal static class DotnetCli
{
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, timeout, arguments);

    /// <summary>Runs <paramref name="program"/> (an installed tool, say) in the same clean environment.</summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host sets MSBuild and VSTest variables for itself; a user's shell has none of them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // Lingering build servers would inherit the output pipes and keep this call from ever returning.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}.");
        }

        return (process.ExitCode, new StringBuilder(await stdout).Append(await stderr).ToString());
    }

    /// <summary>The same, for synchronous tests (NUnit runs them without a synchronisation context).</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, arguments).GetAwaiter().GetResult();
}
