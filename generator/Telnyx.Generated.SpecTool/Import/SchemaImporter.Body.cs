using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <content>How a schema of Telnyx's is written in ours: its facts, properties, items and variants, each named component imported once.</content>
internal sealed partial class SchemaImporter
{
    private void Body(IOpenApiSchema schema, string name, JsonObject into, string? at)
    {
        var type = schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : schema.Items is not null ? JsonSchemaType.Array : null);
        if (type is { } t && (t & ~JsonSchemaType.Null) is var nonNull and not 0)
        {
            into["type"] = nonNull.ToString().ToLowerInvariant();
            if (t.HasFlag(JsonSchemaType.Null))
            {
                into["nullable"] = true; // OpenAPI 3.0's spelling of 3.1's type: [x, 'null']
            }
        }

        Set(into, "format", schema.Format);
        if (schema.Default is { } defaultValue)
        {
            into["default"] = Clone(defaultValue);
            if (Clone(defaultValue) is null && type is { } declared && !declared.HasFlag(JsonSchemaType.Null) && at is not null)
            {
                LintDeviations.Add(new($"{at}/default", "oas3-valid-schema-example",
                    $"Telnyx's default `null` is not a value of its own schema ({declared.ToString().ToLowerInvariant()}, not nullable); kept as Telnyx wrote it, since drift compares defaults."));
            }
        }

        Set(into, "minimum", Number(schema.Minimum ?? schema.ExclusiveMinimum));
        Set(into, "exclusiveMinimum", schema.Minimum is null && schema.ExclusiveMinimum is not null ? true : null);
        Set(into, "maximum", Number(schema.Maximum ?? schema.ExclusiveMaximum));
        Set(into, "exclusiveMaximum", schema.Maximum is null && schema.ExclusiveMaximum is not null ? true : null);
        Set(into, "multipleOf", schema.MultipleOf is { } m ? JsonValue.Create(m) : null);
        Set(into, "minLength", schema.MinLength);
        Set(into, "maxLength", schema.MaxLength);
        Set(into, "pattern", schema.Pattern);
        Set(into, "minItems", schema.MinItems);
        Set(into, "maxItems", schema.MaxItems);
        Set(into, "uniqueItems", schema.UniqueItems == true ? true : null);
        Set(into, "deprecated", schema.Deprecated ? true : null);
        var values = schema.Enum is { Count: > 0 } ? schema.Enum.Select(Clone).ToList()
            : schema.Const is { } constant ? [JsonValue.Create(constant)]
            : null;
        if (values is not null)
        {
            into["enum"] = new JsonArray([.. values]);
            // One name per value, by position (NSwag leaves a null out of the C# enum but still counts it).
            var kinds = values.Where(v => v is not null).Select(v => v!.GetValueKind()).Distinct().ToList();
            if (kinds is [System.Text.Json.JsonValueKind.String] or [System.Text.Json.JsonValueKind.Number])
            {
                into["x-enumNames"] = new JsonArray([.. values.Select(v => (JsonNode)Naming.Pascal(v is null ? "null" : v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()))]);
            }
        }

        if (schema.Required is { Count: > 0 } required)
        {
            into["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        Set(into, "example", Clone(Example(schema)));
        if (schema.Properties is { Count: > 0 } properties)
        {
            var written = new JsonObject();
            foreach (var (property, propertySchema) in properties)
            {
                written[property] = Property(propertySchema, name, property, $"{at}/properties/{Pointer(property)}");
            }

            into["properties"] = written;
        }

        if (schema.Items is { } items)
        {
            into["items"] = Member(items, name + "Item", at + "/items");
        }

        if (!schema.AdditionalPropertiesAllowed)
        {
            into["additionalProperties"] = false;
        }
        else if (schema.AdditionalProperties is { } additional)
        {
            into["additionalProperties"] = Member(additional, name + "Value", at + "/additionalProperties");
        }

        foreach (var (keyword, parts) in new[] { ("allOf", schema.AllOf), ("oneOf", schema.OneOf), ("anyOf", schema.AnyOf) })
        {
            if (parts is { Count: > 0 })
            {
                into[keyword] = new JsonArray([.. parts.Select((p, i) => (JsonNode)Member(p, $"{name}{Naming.Pascal(keyword)}{i + 1}", $"{at}/{keyword}/{i}"))]);
            }
        }
    }

    // Telnyx writes the singular `example`, which the reader keeps in the member it marks obsolete for 3.1's `examples`.
#pragma warning disable CS0618
    private static JsonNode? Example(IOpenApiSchema schema) => schema.Example ?? schema.Examples?.FirstOrDefault();
#pragma warning restore CS0618

    // The reader stands a sentinel string in for a JSON null it read; written back, it is null again.
    private static JsonNode? Clone(JsonNode? value) => value is null || JsonNullSentinel.IsJsonNullSentinel(value) ? null : value.DeepClone();

    private string Invented(string where, string name)
    {
        InventedDescriptions.Add(where);
        return Naming.Sentence(name);
    }

    private static IOpenApiSchema Target(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Target ?? throw new SpecInputException($"$ref '{reference.Reference.ReferenceV3}' points to nothing.") : schema;

    // Names of extracted parts start from their owner without its "Request" or "Payload": HangupRequest.reason ->
    // HangupReason, CallHangupPayload.hangup_cause -> CallHangupHangupCause.
    private static string Stem(string owner) =>
        new[] { "Request", "Payload" }.FirstOrDefault(s => owner.EndsWith(s, StringComparison.Ordinal) && owner.Length > s.Length) is { } suffix ? owner[..^suffix.Length] : owner;

    private static string Pointer(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonNode? Number(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? JsonNode.Parse(text) : null;

    private static void Set(JsonObject into, string key, JsonNode? value)
    {
        if (value is not null)
        {
            into[key] = value;
        }
    }
}
