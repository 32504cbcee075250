using System.CommandLine;
using Telnyx.Generated.SpecTool;

// Every command describes itself (arguments, options, help text) in its own class; System.CommandLine writes the usage.
var root = new RootCommand("Maintenance tools for the Telnyx.Generated curated spec.")
{
    DriftCommand.Create(),
    ImportCommand.Create(),
    ImportWebhookCommand.Create(),
    CodegenCommand.Create(),
};

var result = root.Parse(args);
if (result.Errors.Count == 0)
{
    return result.Invoke();
}

// A malformed command line is unusable input too (exit 2, not drift), answered with the failing command's usage.
foreach (var error in result.Errors)
{
    Console.Error.WriteLine($"error: {error.Message}");
}

var path = new List<string>();
for (var command = result.CommandResult; command.Parent is System.CommandLine.Parsing.CommandResult parent; command = parent)
{
    path.Insert(0, command.Command.Name);
}

root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
return ExitCode.BadInput;
