namespace Telnyx.Generated.SpecTool;

/// <summary>
/// A schema reduced to what reaches the wire: <c>$ref</c>s followed and <c>allOf</c> merged, so the curated
/// <c>description + allOf: [$ref]</c> and an official inline object compare equal when they accept the same JSON.
/// Descriptions, titles and examples are left out on purpose: they are documentation, not contract.
/// </summary>
internal sealed class FlatSchema
{
    public string? Type { get; set; }

    public string? Format { get; set; }

    public List<string>? Enum { get; set; }

    public string? Default { get; set; }

    public SortedDictionary<string, FlatSchema> Properties { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Required { get; } = new(StringComparer.Ordinal);

    public FlatSchema? Items { get; set; }

    /// <summary>Type, format and enum in one phrase for the report, e.g. <c>string (date-time)</c>.</summary>
    public string Describe()
    {
        var text = Type ?? "any";
        if (Format is not null)
        {
            text += $" ({Format})";
        }

        if (Enum is not null)
        {
            text += $" enum [{string.Join(", ", Enum)}]";
        }

        return text;
    }

    public static FlatSchema Flatten(SpecDocument document, object? node)
    {
        var schema = new FlatSchema();
        Merge(document, schema, node, new HashSet<string>(StringComparer.Ordinal));
        return schema;
    }

    private static void Merge(SpecDocument document, FlatSchema into, object? node, HashSet<string> expanding)
    {
        if (node is not Dictionary<string, object?> map)
        {
            return;
        }

        if (map.TryGetValue("$ref", out var r) && r is string reference)
        {
            // A recursive schema stops at the second visit; the first already contributed every field.
            if (expanding.Add(reference))
            {
                Merge(document, into, document.Pointer(reference), expanding);
                expanding.Remove(reference);
            }
        }

        into.Type ??= TypeOf(map);
        into.Format ??= map.GetValueOrDefault("format") as string;
        into.Default ??= Scalar(map.GetValueOrDefault("default"));
        if (into.Enum is null)
        {
            if (map.GetValueOrDefault("enum") is List<object?> values)
            {
                into.Enum = values.Select(v => Scalar(v) ?? "null").ToList();
            }
            else if (map.TryGetValue("const", out var constant))
            {
                into.Enum = [Scalar(constant) ?? "null"];
            }
        }

        if (map.GetValueOrDefault("required") is List<object?> required)
        {
            foreach (var name in required.OfType<string>())
            {
                into.Required.Add(name);
            }
        }

        if (map.GetValueOrDefault("properties") is Dictionary<string, object?> properties)
        {
            foreach (var (name, property) in properties)
            {
                if (!into.Properties.TryGetValue(name, out var target))
                {
                    into.Properties[name] = target = new FlatSchema();
                }

                Merge(document, target, property, expanding);
                target.Complete();
            }
        }

        if (map.TryGetValue("items", out var items))
        {
            into.Items ??= new FlatSchema();
            Merge(document, into.Items, items, expanding);
            into.Items.Complete();
        }

        if (map.GetValueOrDefault("allOf") is List<object?> parts)
        {
            foreach (var part in parts)
            {
                Merge(document, into, part, expanding);
            }
        }

        into.Complete();
    }

    // Telnyx sometimes leaves out `type: object` beside `properties`; it means the same JSON.
    private void Complete()
    {
        if (Type is null && Properties.Count > 0)
        {
            Type = "object";
        }
        else if (Type is null && Items is not null)
        {
            Type = "array";
        }
    }

    private static string? TypeOf(Dictionary<string, object?> map)
    {
        var types = new SortedSet<string>(StringComparer.Ordinal);
        switch (map.GetValueOrDefault("type"))
        {
            case string single:
                types.Add(single);
                break;
            case List<object?> many: // OpenAPI 3.1: type: [string, 'null']
                types.UnionWith(many.Select(t => Scalar(t) ?? "null"));
                break;
        }

        if (map.GetValueOrDefault("nullable") is "true")
        {
            types.Add("null"); // OpenAPI 3.0's spelling of the same thing
        }

        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (map.GetValueOrDefault(combinator) is List<object?> variants)
            {
                types.Add($"{combinator}[{variants.Count}]");
            }
        }

        return types.Count == 0 ? null : string.Join("|", types);
    }

    private static string? Scalar(object? value) => value switch
    {
        null => null,
        string s => s,
        List<object?> list => "[" + string.Join(", ", list.Select(Scalar)) + "]",
        Dictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => $"{kv.Key}: {Scalar(kv.Value)}")) + "}",
        _ => value.ToString(),
    };
}
