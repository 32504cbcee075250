using System.Text;
using NJsonSchema;
using NSwag;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// The operations of spec/telnyx-call-control.yaml, embedded in this assembly and read with NSwag's OpenAPI reader for
/// what the generated model does not carry: request-body schemas (validation), paths (routing), example responses.
/// What an operation delivers is not read here: <see cref="Read"/> is given it, from the spec model.
/// </summary>
internal static class CallControlSpec
{
    public const string ResourceName = "telnyx-call-control.yaml";

    /// <summary>Reads the operations of a spec in the curated format, each with the webhooks <paramref name="webhooks"/> gives its operationId (none by default).</summary>
    public static Dictionary<string, EmulatedOperation> Read(string yaml, Func<string, IReadOnlyList<EmulatedWebhook>>? webhooks = null)
    {
        // Parsing a string in memory: nothing to await, and a static initialiser cannot.
        var document = OpenApiYamlDocument.FromYamlAsync(yaml).GetAwaiter().GetResult();
        return document.Paths
            .SelectMany(path => path.Value.Select(operation => new EmulatedOperation(
                ActionName(path.Key, operation.Value),
                operation.Key.ToUpperInvariant(),
                path.Key,
                operation.Value,
                BodySchema(operation.Value),
                webhooks?.Invoke(operation.Value.OperationId) ?? [])))
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

    // An operation without a JSON body takes an empty object, which is what the client sends it.
    private static JsonSchema BodySchema(OpenApiOperation operation) =>
        operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json) && json.Schema is { } schema
            ? schema.ActualSchema
            : new JsonSchema { Type = JsonObjectType.Object };
}
