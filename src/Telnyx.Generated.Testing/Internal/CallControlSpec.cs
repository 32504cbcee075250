using NJsonSchema;
using NSwag;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>One call action of the spec: its path segment (<c>refer</c>), HTTP method, operation and body schema.</summary>
internal sealed record SpecOperation(string Action, string Method, OpenApiOperation Operation, JsonSchema Body)
{
    /// <summary>Whether the body has a <c>command_id</c> (Telnyx ignores a repeat of one on the same call).</summary>
    public bool TakesCommandId => Body.ActualProperties.ContainsKey("command_id");
}

/// <summary>
/// The operations of spec/telnyx-call-control.yaml, embedded in this assembly and read with NSwag's OpenAPI reader: the
/// emulator validates bodies against them and the CLI builds its commands from them, so a spec change reaches both.
/// </summary>
internal static class CallControlSpec
{
    private const string ResourceName = "telnyx-call-control.yaml";

    /// <summary>Every operation, by its action (the last path segment).</summary>
    public static IReadOnlyDictionary<string, SpecOperation> Operations { get; } = Load();

    private static Dictionary<string, SpecOperation> Load()
    {
        using var stream = typeof(CallControlSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded spec {ResourceName} is missing from {typeof(CallControlSpec).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);

        // Parsing a string in memory: nothing to await, and a static initialiser cannot.
        var document = OpenApiYamlDocument.FromYamlAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
        return document.Paths
            .SelectMany(path => path.Value.Select(operation => new SpecOperation(
                path.Key[(path.Key.LastIndexOf('/') + 1)..],
                operation.Key.ToUpperInvariant(),
                operation.Value,
                BodySchema(operation.Value))))
            .ToDictionary(operation => operation.Action, StringComparer.Ordinal);
    }

    // An operation without a JSON body takes an empty object, which is what the client sends it.
    private static JsonSchema BodySchema(OpenApiOperation operation) =>
        operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json) && json.Schema is { } schema
            ? schema.ActualSchema
            : new JsonSchema { Type = JsonObjectType.Object };
}
