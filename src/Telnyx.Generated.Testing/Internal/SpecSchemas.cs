using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>One validation failure, in the terms Telnyx reports it.</summary>
internal sealed record SchemaError(string Code, string Title, string Detail, string Pointer);

/// <summary>
/// The request schemas of the curated spec (embedded from spec/telnyx-call-control.yaml), so the emulator rejects
/// exactly what the spec says Telnyx rejects and a spec change reaches it without a copied list.
/// </summary>
internal sealed class SpecSchemas
{
    private const string ResourceName = "telnyx-call-control.yaml";
    private readonly YamlMappingNode _schemas;
    private readonly Dictionary<string, (string Method, YamlMappingNode Schema)> _actions = new(StringComparer.Ordinal);

    private SpecSchemas(YamlMappingNode root)
    {
        _schemas = Map(Map(root, "components")!, "schemas")!;
        foreach (var (pathNode, operations) in Map(root, "paths")!.Children)
        {
            var path = ((YamlScalarNode)pathNode).Value!;
            var action = path[(path.LastIndexOf('/') + 1)..];
            foreach (var (methodNode, operation) in ((YamlMappingNode)operations).Children)
            {
                var schema = Map(Map(Map(Map((YamlMappingNode)operation, "requestBody")!, "content")!, "application/json")!, "schema")!;
                _actions[action] = (((YamlScalarNode)methodNode).Value!.ToUpperInvariant(), Resolve(schema));
            }
        }
    }

    public static SpecSchemas Instance { get; } = Load();

    /// <summary>The eight action names (last path segment) with their HTTP method.</summary>
    public IReadOnlyDictionary<string, string> Actions => _actions.ToDictionary(a => a.Key, a => a.Value.Method, StringComparer.Ordinal);

    public bool TryGetAction(string action, out string method)
    {
        var found = _actions.TryGetValue(action, out var entry);
        method = found ? entry.Method : string.Empty;
        return found;
    }

    /// <summary>Whether the action's body has a <c>command_id</c> (Telnyx ignores a repeat of one on the same call).</summary>
    public bool TakesCommandId(string action) =>
        Map(_actions[action].Schema, "properties") is { } properties && properties.Children.ContainsKey(new YamlScalarNode("command_id"));

    /// <summary>Checks a request body against the action's schema; the first failures in document order.</summary>
    public IReadOnlyList<SchemaError> Validate(string action, JsonElement body)
    {
        var errors = new List<SchemaError>();
        ValidateValue(_actions[action].Schema, body, string.Empty, errors);
        return errors;
    }

    private static SpecSchemas Load()
    {
        using var stream = typeof(SpecSchemas).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded spec {ResourceName} is missing from {typeof(SpecSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new SpecSchemas((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    private void ValidateValue(YamlMappingNode schema, JsonElement value, string pointer, List<SchemaError> errors)
    {
        schema = Resolve(schema);

        // A property that adds a description to a shared schema is written allOf: [$ref]; every part must hold.
        foreach (var part in Sequence(schema, "allOf")?.Children ?? [])
        {
            ValidateValue((YamlMappingNode)part, value, pointer, errors);
        }

        var type = Scalar(schema, "type");
        if (Sequence(schema, "enum") is { } allowed)
        {
            var values = allowed.Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
            if (value.ValueKind != JsonValueKind.String || !values.Contains(value.GetString()!, StringComparer.Ordinal))
            {
                errors.Add(new SchemaError("10032", "Invalid enumerated value", $"The value must be one of: {string.Join(", ", values)}.", PointerOrRoot(pointer)));
            }

            return;
        }

        switch (type)
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(TypeError(pointer, "an object"));
                    return;
                }

                var properties = Map(schema, "properties");
                foreach (var required in Sequence(schema, "required")?.Children ?? [])
                {
                    var name = ((YamlScalarNode)required).Value!;
                    if (!value.TryGetProperty(name, out var present) || present.ValueKind == JsonValueKind.Null
                        || (present.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(present.GetString())))
                    {
                        errors.Add(new SchemaError("10004", "Missing required parameter", $"The '{name}' parameter is required and cannot be blank.", $"{pointer}/{name}"));
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    // Unknown properties are ignored, as Telnyx does; explicit nulls mean "not set".
                    if (property.Value.ValueKind != JsonValueKind.Null && properties is not null
                        && properties.Children.TryGetValue(new YamlScalarNode(property.Name), out var propertySchema))
                    {
                        ValidateValue((YamlMappingNode)propertySchema, property.Value, $"{pointer}/{property.Name}", errors);
                    }
                }

                return;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(TypeError(pointer, "an array"));
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    ValidateValue((YamlMappingNode)schema.Children[new YamlScalarNode("items")], item, $"{pointer}/{index++}", errors);
                }

                return;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(TypeError(pointer, "a string"));
                }

                return;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(TypeError(pointer, "true or false"));
                }

                return;
            case "integer" or "number":
                if (value.ValueKind != JsonValueKind.Number || (type == "integer" && !value.TryGetInt64(out _)))
                {
                    errors.Add(TypeError(pointer, type == "integer" ? "an integer" : "a number"));
                    return;
                }

                var number = value.GetDouble();
                var minimum = Number(schema, "minimum");
                var maximum = Number(schema, "maximum");
                if ((minimum is { } min && number < min) || (maximum is { } max && number > max))
                {
                    errors.Add(new SchemaError("10033", "Value outside of range", $"The value is outside of allowed range {minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf"} to {maximum?.ToString(CultureInfo.InvariantCulture) ?? "inf"}", PointerOrRoot(pointer)));
                }

                return;
        }
    }

    private static SchemaError TypeError(string pointer, string expected) =>
        new("10015", "Invalid value", $"The value must be {expected}.", PointerOrRoot(pointer));

    private static string PointerOrRoot(string pointer) => pointer.Length == 0 ? "/" : pointer;

    private YamlMappingNode Resolve(YamlMappingNode schema)
    {
        while (Scalar(schema, "$ref") is { } reference)
        {
            schema = Map(_schemas, reference[(reference.LastIndexOf('/') + 1)..])
                ?? throw new InvalidOperationException($"The embedded spec references {reference}, which it does not define.");
        }

        return schema;
    }

    private static YamlMappingNode? Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    private static YamlSequenceNode? Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlSequenceNode : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    private static double? Number(YamlMappingNode node, string key) =>
        Scalar(node, key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
