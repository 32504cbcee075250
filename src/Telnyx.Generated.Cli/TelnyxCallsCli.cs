using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Telnyx.Generated.Cli.Commands;

namespace Telnyx.Generated.Cli;

/// <summary>
/// The command tree, runnable in-process: tests call <see cref="RunAsync"/> with their own writers and reader and get
/// the exit code back, with no child process.
/// </summary>
internal static class TelnyxCallsCli
{
    /// <summary>The name users type, whatever the process is called (a test host, <c>dotnet telnyx-calls.dll</c>).</summary>
    public const string Name = "telnyx-calls";

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
        if (parseResult.Action is ParseErrorAction)
        {
            // What went wrong and where the help is, on stderr: the help itself would bury the error (as git does).
            var problems = parseResult.CommandResult.Command.Subcommands.Count > 0 ? [NoSuchCommand(parseResult)] : parseResult.Errors.Select(e => e.Message);
            return await console.UsageErrorAsync(parseResult, problems).ConfigureAwait(false);
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a command line that stopped at a group (<c>call transfer v3:...</c>, or none at all): what was given and
    /// what there is. Under <c>call</c> those are the operations of the spec, since its subcommands are made from it.
    /// </summary>
    private static string NoSuchCommand(ParseResult parse)
    {
        var group = parse.CommandResult.Command;
        var choices = string.Join(", ", group.Subcommands.Select(c => c.Name));
        var kind = group.Name == CallCommand.Name ? "an operation in this spec (spec/telnyx-call-control.yaml)" : $"a {Name} command";
        return parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } given
            ? $"'{given}' is not {kind}. The {(group.Name == CallCommand.Name ? "operations" : "commands")} are: {choices}."
            : $"name {kind}: {choices}.";
    }
}

/// <summary>The streams a command writes to and reads from.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In)
{
    /// <summary>
    /// Reports bad arguments the one way every command does: each problem as <c>error: ...</c>, then
    /// <c>See 'telnyx-calls &lt;command&gt; --help'.</c>, all on stderr.
    /// </summary>
    /// <returns><see cref="ExitCodes.Usage"/>.</returns>
    public async Task<int> UsageErrorAsync(ParseResult parse, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            await Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
        }

        await Error.WriteLineAsync($"See '{CommandLine(parse.CommandResult)} --help'.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    private static string CommandLine(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } sub; result = sub.Parent)
        {
            names.Insert(0, sub.Command.Name);
        }

        return string.Join(' ', [TelnyxCallsCli.Name, .. names]);
    }
}
