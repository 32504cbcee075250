using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>One curated spec file and the namespace NSwag generates its schemas into (see generator/Telnyx.Generated.NSwag.targets).</summary>
internal sealed record SpecFile(string FileName, string Namespace)
{
    private static readonly Dictionary<string, JObject> Cache = new();

    public static readonly SpecFile CallControl = new("telnyx-call-control.yaml", "Telnyx.Generated");
    public static readonly SpecFile Webhooks = new("telnyx-webhooks.yaml", "Telnyx.Generated.Webhooks");
    public static readonly SpecFile[] All = [CallControl, Webhooks];

    public JObject Document
    {
        get
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(FileName, out var document))
                {
                    Cache[FileName] = document = YamlJson.Load(Repo.Path("spec", FileName));
                }

                return document;
            }
        }
    }

    public IEnumerable<(string Name, JObject Schema)> Schemas =>
        ((JObject)Document["components"]!["schemas"]!).Properties().Select(p => (p.Name, (JObject)p.Value));

    public JObject Schema(string name) => (JObject)Document["components"]!["schemas"]![name]!;

    /// <summary>The generated CLR type for a component schema of this file.</summary>
    public Type GeneratedType(string schemaName) =>
        typeof(TelnyxClient).Assembly.GetType($"{Namespace}.{schemaName}")
        ?? throw new AssertionException($"{FileName}: schema {schemaName} has no generated type {Namespace}.{schemaName}");

    public static string RefName(string reference)
    {
        const string prefix = "#/components/schemas/";
        Assert.That(reference, Does.StartWith(prefix), "only local component $refs are expected in spec/");
        return reference[prefix.Length..];
    }

    /// <summary>The properties a schema declares itself: its own plus those of inline allOf parts (a $ref part is the base class).</summary>
    public static IEnumerable<JProperty> OwnProperties(JObject schema)
    {
        var parts = new List<JObject> { schema };
        if (schema["allOf"] is JArray allOf)
        {
            parts.AddRange(allOf.OfType<JObject>().Where(p => p["$ref"] is null));
        }

        return parts.SelectMany(p => p["properties"] is JObject props ? props.Properties() : []);
    }

    public static IReadOnlySet<string> Required(JObject schema)
    {
        var parts = new List<JObject> { schema };
        if (schema["allOf"] is JArray allOf)
        {
            parts.AddRange(allOf.OfType<JObject>().Where(p => p["$ref"] is null));
        }

        return parts.SelectMany(p => p["required"] is JArray r ? r.Values<string>() : []).ToHashSet()!;
    }

    public static string? BaseSchema(JObject schema) =>
        schema["allOf"] is JArray allOf ? allOf.OfType<JObject>().Select(p => (string?)p["$ref"]).FirstOrDefault(r => r is not null) is { } r ? RefName(r) : null : null;

    /// <summary>
    /// The named schema a property refers to: a bare <c>$ref</c>, or <c>description</c> + <c>allOf: [$ref]</c>, which is
    /// how spec/ documents such a property (OpenAPI 3.0 ignores siblings of a bare $ref); NSwag generates the referenced type.
    /// </summary>
    public static string? PropertyRef(JToken schema) =>
        (string?)schema["$ref"] ?? (schema["allOf"] is JArray { Count: 1 } single ? (string?)single[0]?["$ref"] : null);

    public static bool IsStringEnum(JObject schema) => (string?)schema["type"] == "string" && schema["enum"] is JArray;

    /// <summary>A string enum, or an integer one (generated as an enum whose members are written as their numbers).</summary>
    public static bool IsEnum(JObject schema) => (string?)schema["type"] is "string" or "integer" && schema["enum"] is JArray;

    /// <summary>The CLR type NSwag is configured to produce for a property schema (nswag.json: List, DateTimeOffset, object for free-form).</summary>
    public Type ExpectedClrType(JObject schema, string where)
    {
        if (PropertyRef(schema) is { } reference)
        {
            return GeneratedType(RefName(reference));
        }

        // One schema wrapped in oneOf or anyOf is that schema.
        if ((schema["oneOf"] ?? schema["anyOf"]) is JArray { Count: 1 } single)
        {
            return ExpectedClrType((JObject)single[0], where);
        }

        // A value of one of several schemas (or a list or map of one): the C# type x-csharp-type says (Class.liquid).
        if ((string?)schema["x-csharp-type"] is { } csharp)
        {
            return csharp switch
            {
                "object" => typeof(object),
                "System.Collections.Generic.List<object>" => typeof(List<object>),
                "System.Collections.Generic.IDictionary<string, object>" => typeof(IDictionary<string, object>),
                _ => throw new AssertionException($"{where}: x-csharp-type '{csharp}' needs a mapping in this test"),
            };
        }

        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        Assert.That(schema["enum"], Is.Null, $"{where}: inline enums become anonymous types; give the enum a named schema");
        if (type is null && (schema["oneOf"] ?? schema["anyOf"]) is JArray { Count: > 0 } variants && variants.All(v => PropertyRef(v) is null && v["properties"] is null))
        {
            return typeof(object); // a choice between JSON types (Telnyx's `oneOf: [object, string]`): whatever JSON was sent
        }

        return type switch
        {
            "string" when format is "date-time" => typeof(DateTimeOffset),
            "string" when format is "uuid" => typeof(Guid),
            "string" when format is "uri" => typeof(Uri),
            "string" => typeof(string),
            "integer" when format is "int64" => typeof(long),
            "integer" => typeof(int),
            "number" when format is "float" => typeof(float),
            "number" when format is "decimal" => typeof(decimal),
            "number" => typeof(double),
            "boolean" => typeof(bool),
            "array" => typeof(List<>).MakeGenericType(ExpectedClrType((JObject)schema["items"]!, where + "[]")),
            "object" when schema["properties"] is null && schema["additionalProperties"] is JObject values => typeof(IDictionary<,>).MakeGenericType(typeof(string), ExpectedClrType(values, where + "{}")),
            "object" when schema["properties"] is null => typeof(object),
            _ => throw new AssertionException($"{where}: type '{type}' (format '{format}') needs a named schema or a mapping in this test"),
        };
    }
}
