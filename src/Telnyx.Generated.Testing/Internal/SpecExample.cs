using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// The spec's example of a value: the schema's own <c>example</c>, else (for an object) one made of its properties'
/// examples. Telnyx gives some request bodies and most responses no example of their own, but most fields one; a
/// required field with none gets its default, its first enum value, or NJsonSchema's sample value.
/// </summary>
internal static class SpecExample
{
    /// <summary>The example, or null when neither the schema nor any of its properties has one.</summary>
    public static JToken? Of(JsonSchema schema) => Of(schema, []);

    private static JToken? Of(JsonSchema schema, HashSet<JsonSchema> seen)
    {
        var actual = schema.ActualSchema;
        if ((schema.Example ?? actual.Example) is { } example)
        {
            return Typed(JToken.FromObject(example), actual);
        }

        // A documented reference (description + allOf: [$ref]) has the example of what it refers to.
        if (actual.AllOf.Count == 1 && actual.Properties.Count == 0)
        {
            return Of(actual.AllOf.First(), seen);
        }

        if (!seen.Add(actual))
        {
            return null; // a recursive schema: its example is where it started
        }

        try
        {
            var composed = new JObject();
            foreach (var (name, property) in Properties(actual))
            {
                if ((Of(property, seen) ?? (property.IsRequired ? StandIn(property) : null)) is { } value)
                {
                    composed[name] = value;
                }
            }

            return composed.Count > 0 ? composed
                : actual.Item is { } item && Of(item, seen) is { } itemExample ? new JArray(itemExample)
                : null;
        }
        finally
        {
            seen.Remove(actual);
        }
    }

    // The YAML reader gives every scalar of an example as a string: 500 for an integer field becomes "500". Each
    // becomes what its schema says, so an example body passes the schema it illustrates.
    private static JToken Typed(JToken value, JsonSchema schema)
    {
        var actual = schema.ActualTypeSchema;
        switch (value)
        {
            case JObject o:
                foreach (var property in o.Properties().ToList())
                {
                    if (Properties(actual).FirstOrDefault(p => p.Key == property.Name).Value is { } field)
                    {
                        property.Value = Typed(property.Value, field);
                    }
                }

                return o;
            case JArray a when actual.Item is { } item:
                return new JArray(a.Select(element => Typed(element, item)));
            case JValue { Type: JTokenType.String } v:
                var text = (string)v!;
                var type = actual.Type;
                return type.HasFlag(JsonObjectType.Integer) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var integer) ? new JValue(integer)
                    : type.HasFlag(JsonObjectType.Number) && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) ? new JValue(number)
                    : type.HasFlag(JsonObjectType.Boolean) && bool.TryParse(text, out var flag) ? new JValue(flag)
                    : v;
            default:
                return value;
        }
    }

    private static JToken StandIn(JsonSchemaProperty property) =>
        property.ActualSchema.Default is { } value ? JToken.FromObject(value)
        : property.ActualSchema.Enumeration.FirstOrDefault() is { } first ? JToken.FromObject(first)
        : new NJsonSchema.Generation.SampleJsonDataGenerator().Generate(property);

    // Its own properties, those of its allOf parts, and those of the base schema it extends.
    private static IEnumerable<KeyValuePair<string, JsonSchemaProperty>> Properties(JsonSchema schema) =>
        (schema.InheritedSchema is { } inherited ? Properties(inherited.ActualSchema) : []).Concat(schema.ActualProperties);
}
