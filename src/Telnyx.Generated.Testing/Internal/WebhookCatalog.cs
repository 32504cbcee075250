using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using NSwag;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// The events spec/telnyx-webhooks.yaml curates (its <c>x-webhooks</c>), each with the example of its <c>data</c> object,
/// from which the emulator builds every delivery of that event.
/// </summary>
internal sealed class WebhookCatalog
{
    public const string ResourceName = "telnyx-webhooks.yaml";

    private readonly Dictionary<string, string> _examples;

    private WebhookCatalog(Dictionary<string, string> examples) => _examples = examples;

    /// <summary>Every curated event type, in the spec's order.</summary>
    public IReadOnlyCollection<string> EventTypes => _examples.Keys;

    public bool Contains(string eventType) => _examples.ContainsKey(eventType);

    /// <summary>A fresh copy of the example <c>data</c> object of a curated event.</summary>
    public JsonObject Data(string eventType) => (JsonObject)JsonNode.Parse(_examples[eventType])!;

    /// <summary>Reads a webhook spec in the curated format: <c>x-webhooks</c> maps each key to its eventType and schema.</summary>
    public static WebhookCatalog Read(string yaml)
    {
        var document = OpenApiYamlDocument.FromYamlAsync(yaml).GetAwaiter().GetResult();
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        var webhooks = document.ExtensionData?.TryGetValue("x-webhooks", out var map) == true ? JObject.FromObject(map!) : [];
        foreach (var (key, entry) in webhooks)
        {
            var eventType = (string?)entry?["eventType"] ?? throw new InvalidOperationException($"x-webhooks.{key} has no eventType.");
            var reference = (string?)entry?["schema"] ?? throw new InvalidOperationException($"x-webhooks.{key} has no schema.");
            var schema = document.Components.Schemas.TryGetValue(reference[(reference.LastIndexOf('/') + 1)..], out var found) ? found
                : throw new InvalidOperationException($"x-webhooks.{key} refers to {reference}, which is not a schema of the webhook spec.");
            var data = schema.ActualProperties.TryGetValue("data", out var property) || schema.InheritedSchema?.ActualProperties.TryGetValue("data", out property) == true
                ? SpecExample.Of(property!) as JObject
                : null;
            data ??= [];
            data["event_type"] = eventType;
            examples[eventType] = data.ToString(Newtonsoft.Json.Formatting.None);
        }

        return new WebhookCatalog(examples);
    }
}
