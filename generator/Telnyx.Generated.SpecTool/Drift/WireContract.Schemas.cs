using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <content>The facts of a schema: its own, and those of its allOf parts, properties, items and variants, merged as the wire sees them.</content>
internal sealed partial class WireContract
{
    // `expanding` holds the referenced schemas being walked, so a schema that contains itself stops at the second visit.
    private void AddSchema(IOpenApiSchema? schema, string location, bool root, HashSet<IOpenApiSchema>? expanding = null)
    {
        Merge(schema, location, root, expanding ?? new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance));
        var node = Nodes[location];
        if (!node.Facts.ContainsKey(DriftKind.Type) && (node.HasProperties || node.HasItems))
        {
            // Telnyx sometimes leaves out `type: object` beside `properties`; it means the same JSON.
            node.Facts[DriftKind.Type] = node.HasProperties ? "object" : "array";
        }
    }

    private void Merge(IOpenApiSchema? schema, string location, bool root, HashSet<IOpenApiSchema> expanding)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            var target = reference.Target ?? throw new SpecInputException($"$ref '{reference.Reference.ReferenceV3}' points to nothing.");
            if (expanding.Add(target))
            {
                Merge(target, location, root, expanding);
                expanding.Remove(target);
            }

            return;
        }

        if (schema is null)
        {
            return;
        }

        var facts = Nodes[location].Facts;
        if (schema.Type is { } type)
        {
            if ((type & ~JsonSchemaType.Null) is var nonNull and not 0)
            {
                facts.TryAdd(DriftKind.Type, string.Join("|", Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && nonNull.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal)));
            }

            if (type.HasFlag(JsonSchemaType.Null))
            {
                facts.TryAdd(DriftKind.Nullable, "true");
            }
        }

        TryAdd(facts, DriftKind.Format, schema.Format);
        TryAdd(facts, DriftKind.Pattern, schema.Pattern);
        TryAdd(facts, DriftKind.Minimum, Number(schema.Minimum));
        TryAdd(facts, DriftKind.Maximum, Number(schema.Maximum));
        TryAdd(facts, DriftKind.ExclusiveMinimum, Number(schema.ExclusiveMinimum));
        TryAdd(facts, DriftKind.ExclusiveMaximum, Number(schema.ExclusiveMaximum));
        TryAdd(facts, DriftKind.MultipleOf, Number(schema.MultipleOf?.ToString(CultureInfo.InvariantCulture)));
        TryAdd(facts, DriftKind.MinLength, schema.MinLength?.ToString(CultureInfo.InvariantCulture));
        TryAdd(facts, DriftKind.MaxLength, schema.MaxLength?.ToString(CultureInfo.InvariantCulture));
        TryAdd(facts, DriftKind.MinItems, schema.MinItems?.ToString(CultureInfo.InvariantCulture));
        TryAdd(facts, DriftKind.MaxItems, schema.MaxItems?.ToString(CultureInfo.InvariantCulture));
        TryAdd(facts, DriftKind.UniqueItems, schema.UniqueItems == true ? "true" : null);
        TryAdd(facts, DriftKind.Deprecated, schema.Deprecated ? "true" : null);
        // The JSON text keeps the JSON type: a default of "100" (string) differs from 100 (number).
        TryAdd(facts, DriftKind.Default, schema.Default is null ? null : Json(schema.Default));
        var values = schema.Enum is { Count: > 0 } ? schema.Enum.Select(Json)
            : schema.Const is { } constant ? [JsonValue.Create(constant).ToJsonString()]
            : null;
        TryAdd(facts, DriftKind.Enum, values is null ? null : string.Join("\n", values.Order(StringComparer.Ordinal)));
        foreach (var (kind, variants) in new[] { (DriftKind.OneOf, schema.OneOf), (DriftKind.AnyOf, schema.AnyOf) })
        {
            var contracts = (variants ?? []).Select(v => OfSchema(v, expanding)).ToList();
            // A choice between bare types is a type list: the reader writes 3.0's oneOf [string, number] as 3.1's type [string, number].
            if (contracts.Count > 0 && contracts.All(c => c.Nodes.Count == 1 && c.Nodes[""].Facts.Keys.SequenceEqual([DriftKind.Type])))
            {
                var types = contracts.SelectMany(c => c.Nodes[""].Facts[DriftKind.Type].Split('|')).Order(StringComparer.Ordinal).Distinct();
                facts.TryAdd(DriftKind.Type, string.Join("|", types));
            }
            else if (contracts.Count > 0)
            {
                facts.TryAdd(kind, string.Join("\n", contracts.Select(c => c.ToString()).Order(StringComparer.Ordinal)));
            }
        }

        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            Add(Child(location, root, name), location, $"property '{name}'").Facts[DriftKind.Required] = "true";
        }

        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Nodes[location].HasProperties = true;
            var child = Child(location, root, name);
            Add(child, location, $"property '{name}'");
            AddSchema(property, child, root: false, expanding);
        }

        if (schema.Items is { } items)
        {
            Nodes[location].HasItems = true;
            Add(location + "[]", location, "array items");
            AddSchema(items, location + "[]", root: false, expanding);
        }

        if (!schema.AdditionalPropertiesAllowed)
        {
            facts.TryAdd(DriftKind.AdditionalProperties, "false");
        }
        else if (schema.AdditionalProperties is { } additional)
        {
            Add(location + "{}", location, "additional properties");
            AddSchema(additional, location + "{}", root: false, expanding);
        }

        foreach (var part in schema.AllOf ?? [])
        {
            Merge(part, location, root, expanding);
        }
    }

    // oneOf/anyOf variants compare as a set of whole contracts: order and names do not matter, content does.
    private static WireContract OfSchema(IOpenApiSchema schema, HashSet<IOpenApiSchema>? expanding)
    {
        var contract = new WireContract();
        contract.Add("", null, "schema");
        contract.AddSchema(schema, "", root: true, expanding);
        return contract;
    }

    // The reader stands a sentinel string in for a JSON null it read.
    private static string Json(JsonNode? value) => value is null || JsonNullSentinel.IsJsonNullSentinel(value) ? "null" : value.ToJsonString();

    private static void TryAdd(SortedDictionary<string, string> facts, string kind, string? value)
    {
        if (value is not null)
        {
            facts.TryAdd(kind, value);
        }
    }

    // 3.0 files write `maximum: 1.0` where 3.1 files write `1`: the same bound.
    private static string? Number(string? value) =>
        value is not null && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("0.#############################", CultureInfo.InvariantCulture)
            : value;
}
