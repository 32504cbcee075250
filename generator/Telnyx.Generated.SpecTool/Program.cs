using System.CommandLine;
using Telnyx.Generated.SpecTool;

var officialSpec = new Argument<FileInfo>("official-spec")
{
    Description = "Telnyx's official OpenAPI spec (3.0 or 3.1, JSON or YAML; the whole spec3.yml or an excerpt).",
};
var path = new Argument<string>("path") { Description = "The official path to import, e.g. /calls/{call_control_id}/actions/hangup." };
var operationId = new Option<string?>("--operation-id") { Description = "Our operationId (the C# method name without Async); default: derived from Telnyx's." };
var specDir = new Option<DirectoryInfo?>("--spec-dir")
{
    Description = "The curated spec/ directory (default: the spec/ found above the current directory).",
};
var drift = new Command("drift", "Report where spec/ differs from Telnyx's official spec, except the deviations in spec/DEVIATIONS.md. Exit code 0: no drift, 1: drift, 2: unusable input.");
drift.Arguments.Add(officialSpec);
drift.Options.Add(specDir);
drift.SetAction(parse => DriftCommand.Run(parse.GetValue(officialSpec)!.FullName, parse.GetValue(specDir)?.FullName, Console.Out, Console.Error));

var import = new Command("import", "Copy one operation of Telnyx's spec, and the schemas it needs, into spec/ following its conventions. Exit code 0: imported, 1: imported but drift remains, 2: nothing written (unusable input or already curated).");
import.Arguments.Add(officialSpec);
import.Arguments.Add(path);
import.Options.Add(operationId);
import.Options.Add(specDir);
import.SetAction(parse => ImportCommand.Run(parse.GetValue(officialSpec)!.FullName, parse.GetValue(path)!, parse.GetValue(operationId), parse.GetValue(specDir)?.FullName, Console.Out, Console.Error));

var root = new RootCommand("Maintenance tools for the Telnyx.Generated curated spec.");
root.Subcommands.Add(drift);
root.Subcommands.Add(import);
root.Subcommands.Add(WebhookVerbs.ImportWebhook(officialSpec, specDir));
root.Subcommands.Add(WebhookVerbs.Codegen());

var result = root.Parse(args);
// A malformed command line is unusable input too (exit 2), not drift.
return result.Errors.Count > 0 ? Usage(result) : result.Invoke();

static int Usage(ParseResult result)
{
    foreach (var error in result.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("usage: Telnyx.Generated.SpecTool drift <official-spec> [--spec-dir <dir>]");
    Console.Error.WriteLine("       Telnyx.Generated.SpecTool import <official-spec> <path> [--operation-id <Name>] [--spec-dir <dir>]");
    Console.Error.WriteLine("       Telnyx.Generated.SpecTool import-webhook <official-spec> <event_type> [--spec-dir <dir>]");
    return DriftCommand.BadInput;
}
