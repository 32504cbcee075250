using System.CommandLine;

namespace Telnyx.Generated.SpecTool;

/// <summary>The command-line verbs for webhooks: <c>import-webhook</c> for people, <c>codegen</c> for the build.</summary>
internal static class WebhookVerbs
{
    public static Command ImportWebhook(Argument<FileInfo> officialSpec, Option<DirectoryInfo?> specDir)
    {
        var eventType = new Argument<string>("event_type") { Description = "The webhook's wire event_type, e.g. call.hangup." };
        var command = new Command("import-webhook", "Copy one of Telnyx's webhooks (by event_type), and the schemas it needs, into spec/telnyx-webhooks.yaml following its conventions. Exit code 0: imported, 1: imported but drift remains, 2: nothing written (unusable input, unknown event type, or already curated).");
        command.Arguments.Add(officialSpec);
        command.Arguments.Add(eventType);
        command.Options.Add(specDir);
        command.SetAction(parse => ImportWebhookCommand.Run(parse.GetValue(officialSpec)!.FullName, parse.GetValue(eventType)!, parse.GetValue(specDir)?.FullName, Console.Out, Console.Error));
        return command;
    }

    public static Command Codegen()
    {
        var spec = new Argument<DirectoryInfo>("spec-dir") { Description = "The curated spec/ directory." };
        var output = new Argument<DirectoryInfo>("output-dir") { Description = "The folder to write the C# into (under obj/)." };
        var command = new Command("codegen", "Build step: write the C# NSwag cannot, from spec/ read through one model: the event members of x-webhooks and the operation model (operations, their repeat rules, events and roles).")
        {
            Hidden = true,
        };
        command.Arguments.Add(spec);
        command.Arguments.Add(output);
        command.SetAction(parse => CodegenCommand.Run(parse.GetValue(spec)!.FullName, parse.GetValue(output)!.FullName, Console.Error));
        return command;
    }
}
