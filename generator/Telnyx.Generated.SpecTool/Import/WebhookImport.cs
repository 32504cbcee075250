using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// What one webhook becomes in spec/telnyx-webhooks.yaml, the way the curated ones are written: an envelope
/// <c>{Key}Event</c> deriving from <c>TelnyxWebhookEvent</c>, its <c>data</c> schema deriving from
/// <c>WebhookEventData</c> (so <c>event_type</c> stays a plain string), a payload sharing the call's fields through
/// <c>CallEventPayload</c>, the schemas they need (in the importer) and the deviations they take.
/// </summary>
internal sealed class WebhookImport
{
    private static readonly string[] DataFields = ["event_type", "id", "occurred_at", "record_type"];
    private readonly OpenApiDocument _curated;
    private readonly string _eventType;

    private WebhookImport(OpenApiDocument curated, string eventType, string name)
    {
        _curated = curated;
        _eventType = eventType;
        Envelope = name + "Event";
        Data = name;
        Importer = new SchemaImporter(curated);
    }

    /// <summary>The schemas and deviations that import the webhook; nothing is written.</summary>
    public static WebhookImport Plan(OpenApiDocument curated, OfficialWebhook theirs, string eventType)
    {
        foreach (var required in new[] { WebhookMap.EnvelopeBase, WebhookMap.DataBase, WebhookMap.PayloadBase })
        {
            if (curated.Components?.Schemas?.ContainsKey(required) != true)
            {
                throw new SpecInputException($"spec/{SpecDirectory.WebhooksFile} has no {required} schema, which every webhook derives from.");
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
        var import = new WebhookImport(curated, eventType, name);
        foreach (var taken in new[] { import.Envelope, import.Data })
        {
            if (curated.Components!.Schemas!.ContainsKey(taken))
            {
                throw new SpecInputException($"spec/ already has a schema named {taken}; the names of an imported webhook are Telnyx's key in PascalCase ({name}) plus Event.");
            }

            import.Importer.Added[taken] = null; // reserved first, so the envelope and data come first in the file
        }

        var payloadReference = import.Payload(theirs, name);
        import.Importer.Added[import.Data] = import.Component(Resolve(theirs.Data)!, import.Data, $"The `data` object of the `{eventType}` webhook.", WebhookMap.DataBase, DataFields, "payload",
            Documented($"The `payload` of the `{eventType}` webhook.", payloadReference), example: true);
        import.Importer.Added[import.Envelope] = import.Component(Resolve(theirs.Body)!, import.Envelope, $"The `{eventType}` webhook as delivered.", WebhookMap.EnvelopeBase, [], "data",
            Documented($"The `data` object of the `{eventType}` webhook.", WebhookMap.SchemaPrefix + import.Data), example: false);
        return import;
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
        var shared = _curated.Components!.Schemas![WebhookMap.PayloadBase].Properties ?? new Dictionary<string, IOpenApiSchema>();
        var properties = payload.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var required = payload.Required ?? new HashSet<string>();
        var present = shared.Keys.Where(properties.ContainsKey).ToList();
        var kept = present.Select(k => (Field: k, Rows: SharedDeviations(properties[k], shared[k], k, theirs.Key))).ToList();
        var unshared = payload.AllOf is { Count: > 0 } || payload.OneOf is { Count: > 0 } || payload.AnyOf is { Count: > 0 }
            ? "it is composed (allOf/oneOf/anyOf)"
            : present.Count == 0 ? $"it has none of {WebhookMap.PayloadBase}'s fields"
            : present.FirstOrDefault(required.Contains) is { } mandatory ? $"it requires {mandatory}"
            : kept.FirstOrDefault(k => k.Rows is null).Field is { } different ? $"its {different} is not a string"
            : null;
        if (unshared is null)
        {
            Deviations.AddRange(kept.SelectMany(k => k.Rows!));
            foreach (var missing in shared.Keys.Except(present))
            {
                Deviations.Add(new Deviation($"webhook {theirs.Key} data.payload.{missing}", DriftKind.Extra,
                    $"Telnyx's payload for this event has no `{missing}`; it derives from `{WebhookMap.PayloadBase}` all the same, so `Payload` reads the call fields it does carry as on every event, and `Payload.{Naming.Pascal(missing)}` is null for it."));
            }
        }

        if (unshared is not null)
        {
            if (Importer.Added.ContainsKey(payloadName) || _curated.Components.Schemas.ContainsKey(payloadName))
            {
                throw new SpecInputException($"spec/ already has a schema named {payloadName}.");
            }

            var reference = Importer.Reference(theirs.Payload!, payloadName, rename: true, $"The `payload` of the `{_eventType}` webhook.");
            PayloadSummary = $"{payloadName}, not a {WebhookMap.PayloadBase} because {unshared}: the event's Payload is null, {payloadName} has its fields";
            return reference;
        }

        var own = properties.Where(p => !shared.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        if (own.Count == 0)
        {
            Importer.Reused.Add(WebhookMap.PayloadBase);
            PayloadSummary = $"{WebhookMap.PayloadBase} itself (Telnyx's payload has no other fields)";
            return WebhookMap.SchemaPrefix + WebhookMap.PayloadBase;
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
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = WebhookMap.SchemaPrefix + WebhookMap.PayloadBase }, part),
        };
        PayloadSummary = $"{payloadName} : {WebhookMap.PayloadBase} (the event's Payload.CallControlId, ClientState, ... read it)";
        return WebhookMap.SchemaPrefix + payloadName;
    }

    // The deviations that share Telnyx's field as ours, when it means what ours does to a C# string? property (a
    // nullable or a string format is a deviation); null when it does not.
    private static List<Deviation>? SharedDeviations(IOpenApiSchema theirs, IOpenApiSchema ours, string property, string key)
    {
        var their = WireContract.OfSchema(theirs).Nodes;
        var our = WireContract.OfSchema(ours).Nodes;
        if (their.Count != 1 || our.Count != 1 || their[""].Facts.GetValueOrDefault(DriftKind.Type) != "string")
        {
            return null;
        }

        var rows = new List<Deviation>();
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
                    $"Telnyx marks it nullable for this event; shared through `{WebhookMap.PayloadBase}`, so `Payload.{member}` reads it as on every event, and its `string?` reads a JSON null all the same.",
                DriftKind.Format when value is not null =>
                    $"`format: {value}` dropped: shared through `{WebhookMap.PayloadBase}` as a plain string, so `Payload.{member}` reads it as on every event (NSwag would type this event's alone, `System.Guid` for uuid); a string loses nothing.",
                _ => null,
            };
            if (reason is null)
            {
                return null;
            }

            rows.Add(new Deviation($"webhook {key} data.payload.{property}", kind, reason));
        }

        return rows;
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
