using System.CommandLine;

namespace Telnyx.Generated.SpecTool;

/// <summary>The command-line verbs for webhooks: <c>import-webhook</c> for people, <c>webhook-events</c> for the build.</summary>
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

    public static Command WebhookEvents()
    {
        var spec = new Argument<FileInfo>("webhooks-spec") { Description = "spec/telnyx-webhooks.yaml." };
        var output = new Argument<FileInfo>("output") { Description = "The C# file to write (under obj/)." };
        var command = new Command("webhook-events", "Build step: write the C# of the events in x-webhooks (the parser's map and each event's EventTypeName, EventType, Payload, EventData).")
        {
            Hidden = true,
        };
        command.Arguments.Add(spec);
        command.Arguments.Add(output);
        command.SetAction(parse => WebhookEventsCommand.Run(parse.GetValue(spec)!.FullName, parse.GetValue(output)!.FullName, Console.Error));
        return command;
    }
}
