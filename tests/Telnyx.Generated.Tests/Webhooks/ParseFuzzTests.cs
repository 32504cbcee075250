using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// Differential fuzzing of TelnyxWebhookParser against <see cref="NewtonsoftOracle"/> over structurally mutated
/// example bodies (values of other JSON types, nulls, removed, duplicated, renamed and added properties, unknown fields
/// with scalar and other values, odd dates, escapes, numbers at the Int32 limits): Parse always gives what a plain
/// JsonConvert.DeserializeObject with the models' settings gives, or a TelnyxWebhookParseException where that throws.
/// </summary>
public class ParseFuzzTests
{
    private static readonly string[] Examples = LoadExamples();

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-0", "1", "100", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "1.0", "1e2", "1E400", "0.5", "\"\"", "\"x\"", "\"100\"", "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD83C\\uDFA7\"",
        "\"\\u0041\\u0000\"", "\"a\\\"b\\\\c\\/\"", "\"zoë 🎧\"", "[]", "[1,\"x\"]", "{}", "{\"x\":1}", "{\"event_type\":\"siprec.failed\"}",
        "\"2020-03-30T13:29:42.130013Z\"", "\"2020-03-30T13:29:42Z\"", "\"2020-03-30T13:29:42.1300130Z\"", "\"2020-03-30T13:29:42\"",
        "\"2020-03-30\"", "\"2020-03-30t13:29:42z\"", "\"2020-03-30T13:29:42+01:00\"", "\"2020-03-30T13:29:42-00:00\"",
        "\"2020-03-30T24:00:00Z\"", "\"2020-02-30T13:29:42Z\"", "\"2020\\u002d03-30T13:29:42Z\"", "\"9999-12-31T23:59:59.999999Z\"",
        "\"call.refer.started\"", "\"call.refer.failed\"", "\"siprec.started\"", "\"call.hangup\"",
    ];

    // Unknown values: mostly the scalars stored as extension data, some of the kinds Newtonsoft reads otherwise.
    private static readonly string[] UnknownValues =
    [
        "null", "true", "false", "0", "-0", "42", "-7", "2147483648", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "1.5", "1e3", "\"\"", "\"x\"", "\"2020-03-30T13:29:42.130013Z\"", "\"2020-03-30\"", "\"12\"",
        "\"true\"", "\"\\uD83C\\uDFA7 zoë\"", "\"\\uD800\"", "{}", "[1]",
    ];

    // Names no model has (some match one ignoring case, or are Newtonsoft metadata).
    private static readonly string[] UnknownNames =
    [
        "added_later", "x", "new_field", "\\u0078tra", "region", "call_quality", "z9", "Attempt", "ID", "TO", "$id", "eventtype",
    ];

    private static readonly string[] Names =
    [
        "data", "meta", "event_type", "id", "occurred_at", "payload", "record_type", "attempt", "delivered_to",
        "call_control_id", "sip_notify_response", "hangup_cause", "failure_cause", "from", "to", "$id", "$type", "EventType",
    ];

    [FsCheckProperty(MaxTest = 300)]
    public void MutatedExamples_ParseAgreesWithNewtonsoft(int example, int[] edits, string? text)
    {
        var body = Parse(Examples[Index(example, Examples.Length)]);
        for (int i = 0; i + 2 < Math.Min(edits.Length, 12); i += 3)
        {
            Mutate(body, edits[i], edits[i + 1], edits[i + 2], text);
        }

        string json = body.ToJson();
        bool modelled = NewtonsoftOracle.AssertAgrees(Encoding.UTF8.GetBytes(json), json, json);
        if (edits.Length < 3)
        {
            Assert.That(modelled, Is.True, "an unmutated example parses into its event class");
        }
    }

    [Test]
    public void SeededMutations_ParseAgreesWithNewtonsoft([Values(1, 2)] int seed)
    {
        var random = new Random(seed);
        int modelled = 0;
        int other = 0;
        for (int i = 0; i < 1500; i++)
        {
            var body = Parse(Examples[random.Next(Examples.Length)]);
            int edits = 1 + random.Next(2);
            for (int e = 0; e < edits; e++)
            {
                Mutate(body, random.Next(), random.Next(), random.Next(), random.Next(4) == 0 ? "x\u00e9\uD800\"\\" : null);
            }

            string json = body.ToJson();
            if (NewtonsoftOracle.AssertAgrees(Encoding.UTF8.GetBytes(json), json, $"seed {seed} iteration {i}: {json}"))
            {
                modelled++;
            }
            else
            {
                other++;
            }
        }

        TestContext.Out.WriteLine($"modelled events {modelled}, unknown events or refused {other}");
        Assert.That(modelled, Is.GreaterThan(200), "too few mutations still parsed into a modelled event");
        Assert.That(other, Is.GreaterThan(200), "too few mutations changed the event type or broke the envelope");
    }

    private static int Index(int value, int count) => (int)((uint)value % (uint)count);

    /// <summary>One edit on one member of the body, chosen by <paramref name="where"/> among all members at any depth.</summary>
    private static void Mutate(JsonObject body, int where, int what, int value, string? text)
    {
        var members = new List<(JsonObject Owner, int Index)>();
        body.Collect(members);
        string newValue = text is not null && Index(value, Values.Length + 1) == Values.Length
            ? JsonConvert.ToString(text)
            : Values[Index(value, Values.Length)];
        if (members.Count == 0)
        {
            body.Members.Add((Names[Index(value, Names.Length)], newValue));
            return;
        }

        var (owner, index) = members[Index(where, members.Count)];
        var (name, current) = owner.Members[index];
        switch (Index(what, 12))
        {
            case 8:
            case 9:
            case 10:
            case 11:
                // A field the spec does not name, as Telnyx may add: kept in AdditionalProperties.
                owner.Members.Insert(Index(value, owner.Members.Count + 1), (UnknownNames[Index(what / 12, UnknownNames.Length)], UnknownValues[Index(value / 7, UnknownValues.Length)]));
                break;
            case 0:
            case 1:
                owner.Members[index] = (name, newValue);
                break;
            case 2:
                owner.Members.RemoveAt(index);
                break;
            case 3:
                owner.Members.Insert(index + 1, (name, current is JsonObject nested ? nested.Clone() : current));
                break;
            case 4:
                owner.Members.Insert(Index(value, owner.Members.Count + 1), (name, newValue));
                break;
            case 5:
                owner.Members[index] = (Rename(name, value, text), current);
                break;
            case 6:
                owner.Members.Insert(Index(value, owner.Members.Count + 1), (Names[Index(value, Names.Length)], newValue));
                break;
            default:
                // Move: event_type away from the front, meta before data.
                owner.Members.RemoveAt(index);
                owner.Members.Insert(Index(value, owner.Members.Count + 1), (name, current));
                break;
        }
    }

    private static string Rename(string name, int how, string? text) => Index(how, 6) switch
    {
        0 => name.ToUpperInvariant(),
        1 => char.ToUpperInvariant(name[0]) + name[1..],
        2 => name + "x",
        3 => text ?? name[..^1],
        4 => "\\u" + ((int)name[0]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + name[1..],
        _ => Names[Index(how / 6, Names.Length)],
    };

    private static string[] LoadExamples()
    {
        var bodies = WebhookFixtures.ReferenceExamples.Properties().Select(p => p.Value.ToString(Formatting.None)).ToList();
        bodies.Add(WebhookFixtures.Body);
        return [.. bodies];
    }

    private static JsonObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JsonObject.From(JObject.Load(reader));
    }

    /// <summary>A JSON object that can hold duplicate names and raw (possibly invalid) value text, unlike JObject.</summary>
    private sealed class JsonObject
    {
        // A member's name is raw text between the quotes (so escapes survive); its value a JsonObject or raw JSON text.
        public List<(string Name, object Value)> Members { get; } = [];

        public static JsonObject From(JObject source)
        {
            var result = new JsonObject();
            foreach (var property in source.Properties())
            {
                result.Members.Add((property.Name, property.Value is JObject nested ? From(nested) : property.Value.ToString(Formatting.None)));
            }

            return result;
        }

        public JsonObject Clone()
        {
            var clone = new JsonObject();
            clone.Members.AddRange(Members.Select(m => (m.Name, m.Value is JsonObject nested ? (object)nested.Clone() : m.Value)));
            return clone;
        }

        public void Collect(List<(JsonObject Owner, int Index)> into)
        {
            for (int i = 0; i < Members.Count; i++)
            {
                into.Add((this, i));
                if (Members[i].Value is JsonObject nested)
                {
                    nested.Collect(into);
                }
            }
        }

        public string ToJson()
        {
            var text = new StringBuilder("{");
            foreach (var (name, value) in Members)
            {
                if (text.Length > 1)
                {
                    text.Append(',');
                }

                text.Append('"').Append(name).Append("\":").Append(value is JsonObject nested ? nested.ToJson() : (string)value);
            }

            return text.Append('}').ToString();
        }
    }
}
