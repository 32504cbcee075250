using System.Text.Json.Nodes;
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
    private const string EnvelopeBase = "TelnyxWebhookEvent";
    private const string DataBase = "WebhookEventData";
    private const string PayloadBase = "CallEventPayload";

    public static int Run(string officialPath, string eventType, string? specDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            var specDir = specDirectory ?? DriftCommand.FindSpecDirectory()
                ?? throw new SpecInputException($"Cannot find spec/{DriftCommand.ActionsFile} above {Environment.CurrentDirectory}; pass --spec-dir.");
            var webhooksFile = Path.Combine(specDir, DriftCommand.WebhooksFile);
            var deviationsFile = Path.Combine(specDir, DriftCommand.DeviationsFile);
            var official = SpecDocument.Load(officialPath);
            var curated = SpecDocument.Load(webhooksFile);
            var theirs = Find(official, eventType);
            if (WebhookMap.Read(curated).FirstOrDefault(w => w.EventType == eventType || w.Key == theirs.Key) is { } existing)
            {
                throw new SpecInputException($"{eventType} is already curated in spec/{DriftCommand.WebhooksFile} as {existing.Schema} (x-webhooks.{existing.Key}); nothing imported. Edit it there (`drift` shows how it differs from Telnyx's).");
            }

            var import = new WebhookImport(curated.Document, theirs, eventType);
            var webhooks = File.ReadAllText(webhooksFile);
            var endsCall = ExpectedWebhooks.EndsCall(eventType) ? ", endsCall: true" : "";
            webhooks = YamlText.AppendToSection(webhooks, $"  {theirs.Key}: {{ eventType: {eventType}, schema: '{WebhookMap.SchemaPrefix}{import.Envelope}'{endsCall} }}\n", WebhookMap.Extension);
            webhooks = YamlText.AppendToSection(webhooks, YamlText.Entries(import.Importer.Added, 4), "components", "schemas");
            var deviations = DeviationRows.Append(File.ReadAllText(deviationsFile), import.Deviations);
            Check(Path.Combine(specDir, DriftCommand.ActionsFile), webhooks, deviations);
            WriteBoth(webhooksFile, webhooks, deviationsFile, deviations);

            var subject = $"webhook {theirs.Key}";
            output.WriteLine($"Imported webhook {theirs.Key} (event_type {eventType}) into {webhooksFile}:");
            output.WriteLine($"  x-webhooks: {theirs.Key} -> {import.Envelope}   (TelnyxWebhookVerifier.Unwrap and TelnyxWebhookParser.Parse return it for {eventType} once built)");
            output.WriteLine($"  data: {import.Data} : {DataBase}; payload: {import.PayloadSummary}");
            output.WriteLine($"  new schemas: {string.Join(", ", import.Importer.Added.Select(a => a.Key))}");
            if (import.Importer.Reused.Count > 0)
            {
                output.WriteLine($"  reused from spec/: {string.Join(", ", import.Importer.Reused)}");
            }

            foreach (var deviation in import.Deviations)
            {
                output.WriteLine($"  deviation added to {DriftCommand.DeviationsFile}: `{deviation.Pattern}` ({deviation.Kind}): {deviation.Reason}");
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
            return findings.Count == 0 ? ImportCommand.Imported : DriftCommand.Drift;
        }
        catch (SpecInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return DriftCommand.BadInput;
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

    // Both files are checked as the tool and the build will read them before either is written.
    private static void Check(string actionsFile, string webhooks, string deviations)
    {
        var folder = Directory.CreateTempSubdirectory("telnyx-import-webhook-").FullName;
        try
        {
            var webhooksCopy = Path.Combine(folder, DriftCommand.WebhooksFile);
            var deviationsCopy = Path.Combine(folder, DriftCommand.DeviationsFile);
            File.WriteAllText(webhooksCopy, webhooks);
            File.WriteAllText(deviationsCopy, deviations);
            var curated = CuratedSpec.Read(SpecDocument.Load(actionsFile), SpecDocument.Load(webhooksCopy));
            WebhookEventsCode.Generate(curated);
            OperationsCode.Generate(curated);
            Deviation.Load(deviationsCopy);
        }
        catch (SpecInputException e)
        {
            throw new SpecInputException($"the import would leave spec/ unusable, so nothing was written (please report it): {e.Message}", e);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteBoth(string firstPath, string first, string secondPath, string second)
    {
        var before = File.ReadAllText(firstPath);
        try
        {
            File.WriteAllText(firstPath, first);
            if (File.ReadAllText(secondPath) != second)
            {
                File.WriteAllText(secondPath, second);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.WriteAllText(firstPath, before);
            throw new SpecInputException($"cannot write spec/: {e.Message}; nothing was changed.", e);
        }
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

    /// <summary>What one webhook becomes in spec/: the schemas to add (in the importer) and the deviations they need.</summary>
    private sealed class WebhookImport
    {
        private static readonly string[] DataFields = ["event_type", "id", "occurred_at", "record_type"];
        private readonly OpenApiDocument _curated;
        private readonly string _eventType;

        public WebhookImport(OpenApiDocument curated, OfficialWebhook theirs, string eventType)
        {
            _curated = curated;
            _eventType = eventType;
            foreach (var required in new[] { EnvelopeBase, DataBase, PayloadBase })
            {
                if (curated.Components?.Schemas?.ContainsKey(required) != true)
                {
                    throw new SpecInputException($"spec/{DriftCommand.WebhooksFile} has no {required} schema, which every webhook derives from.");
                }
            }

            if (theirs.Data is null || Resolve(theirs.Payload) is not { } payload)
            {
                throw new SpecInputException($"Telnyx's {eventType} ({theirs.Key}) has no data.payload in its schema; import-webhook copies call events, whose payload carries the call's fields.");
            }

            if (payload.Properties is not { Count: > 0 } && payload.AllOf is not { Count: > 0 })
            {
                throw new SpecInputException($"Telnyx's {eventType} ({theirs.Key}) has a data.payload without properties; there is nothing to type.");
            }

            var name = Naming.Pascal(theirs.Key);
            Envelope = name + "Event";
            Data = name;
            Importer = new SchemaImporter(curated);
            foreach (var taken in new[] { Envelope, Data })
            {
                if (curated.Components!.Schemas!.ContainsKey(taken))
                {
                    throw new SpecInputException($"spec/ already has a schema named {taken}; the names of an imported webhook are Telnyx's key in PascalCase ({name}) plus Event.");
                }

                Importer.Added[taken] = null; // reserved first, so the envelope and data come first in the file
            }

            var payloadReference = Payload(theirs, name);
            Importer.Added[Data] = Component(Resolve(theirs.Data)!, Data, $"The `data` object of the `{eventType}` webhook.", DataBase, DataFields, "payload",
                Documented($"The `payload` of the `{eventType}` webhook.", payloadReference), example: true);
            Importer.Added[Envelope] = Component(Resolve(theirs.Body)!, Envelope, $"The `{eventType}` webhook as delivered.", EnvelopeBase, [], "data",
                Documented($"The `data` object of the `{eventType}` webhook.", WebhookMap.SchemaPrefix + Data), example: false);
        }

        public string Envelope { get; }

        public string Data { get; }

        public SchemaImporter Importer { get; }

        public List<Deviation> Deviations { get; } = [];

        public string PayloadSummary { get; private set; } = "";

        // The call's fields are shared through CallEventPayload when Telnyx's payload has them as strings, so Payload
        // reads them on every call event; a field it lacks (call.recording.saved has no call_control_id) or a difference
        // C# cannot see (nullable, a string format) is a row in DEVIATIONS.md. A payload with none of them, or one typed
        // otherwise, is a class of its own, and the event's Payload stays null.
        private string Payload(OfficialWebhook theirs, string name)
        {
            var payload = Resolve(theirs.Payload)!;
            var payloadName = name + "Payload";
            var shared = _curated.Components!.Schemas![PayloadBase].Properties ?? new Dictionary<string, IOpenApiSchema>();
            var properties = payload.Properties ?? new Dictionary<string, IOpenApiSchema>();
            var required = payload.Required ?? new HashSet<string>();
            var present = shared.Keys.Where(properties.ContainsKey).ToList();
            var unshared = payload.AllOf is { Count: > 0 } || payload.OneOf is { Count: > 0 } || payload.AnyOf is { Count: > 0 }
                ? "it is composed (allOf/oneOf/anyOf)"
                : present.Count == 0 ? $"it has none of {PayloadBase}'s fields"
                : present.FirstOrDefault(required.Contains) is { } mandatory ? $"it requires {mandatory}"
                : present.FirstOrDefault(k => !SameForCSharp(properties[k], shared[k], k, theirs.Key)) is { } different ? $"its {different} is not a string"
                : null;
            foreach (var missing in unshared is null ? shared.Keys.Except(present) : [])
            {
                Deviations.Add(new Deviation($"webhook {theirs.Key} data.payload.{missing}", DriftKind.Extra,
                    $"Telnyx's payload for this event has no `{missing}`; it derives from `{PayloadBase}` all the same, so `Payload` reads the call fields it does carry as on every event, and `Payload.{Naming.Pascal(missing)}` is null for it."));
            }

            if (unshared is not null)
            {
                Deviations.Clear();
                if (Importer.Added.ContainsKey(payloadName) || _curated.Components.Schemas.ContainsKey(payloadName))
                {
                    throw new SpecInputException($"spec/ already has a schema named {payloadName}.");
                }

                var reference = Importer.Reference(theirs.Payload!, payloadName, rename: true, $"The `payload` of the `{_eventType}` webhook.");
                PayloadSummary = $"{payloadName}, not a {PayloadBase} because {unshared}: the event's Payload is null, {payloadName} has its fields";
                return reference;
            }

            var own = properties.Where(p => !shared.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            if (own.Count == 0)
            {
                Importer.Reused.Add(PayloadBase);
                PayloadSummary = $"{PayloadBase} itself (Telnyx's payload has no other fields)";
                return WebhookMap.SchemaPrefix + PayloadBase;
            }

            Importer.Added[payloadName] = null;
            var part = Importer.Inline(new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = own,
                Required = new HashSet<string>(required.Where(own.ContainsKey)),
            }, payloadName);
            Importer.Added[payloadName] = new JsonObject
            {
                ["title"] = payload.Title ?? Naming.Title(payloadName),
                ["description"] = payload.Description ?? $"The `payload` of the `{_eventType}` webhook.",
                ["type"] = "object",
                ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = WebhookMap.SchemaPrefix + PayloadBase }, part),
            };
            PayloadSummary = $"{payloadName} : {PayloadBase} (the event's Payload.CallControlId, ClientState, ... read it)";
            return WebhookMap.SchemaPrefix + payloadName;
        }

        // Telnyx's field means what ours does to a C# string? property; a nullable or a string format is a deviation.
        private bool SameForCSharp(IOpenApiSchema theirs, IOpenApiSchema ours, string property, string key)
        {
            var their = WireContract.OfSchema(theirs).Nodes;
            var our = WireContract.OfSchema(ours).Nodes;
            if (their.Count != 1 || our.Count != 1 || their[""].Facts.GetValueOrDefault(DriftKind.Type) != "string")
            {
                return false;
            }

            var member = Naming.Pascal(property);
            foreach (var kind in their[""].Facts.Keys.Union(our[""].Facts.Keys))
            {
                var value = their[""].Facts.GetValueOrDefault(kind);
                if (value == our[""].Facts.GetValueOrDefault(kind))
                {
                    continue;
                }

                var reason = kind switch
                {
                    DriftKind.Nullable when value is not null =>
                        $"Telnyx marks it nullable for this event; shared through `{PayloadBase}`, so `Payload.{member}` reads it as on every event, and its `string?` reads a JSON null all the same.",
                    DriftKind.Format when value is not null =>
                        $"`format: {value}` dropped: shared through `{PayloadBase}` as a plain string, so `Payload.{member}` reads it as on every event (NSwag would type this event's alone, `System.Guid` for uuid); a string loses nothing.",
                    _ => null,
                };
                if (reason is null)
                {
                    return false;
                }

                Deviations.Add(new Deviation($"webhook {key} data.payload.{property}", kind, reason));
            }

            return true;
        }

        // title, description, type, example, then allOf: [base, {the named property, and any field Telnyx adds here}].
        private JsonObject Component(IOpenApiSchema theirs, string name, string description, string baseSchema, string[] inherited, string property, JsonObject documented, bool example)
        {
            var own = Properties(theirs).DistinctBy(p => p.Key).Where(p => p.Key != property && !inherited.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            var part = own.Count == 0
                ? new JsonObject { ["type"] = "object" }
                : Importer.Inline(new OpenApiSchema { Type = JsonSchemaType.Object, Properties = own }, name);
            var properties = new JsonObject { [property] = documented };
            if (part["properties"] is JsonObject more)
            {
                foreach (var key in more.Select(p => p.Key).ToList())
                {
                    var moved = more[key];
                    more.Remove(key);
                    properties[key] = moved;
                }
            }

            part["properties"] = properties;
            var component = new JsonObject
            {
                ["title"] = theirs.Title ?? Naming.Title(name),
                ["description"] = description,
                ["type"] = "object",
            };
#pragma warning disable CS0618 // Telnyx writes the singular `example`, kept in the member marked obsolete for 3.1's `examples`
            if (example && theirs.Example is { } value && !JsonNullSentinel.IsJsonNullSentinel(value))
            {
                component["example"] = value.DeepClone();
            }
#pragma warning restore CS0618

            component["allOf"] = new JsonArray(new JsonObject { ["$ref"] = WebhookMap.SchemaPrefix + baseSchema }, part);
            return component;
        }

        private static JsonObject Documented(string description, string reference) =>
            new() { ["description"] = description, ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = reference }) };

        // The properties a schema declares, its allOf parts' included, references followed.
        private static IEnumerable<KeyValuePair<string, IOpenApiSchema>> Properties(IOpenApiSchema? schema, int depth = 0) =>
            Resolve(schema) is not { } target || depth > 32
                ? []
                : (target.Properties ?? new Dictionary<string, IOpenApiSchema>()).Concat((target.AllOf ?? []).SelectMany(p => Properties(p, depth + 1)));

        private static IOpenApiSchema? Resolve(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Target : schema;
    }
}
