using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>An example found in a spec, wrapped up to the generated type it belongs to; or why it could not be mapped.</summary>
public sealed record SpecExample(string Where, Type Type, JToken Json, string? Problem = null);

/// <summary>
/// Finds every example in an OpenAPI document: schema examples (at any depth: a property's example is wrapped in its
/// parents up to the component, so it goes through the property's own attributes), response and request-body
/// examples. Official schema names map to ours.
/// </summary>
internal static class SpecExamples
{
    /// <summary>Official schema names (spec/upstream excerpt) that the curated spec renamed.</summary>
    public static readonly IReadOnlyDictionary<string, string> OfficialToCurated = new Dictionary<string, string>
    {
        ["ClientStateUpdateRequest"] = "UpdateClientStateRequest",
        ["SendDTMFRequest"] = "SendDtmfRequest",
        ["NoiseSuppressionStart"] = "StartNoiseSuppressionRequest",
        ["NoiseSuppressionStop"] = "StopNoiseSuppressionRequest",
        ["call-control_Errors"] = "TelnyxErrorResponse",
        ["call-control_Error"] = "TelnyxError",
    };

    /// <summary>Examples grouped by the component (or response/operation) that holds them.</summary>
    public static IEnumerable<(string Owner, List<SpecExample> Examples)> Find(JObject document, string source, Func<string, Type> typeOf)
    {
        if (document["components"]?["schemas"] is JObject schemas)
        {
            foreach (var schema in schemas.Properties())
            {
                var type = typeOf(schema.Name);
                var found = new List<SpecExample>();
                Walk((JObject)schema.Value, type, type, t => t, $"{source}#/components/schemas/{schema.Name}", found);
                yield return ($"{source} schema {schema.Name}", found);
            }
        }

        if (document["components"]?["responses"] is JObject responses)
        {
            foreach (var response in responses.Properties())
            {
                yield return ($"{source} response {response.Name}", Media((JObject)response.Value, $"{source}#/components/responses/{response.Name}", typeOf).ToList());
            }
        }

        foreach (var section in new[] { "paths", "webhooks" })
        {
            if (document[section] is not JObject paths)
            {
                continue;
            }

            foreach (var path in paths.Properties())
            {
                foreach (var operation in ((JObject)path.Value).Properties().Where(p => p.Value is JObject))
                {
                    var where = $"{source}#/{section}{path.Name}/{operation.Name}";
                    var found = new List<SpecExample>();
                    if (operation.Value["requestBody"] is JObject body)
                    {
                        found.AddRange(Media(body, where + "/requestBody", typeOf));
                    }

                    if (operation.Value["responses"] is JObject operationResponses)
                    {
                        foreach (var response in operationResponses.Properties())
                        {
                            found.AddRange(Media((JObject)response.Value, $"{where}/responses/{response.Name}", typeOf));
                        }
                    }

                    if (found.Count > 0)
                    {
                        yield return ($"{source} {section} {operation.Name.ToUpperInvariant()} {path.Name}", found);
                    }
                }
            }
        }
    }

    public static string CuratedName(string officialName) => OfficialToCurated.GetValueOrDefault(officialName, officialName);

    private static IEnumerable<SpecExample> Media(JObject responseOrBody, string where, Func<string, Type> typeOf)
    {
        if (responseOrBody["content"] is not JObject content)
        {
            yield break;
        }

        foreach (var media in content.Properties())
        {
            var examples = new List<(string, JToken)>();
            if (media.Value["example"] is { } example)
            {
                examples.Add(("example", example));
            }

            if (media.Value["examples"] is JObject named)
            {
                examples.AddRange(named.Properties().Select(p => ($"examples/{p.Name}", p.Value["value"]!)));
            }

            if (examples.Count == 0)
            {
                continue;
            }

            var reference = (string?)media.Value["schema"]?["$ref"]
                ?? throw new AssertionException($"{where}: examples on an inline schema; this test maps only $ref schemas to generated types");
            var type = typeOf(SpecFile.RefName(reference));
            foreach (var (name, value) in examples)
            {
                yield return new SpecExample($"{where}/content/{media.Name}/{name}", type, value);
            }
        }
    }

    private static void Walk(JObject schema, Type root, Type current, Func<JToken, JToken> wrap, string where, List<SpecExample> found)
    {
        if (schema["example"] is { } example)
        {
            found.Add(new SpecExample(where + "/example", root, wrap(example)));
        }

        if (schema["examples"] is JArray examples)
        {
            found.AddRange(examples.Select((e, i) => new SpecExample($"{where}/examples/{i}", root, wrap(e))));
        }

        if (schema["$ref"] is not null)
        {
            return; // the referenced component is walked on its own
        }

        foreach (var part in schema["allOf"] as JArray ?? [])
        {
            Walk((JObject)part, root, current, wrap, where + "/allOf", found);
        }

        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                var clr = FindProperty(current, property.Name);
                if (clr is null)
                {
                    // Reported by the test case of this schema, not thrown while NUnit enumerates the cases.
                    found.Add(new SpecExample(where, root, JValue.CreateNull(), $"{where}: property '{property.Name}' has no generated property on {current.Name}"));
                    continue;
                }

                var type = Nullable.GetUnderlyingType(clr.PropertyType) ?? clr.PropertyType;
                var name = property.Name;
                Walk((JObject)property.Value, root, type, t => wrap(new JObject { [name] = t }), $"{where}/properties/{name}", found);
            }
        }

        if (schema["items"] is JObject items)
        {
            var element = current.IsGenericType ? current.GetGenericArguments()[0]
                : throw new AssertionException($"{where}: array schema but {current} is not a list");
            Walk(items, root, element, t => wrap(new JArray(t)), where + "/items", found);
        }
    }

    private static PropertyInfo? FindProperty(Type type, string jsonName) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == jsonName);
}
