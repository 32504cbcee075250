using System.CommandLine;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// <c>import-webhook &lt;official-spec&gt; &lt;event_type&gt;</c>: copies one of Telnyx's webhooks into
/// spec/telnyx-webhooks.yaml the way the curated six are written: an envelope <c>{Key}Event</c> deriving from
/// <c>TelnyxWebhookEvent</c>, its <c>data</c> schema deriving from <c>WebhookEventData</c> (so <c>event_type</c> stays a
/// plain string), a payload sharing the call's fields through <c>CallEventPayload</c>, the schemas they need, and the
/// <c>x-webhooks</c> entry the build generates the typed event from. Exit codes as <c>import</c>: 0 imported, 1 imported
/// but drift remains, 2 nothing written (bad input, or already curated, so running it again changes nothing).
/// </summary>
internal static class ImportWebhookCommand
{
    public static Command Create()
    {
        var official = CommonArguments.OfficialSpec();
        var eventType = new Argument<string>("event_type") { Description = "The webhook's wire event_type, e.g. call.hangup." };
        var specDir = CommonArguments.SpecDir();
        var command = new Command("import-webhook", "Copy one of Telnyx's webhooks (by event_type), and the schemas it needs, into spec/telnyx-webhooks.yaml following its conventions, and list it on every curated operation Telnyx says produces it. Exit code 0: imported, 1: imported but drift remains, 2: nothing written (unusable input, unknown event type, or already curated).")
        {
            official, eventType, specDir,
        };
        command.SetAction(parse => Run(parse.GetValue(official)!.FullName, parse.GetValue(eventType)!, parse.GetValue(specDir)?.FullName, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string officialPath, string eventType, string? specDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            var specDir = SpecDirectory.Resolve(specDirectory);
            var webhooksFile = Path.Combine(specDir, SpecDirectory.WebhooksFile);
            var deviationsFile = Path.Combine(specDir, SpecDirectory.DeviationsFile);
            var official = SpecDocument.Load(officialPath);
            var spec = CuratedSpec.Load(specDir);
            var theirs = Find(official, eventType);
            if (spec.Events.FirstOrDefault(w => w.EventType == eventType || w.Key == theirs.Key) is { } existing)
            {
                throw new SpecInputException($"{eventType} is already curated in spec/{SpecDirectory.WebhooksFile} as {existing.Schema} (x-webhooks.{existing.Key}); nothing imported. Edit it there (`drift` shows how it differs from Telnyx's).");
            }

            var import = WebhookImport.Plan(spec.Webhooks.Document, theirs, eventType);
            var webhooks = File.ReadAllText(webhooksFile);
            var endsCall = ExpectedWebhooks.EndsCall(eventType) ? ", endsCall: true" : "";
            webhooks = YamlText.AppendToSection(webhooks, $"  {theirs.Key}: {{ eventType: {eventType}, schema: '{WebhookMap.SchemaPrefix}{import.Envelope}'{endsCall} }}\n", WebhookMap.Extension);
            webhooks = YamlText.AppendToSection(webhooks, YamlText.Entries(import.Importer.Added, 4), "components", "schemas");
            // Every curated operation whose description lists the event now lists it too, with its role: the same
            // spec whichever of import and import-webhook ran first.
            var actionsFile = spec.Actions.Path;
            var actions = ExpectedWebhooks.Refresh(File.ReadAllText(actionsFile), spec.Actions.Document, e => spec.Curates(e) || e == eventType);
            SpecFiles.Write(specDir, new Dictionary<string, string>
            {
                [SpecDirectory.WebhooksFile] = webhooks,
                [SpecDirectory.ActionsFile] = actions,
                [SpecDirectory.DeviationsFile] = DeviationsFile.Append(File.ReadAllText(deviationsFile), deviationsFile, import.Deviations, []),
            });
            var listedBy = CuratedSpec.Load(specDir).Operations
                .SelectMany(o => o.Webhooks.Where(w => w.EventType == eventType).Select(w => $"{o.OperationId} ({WebhookRoles.Name(w.Role)})")).ToList();

            var subject = $"webhook {theirs.Key}";
            output.WriteLine($"Imported webhook {theirs.Key} (event_type {eventType}) into {webhooksFile}:");
            output.WriteLine($"  x-webhooks: {theirs.Key} -> {import.Envelope}   (TelnyxWebhookVerifier.Unwrap and TelnyxWebhookParser.Parse return it for {eventType} once built)");
            output.WriteLine($"  data: {import.Data} : {WebhookMap.DataBase}; payload: {import.PayloadSummary}");
            output.WriteLine($"  {ExpectedWebhooks.Extension}: {(listedBy.Count == 0 ? "no curated operation lists it" : "listed by " + string.Join(", ", listedBy))}{(endsCall.Length == 0 ? "" : "; endsCall: true")}   (from Telnyx's Expected Webhooks; review the roles)");
            output.WriteLine($"  new schemas: {string.Join(", ", import.Importer.Added.Select(a => a.Key))}");
            if (import.Importer.Reused.Count > 0)
            {
                output.WriteLine($"  reused from spec/: {string.Join(", ", import.Importer.Reused)}");
            }

            foreach (var deviation in import.Deviations)
            {
                output.WriteLine($"  deviation added to {SpecDirectory.DeviationsFile}: `{deviation.Pattern}` ({deviation.Kind}): {deviation.Reason}");
            }

            if (import.Importer.InventedDescriptions.Count > 0)
            {
                output.WriteLine($"  descriptions made from names (Telnyx gave none; improve them): {string.Join(", ", import.Importer.InventedDescriptions)}");
            }

            var findings = DriftCommand.Findings(officialPath, specDir).Where(f => f.Subject == subject).ToList();
            foreach (var finding in findings)
            {
                output.WriteLine($"  drift: {finding}");
            }

            output.WriteLine(findings.Count == 0 ? $"drift: no drift for {subject}." : "drift remains after import: please report it.");
            output.WriteLine("Next: dotnet build Telnyx.Generated.sln (the event's class and its place in the parser are generated), then run the tests.");
            return findings.Count == 0 ? ExitCode.Ok : ExitCode.Drift;
        }
        catch (SpecInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCode.BadInput;
        }
    }

    private static OfficialWebhook Find(SpecDocument official, string eventType)
    {
        var all = OfficialWebhook.All(official);
        if (all.FirstOrDefault(w => w.EventType == eventType) is { } found)
        {
            return found;
        }

        if (all.FirstOrDefault(w => w.Key == eventType && w.EventType is not null) is { } byKey)
        {
            throw new SpecInputException($"'{eventType}' is Telnyx's key for the webhook whose event_type is {byKey.EventType}; pass the event_type: import-webhook <official-spec> {byKey.EventType}");
        }

        var closest = all.Select(w => w.EventType).OfType<string>()
            .OrderBy(t => Distance(t, eventType)).ThenBy(t => t, StringComparer.Ordinal).Take(3).ToList();
        throw new SpecInputException(closest.Count == 0
            ? $"{official.Path} has no webhooks with an event_type at all."
            : $"{official.Path} has no webhook with event_type '{eventType}'. Closest: {string.Join(", ", closest)}.");
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
