using System.Text.Json;
using YamlDotNet.Serialization;

namespace Telnyx.Generated.Conformance.Tests;

/// <summary>Reads the spec Prism serves, so the tests check against the same file rather than a copy of its facts.</summary>
internal sealed class ServedSpec(string path)
{
    private readonly Dictionary<object, object?> _root = (Dictionary<object, object?>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(path))!;

    public string FilePath { get; } = path;

    /// <summary>The HTTP method of the action (client_state_update is a PUT, the rest POST).</summary>
    public string Method(string action) => Operation(action).Method;

    /// <summary>Every property path the request body schema allows: <c>client_state</c>, <c>custom_headers[].name</c>, ...</summary>
    public SortedSet<string> RequestPropertyPaths(string action)
    {
        var (_, operation) = Operation(action);
        var schema = Get(Get(Get(Get(operation, "requestBody"), "content"), "application/json"), "schema");
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        CollectSchema(schema, "", paths);
        return paths;
    }

    /// <summary>The errors of the first 422 example, which Prism returns for <c>Prefer: code=422</c>.</summary>
    public IReadOnlyList<Dictionary<object, object?>> FirstErrorExample(string action)
    {
        var (_, operation) = Operation(action);
        var examples = (Dictionary<object, object?>)Get(Get(Get(Get(operation, "responses"), "422"), "content"), "application/json")!;
        var first = ((Dictionary<object, object?>)Get(examples, "examples")!).Values.First();
        return ((List<object?>)Get(Get(first, "value"), "errors")!).Cast<Dictionary<object, object?>>().ToList();
    }

    public static SortedSet<string> JsonPropertyPaths(string json)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        CollectJson(document.RootElement, "", paths);
        return paths;
    }

    private (string Method, object? Operation) Operation(string action)
    {
        var item = (Dictionary<object, object?>)Get(Get(_root, "paths"), $"/calls/{{call_control_id}}/actions/{action}")!;
        var method = item.ContainsKey("put") ? "put" : "post";
        return (method.ToUpperInvariant(), item[method]);
    }

    private object? Get(object? node, string key)
    {
        node = Deref(node);
        return node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) ? Deref(value) : null;
    }

    private object? Deref(object? node)
    {
        while (node is Dictionary<object, object?> map && map.TryGetValue("$ref", out var r) && r is string reference)
        {
            node = reference[2..].Split('/').Aggregate<string, object?>(_root, (n, key) => ((Dictionary<object, object?>)n!)[key]);
        }

        return node;
    }

    private void CollectSchema(object? schema, string prefix, SortedSet<string> paths)
    {
        schema = Deref(schema);
        if (schema is not Dictionary<object, object?> map)
        {
            return;
        }

        foreach (var part in map.GetValueOrDefault("allOf") as List<object?> ?? [])
        {
            CollectSchema(part, prefix, paths);
        }

        if (Deref(map.GetValueOrDefault("items")) is { } items)
        {
            CollectSchema(items, prefix + "[]", paths);
        }

        foreach (var (name, property) in map.GetValueOrDefault("properties") as Dictionary<object, object?> ?? [])
        {
            var path = prefix.Length == 0 ? (string)name : $"{prefix}.{name}";
            paths.Add(path);
            CollectSchema(property, path, paths);
        }
    }

    private static void CollectJson(JsonElement element, string prefix, SortedSet<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                paths.Add(path);
                CollectJson(property.Value, path, paths);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectJson(item, prefix + "[]", paths);
            }
        }
    }
}
