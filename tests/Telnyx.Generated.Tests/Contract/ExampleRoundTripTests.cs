using System.Collections;
using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>
/// Every example in spec/ and in Telnyx's own excerpt (spec/upstream) reads into the generated models with every
/// field landing in a typed property, and writes back to equivalent JSON.
/// </summary>
public class ExampleRoundTripTests
{
    private const string Excerpt = "telnyx-openapi-excerpt.yaml";

    public static IEnumerable<TestCaseData> CuratedSpecExamples() =>
        SpecFile.All.SelectMany(f => SpecExamples.Find(f.Document, "spec/" + f.FileName, f.GeneratedType))
            .Where(g => g.Examples.Count > 0)
            .Select(g => new TestCaseData(g.Examples).SetArgDisplayNames(g.Owner));

    // A schema without examples still yields a case when one of its properties has no generated counterpart.
    public static IEnumerable<TestCaseData> OfficialExcerptExamples() =>
        SpecExamples.Find(YamlJson.Load(Repo.OfficialExcerpt), Excerpt, CuratedType)
            .Where(g => g.Examples.Count > 0)
            .Select(g => new TestCaseData(g.Examples).SetArgDisplayNames(g.Owner));

    [TestCaseSource(nameof(CuratedSpecExamples))]
    public void Curated_spec_example_round_trips(List<SpecExample> examples) => AssertRoundTrips(examples);

    [TestCaseSource(nameof(OfficialExcerptExamples))]
    public void Official_excerpt_example_round_trips(List<SpecExample> examples) => AssertRoundTrips(examples);

    [Test]
    public void Official_webhook_deliveries_round_trip_through_the_event_type_the_spec_maps_them_to()
    {
        var file = (JObject)ParseWithoutDates(File.ReadAllText(Repo.WebhookExamples));
        var map = (JObject)SpecFile.Webhooks.Document["x-webhooks"]!;
        var examples = ((JObject)file["examples"]!).Properties().Select(p =>
        {
            var entry = map.Properties().SingleOrDefault(w => (string?)w.Value["eventType"] == p.Name)
                ?? throw new AssertionException($"x-webhooks has no eventType {p.Name}");
            return new SpecExample($"telnyx-webhook-examples.json {p.Name}", SpecFile.Webhooks.GeneratedType(SpecFile.RefName((string)entry.Value["schema"]!)), p.Value);
        }).ToList();
        Assert.That(examples, Has.Count.EqualTo(6));
        AssertRoundTrips(examples);
    }

    [Test]
    public void Official_names_map_to_curated_schemas()
    {
        var official = (JObject)YamlJson.Load(Repo.OfficialExcerpt)["components"]!["schemas"]!;
        var curated = SpecFile.All.SelectMany(f => f.Schemas.Select(s => s.Name)).ToHashSet();
        Assert.That(SpecExamples.OfficialToCurated.Keys, Is.SubsetOf(official.Properties().Select(p => p.Name)), "renamed official schemas still exist");
        Assert.That(official.Properties().Select(p => SpecExamples.CuratedName(p.Name)), Is.SubsetOf(curated), "every official schema has a curated counterpart");
    }

    private static Type CuratedType(string officialName)
    {
        var name = SpecExamples.CuratedName(officialName);
        var file = SpecFile.All.FirstOrDefault(f => f.Schemas.Any(s => s.Name == name))
            ?? throw new AssertionException($"official schema {officialName} has no curated schema {name} in spec/");
        return file.GeneratedType(name);
    }

    private static void AssertRoundTrips(List<SpecExample> examples)
    {
        Assert.Multiple(() =>
        {
            foreach (var example in examples)
            {
                if (example.Problem is not null)
                {
                    Assert.Fail(example.Problem);
                    continue;
                }

                var settings = TelnyxJson.ResponseSettings;
                var writeSettings = TelnyxJson.RequestSettings;
                if (example.Type.IsEnum && example.Json.Type == JTokenType.String)
                {
                    // A bare enum example has no property to carry the generated StringEnumConverter attribute.
                    settings = WithEnumStrings(settings);
                    writeSettings = WithEnumStrings(writeSettings);
                }

                object? model;
                try
                {
                    model = JsonConvert.DeserializeObject(example.Json.ToString(Formatting.None), example.Type, settings);
                }
                catch (JsonException e)
                {
                    Assert.Fail($"{example.Where}: does not read as {example.Type.Name}: {e.Message}");
                    continue;
                }

                Assert.That(model, Is.Not.Null, example.Where);
                var unmapped = new List<string>();
                CollectUnmapped(model, "$", unmapped);
                Assert.That(unmapped, Is.Empty, $"{example.Where}: JSON fields that landed in AdditionalProperties instead of a typed property");

                var written = JsonConvert.SerializeObject(model, writeSettings);
                var actual = ParseWithoutDates(written);
                var differences = new List<string>();
                Compare(example.Json, actual, "$", differences);
                Assert.That(differences, Is.Empty, $"{example.Where}: {example.Json.ToString(Formatting.None)} came back as {written}");
            }
        });
    }

    private static JsonSerializerSettings WithEnumStrings(JsonSerializerSettings settings)
    {
        var copy = new JsonSerializerSettings(settings);
        copy.Converters = [.. settings.Converters, new StringEnumConverter()];
        return copy;
    }

    private static JToken ParseWithoutDates(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Unknown fields are kept in AdditionalProperties (forward compatibility), so a round trip alone cannot catch a misnamed property.</summary>
    private static void CollectUnmapped(object? value, string path, List<string> unmapped)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is JToken)
        {
            return;
        }

        if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                CollectUnmapped(list[i], $"{path}[{i}]", unmapped);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                if (property.GetValue(value) is IDictionary<string, object> extra)
                {
                    unmapped.AddRange(extra.Keys.Select(k => $"{path}.{k}"));
                }
            }
            else if (property.GetCustomAttribute<JsonPropertyAttribute>() is { } json)
            {
                CollectUnmapped(property.GetValue(value), $"{path}.{json.PropertyName}", unmapped);
            }
        }
    }

    private static void Compare(JToken expected, JToken actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case JObject e when actual is JObject a:
                foreach (var name in e.Properties().Select(p => p.Name).Union(a.Properties().Select(p => p.Name)))
                {
                    if (e[name] is null || a[name] is null)
                    {
                        differences.Add($"{path}.{name}: {(e[name] is null ? "added" : "missing")}");
                    }
                    else
                    {
                        Compare(e[name]!, a[name]!, $"{path}.{name}", differences);
                    }
                }

                break;
            case JArray e when actual is JArray a:
                if (e.Count != a.Count)
                {
                    differences.Add($"{path}: {e.Count} items became {a.Count}");
                    break;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", differences);
                }

                break;
            case JValue e when actual is JValue a && e.Type is JTokenType.Integer or JTokenType.Float && a.Type is JTokenType.Integer or JTokenType.Float:
                if (Convert.ToDecimal(e.Value, CultureInfo.InvariantCulture) != Convert.ToDecimal(a.Value, CultureInfo.InvariantCulture))
                {
                    differences.Add($"{path}: {e} became {a}");
                }

                break;
            case JValue { Type: JTokenType.String } e when actual is JValue { Type: JTokenType.String } a:
                var (es, @as) = ((string)e!, (string)a!);
                if (es != @as && !(IsTimestamp(es, out var ei) && IsTimestamp(@as, out var ai) && ei == ai))
                {
                    differences.Add($"{path}: \"{es}\" became \"{@as}\"");
                }

                break;
            default:
                if (!JToken.DeepEquals(expected, actual))
                {
                    differences.Add($"{path}: {expected.ToString(Formatting.None)} became {actual.ToString(Formatting.None)}");
                }

                break;
        }
    }

    // occurred_at is read as a DateTimeOffset and written back in another ISO 8601 spelling: compare the instants.
    private static bool IsTimestamp(string text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length > 10 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant);
    }
}
