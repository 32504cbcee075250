using System.Text;
using NJsonSchema;
using NSwag;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// The operations of spec/telnyx-call-control.yaml, embedded in this assembly and read with NSwag's OpenAPI reader: the
/// emulator validates bodies against them and delivers the webhooks they list, and the CLI builds its commands from
/// them, so a spec change reaches all three.
/// </summary>
internal static class CallControlSpec
{
    public const string ResourceName = "telnyx-call-control.yaml";

    private const string WebhooksExtension = "x-telnyx-webhooks";

    /// <summary>Every operation of the embedded spec, by its action.</summary>
    public static IReadOnlyDictionary<string, SpecOperation> Operations { get; } = Read(EmbeddedText(ResourceName));

    /// <summary>Reads the operations of a spec in the curated format.</summary>
    public static Dictionary<string, SpecOperation> Read(string yaml)
    {
        // Parsing a string in memory: nothing to await, and a static initialiser cannot.
        var document = OpenApiYamlDocument.FromYamlAsync(yaml).GetAwaiter().GetResult();
        return document.Paths
            .SelectMany(path => path.Value.Select(operation => new SpecOperation(
                ActionName(path.Key, operation.Value),
                operation.Key.ToUpperInvariant(),
                path.Key,
                operation.Value,
                BodySchema(operation.Value),
                Webhooks(operation.Value))))
            .ToDictionary(operation => operation.Action, StringComparer.Ordinal);
    }

    /// <summary>A text resource embedded in this assembly (the two spec files).</summary>
    public static string EmbeddedText(string name)
    {
        using var stream = typeof(CallControlSpec).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded spec {name} is missing from {typeof(CallControlSpec).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ActionName(string path, OpenApiOperation operation)
    {
        var segments = path.Trim('/').Split('/');
        var actions = Array.IndexOf(segments, "actions");
        return actions >= 0 && actions == segments.Length - 2 ? segments[^1] : SnakeCase(operation.OperationId);
    }

    private static string SnakeCase(string pascal)
    {
        var name = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }

    // The map of event type to role, in delivery order: its keys are the events.
    private static string[] Webhooks(OpenApiOperation operation) =>
        operation.ExtensionData?.TryGetValue(WebhooksExtension, out var value) == true ? value switch
        {
            IDictionary<string, object?> map => [.. map.Keys],
            Newtonsoft.Json.Linq.JObject map => [.. map.Properties().Select(p => p.Name)],
            _ => [],
        } : [];

    // An operation without a JSON body takes an empty object, which is what the client sends it.
    private static JsonSchema BodySchema(OpenApiOperation operation) =>
        operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json) && json.Schema is { } schema
            ? schema.ActualSchema
            : new JsonSchema { Type = JsonObjectType.Object };
}
