using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// Turns Telnyx's schemas into ours (OpenAPI 3.0, our conventions): a schema that means the same as one spec/ already
/// has is reused by <c>$ref</c>; every other object or enum becomes a named component, inline ones too (NSwag would
/// otherwise invent names), and every other schema (a union, a plain string, a list) is written in place; every enum
/// gets <c>x-enumNames</c>, every property a description, and a documented reference is written <c>description</c> +
/// <c>allOf: [$ref]</c>.
/// </summary>
internal sealed partial class SchemaImporter
{
    private const string SchemaPrefix = "#/components/schemas/";
    private const string CSharpTypeExtension = "x-csharp-type";
    private readonly Dictionary<string, string> _ours = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ourNames;
    private readonly Dictionary<string, string> _imported = new(StringComparer.Ordinal);

    public SchemaImporter(OpenApiDocument curated)
    {
        _ourNames = new HashSet<string>(curated.Components?.Schemas?.Keys ?? [], StringComparer.Ordinal);
        foreach (var (name, schema) in curated.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            _ours.TryAdd(WireContract.OfSchema(schema).ToString(), name);
        }
    }

    /// <summary>New components, in the order they were first needed.</summary>
    public JsonObject Added { get; } = [];

    /// <summary>Components of spec/ reused instead of copied.</summary>
    public SortedSet<string> Reused { get; } = new(StringComparer.Ordinal);

    /// <summary>Places where Telnyx gave no description and one was made from the name: worth a human look.</summary>
    public List<string> InventedDescriptions { get; } = [];

    /// <summary>Values copied exactly from Telnyx that a lint rule rejects (a default its own schema does not allow).</summary>
    public List<LintDeviation> LintDeviations { get; } = [];

    /// <summary>
    /// A <c>$ref</c> to our component for <paramref name="schema"/>. A new one is named <paramref name="name"/> when
    /// <paramref name="rename"/> is set or Telnyx's schema is inline, else after Telnyx's component.
    /// </summary>
    public string Reference(IOpenApiSchema schema, string name, bool rename = false, string? description = null)
    {
        var officialId = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (!rename && officialId is not null)
        {
            name = Naming.Pascal(officialId);
        }

        if (officialId is not null && _imported.TryGetValue(officialId, out var known))
        {
            return SchemaPrefix + known;
        }

        // A renamed schema (a request body, named after its operation) is the operation's own C# type, never a shared one.
        if (!rename && _ours.TryGetValue(WireContract.OfSchema(schema).ToString(), out var same))
        {
            Reused.Add(same);
            return SchemaPrefix + same;
        }

        if (_ourNames.Contains(name) || Added.ContainsKey(name))
        {
            throw new SpecInputException($"spec/ already has a different schema named '{name}'; rename one of them (for the request body: --operation-id).");
        }

        // Reserved before the body is built, so a recursive schema refers to itself instead of recursing for ever.
        Added[name] = null;
        if (officialId is not null)
        {
            _imported[officialId] = name;
        }

        Added[name] = Component(Target(schema), name, description);
        return SchemaPrefix + name;
    }

    private JsonObject Component(IOpenApiSchema schema, string name, string? description)
    {
        var component = new JsonObject { ["title"] = schema.Title ?? Naming.Title(name) };
        component["description"] = schema.Description ?? description ?? Invented(name, schema.Title ?? Naming.Title(name));
        Body(schema, name, component, SchemaPrefix + name);
        return component;
    }

    private JsonObject Property(IOpenApiSchema schema, string owner, string property, string at)
    {
        var description = schema.Description ?? Target(schema).Description ?? Invented($"{owner}.{property}", property);
        var name = Stem(owner) + Naming.Pascal(property);
        if (IsComponent(schema))
        {
            return new JsonObject { ["description"] = description, ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = Reference(schema, name) }) };
        }

        var result = new JsonObject { ["description"] = description };
        var target = Target(schema);
        var csharpType = IsUnion(target) ? "object"
            : target.Items is { } items && IsUnion(items) ? "System.Collections.Generic.List<object>"
            : target.AdditionalProperties is { } values && IsUnion(values) ? "System.Collections.Generic.IDictionary<string, object>"
            : null;
        if (csharpType is not null)
        {
            result[CSharpTypeExtension] = csharpType;
        }

        Body(target, name, result, at);
        return result;
    }

    /// <summary>An items, additionalProperties, oneOf or parameter schema: a reference when it needs a name, else in place.</summary>
    public JsonObject Member(IOpenApiSchema schema, string name, string? at = null)
    {
        if (IsComponent(schema))
        {
            return new JsonObject { ["$ref"] = Reference(schema, name) };
        }

        var result = new JsonObject();
        Body(Target(schema), name, result, at);
        return result;
    }

    /// <summary>A schema written in place whatever it holds: the inline part beside an allOf base.</summary>
    public JsonObject Inline(IOpenApiSchema schema, string name)
    {
        var result = new JsonObject();
        Body(schema, name, result, at: null);
        return result;
    }

    // What becomes a named component, a C# type NSwag generates under that name: an object (with properties or allOf
    // parts) or a string or integer enum. Anything else is written in place even where Telnyx names it (VoiceConfig, a
    // string): NSwag generates no type for a plain string, list or map, so its name would be one C# does not have.
    private static bool IsComponent(IOpenApiSchema schema)
    {
        var target = Target(schema);
        return !IsUnion(target)
            && (target.Properties is { Count: > 0 } || target.AllOf is { Count: > 0 }
                || (target.Enum is { Count: > 0 } && target.Type is { } type && (type.HasFlag(JsonSchemaType.String) || type.HasFlag(JsonSchemaType.Integer))));
    }

    // A value of one of several schemas (oneOf/anyOf: Telnyx's Loopcount is a string or an integer, voice_settings one of
    // seven providers' objects). No C# class is that: NSwag types such a property as its first variant (so the others
    // cannot be sent) and names a reference to one after the property without generating it (CS0246). So a union is
    // written in place, never as a component, and the property holding it (itself, or a list or map of it) says its
    // C# type in x-csharp-type, which Class.liquid uses: object, which Newtonsoft writes as whatever value it holds.
    private static bool IsUnion(IOpenApiSchema schema)
    {
        var target = Target(schema);
        return (target.OneOf?.Count ?? 0) + (target.AnyOf?.Count ?? 0) > 1 && target.Properties is not { Count: > 0 };
    }
}
