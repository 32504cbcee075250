using System.CommandLine;
using Telnyx.Generated.Cli.Commands;

namespace Telnyx.Generated.Cli;

/// <summary>
/// The command tree, runnable in-process: tests call <see cref="RunAsync"/> with their own writers and reader and get
/// the exit code back, with no child process.
/// </summary>
internal static class TelnyxCallsCli
{
    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where errors and diagnostics go (stderr).</param>
    /// <param name="input">Where <c>verify</c> reads the webhook body (stdin).</param>
    /// <param name="cancellationToken">Stops long-running commands (<c>emulator</c>, <c>listen</c>) as Ctrl+C does.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output, error, input);
        var root = new RootCommand("telnyx-calls: try, test and debug Telnyx Call Control locally. Start with `telnyx-calls demo`.")
        {
            DemoCommand.Create(console),
            EmulatorCommand.Create(console),
            ListenCommand.Create(console),
            CallCommand.Create(console),
            VerifyCommand.Create(console),
        };

        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}

/// <summary>The streams a command writes to and reads from.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In);
