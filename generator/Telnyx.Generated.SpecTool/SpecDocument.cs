using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// An OpenAPI document (3.0 or 3.1, YAML or JSON) as plain nodes: mappings are <see cref="Dictionary{TKey,TValue}"/>,
/// sequences <see cref="List{T}"/>, scalars their text. Plain nodes keep the comparison independent of which
/// parser read which side, so the curated YAML and an official JSON file compare alike.
/// </summary>
internal sealed class SpecDocument
{
    private SpecDocument(string path, Dictionary<string, object?> root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public Dictionary<string, object?> Root { get; }

    public static SpecDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecInputException($"Spec file not found: {path}");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecInputException($"Cannot read {path}: {e.Message}", e);
        }

        object? root;
        try
        {
            // JSON is read as JSON: a YAML 1.1 parser trips over some valid JSON (escapes, tabs) in multi-MB files.
            root = text.TrimStart().StartsWith('{') ? FromJson(text) : FromYaml(text);
        }
        catch (Exception e) when (e is JsonException or YamlException or ArgumentException or InvalidCastException)
        {
            throw new SpecInputException($"{path} is neither valid JSON nor valid YAML: {e.Message}", e);
        }

        if (root is not Dictionary<string, object?> map || !map.TryGetValue("openapi", out var version) || version is not string)
        {
            throw new SpecInputException($"{path} is not an OpenAPI document (no top-level 'openapi' version).");
        }

        return new SpecDocument(path, map);
    }

    /// <summary>Follows <c>$ref</c>s (local JSON pointers) until the node is not a reference.</summary>
    public object? Deref(object? node)
    {
        var seen = new HashSet<string>();
        while (node is Dictionary<string, object?> map && map.TryGetValue("$ref", out var r) && r is string reference)
        {
            if (!seen.Add(reference))
            {
                throw new SpecInputException($"{Path}: $ref cycle at {reference}");
            }

            node = Pointer(reference);
        }

        return node;
    }

    /// <summary>Resolves a local reference such as <c>#/components/schemas/ReferRequest</c>.</summary>
    public object? Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new SpecInputException($"{Path}: only local $refs are supported, found '{reference}'.");
        }

        object? node = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var key = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(key, out node))
            {
                throw new SpecInputException($"{Path}: $ref '{reference}' points to nothing.");
            }
        }

        return node;
    }

    private static object? FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => Convert(kv.Value)),
        YamlSequenceNode s => s.Children.Select(Convert).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "~" or "null" or "Null" or "NULL" } => null,
        YamlScalarNode sc => sc.Value,
        _ => null,
    };

    private static object? FromJson(string text)
    {
        using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Convert(json.RootElement);
    }

    private static object? Convert(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => Convert(g.Last().Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(), // numbers and booleans as written: 100, 0.5, true
    };
}
