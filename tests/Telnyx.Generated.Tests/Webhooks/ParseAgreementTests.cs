using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;
using YamlDotNet.RepresentationModel;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// Hand-picked bodies (every example, junk, duplicates, nulls, values of other JSON types, odd dates, escapes, unknown
/// fields): Parse gives exactly what <see cref="NewtonsoftOracle"/> gives.
/// </summary>
public class ParseAgreementTests
{
    private static IEnumerable<TestCaseData> ReferenceExamples()
    {
        foreach (var example in WebhookFixtures.ReferenceExamples.Properties())
        {
            yield return new TestCaseData(example.Value.ToString(Formatting.None)).SetArgDisplayNames(example.Name, "compact");
            yield return new TestCaseData(example.Value.ToString(Formatting.Indented)).SetArgDisplayNames(example.Name, "indented");
        }

        yield return new TestCaseData(Body).SetArgDisplayNames("fixture", "with meta");
    }

    /// <summary>Each spec schema's example as the <c>data</c> of a body, with the WebhookMeta example as <c>meta</c>.</summary>
    private static IEnumerable<TestCaseData> SpecExamples()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Repo.Path("spec", "telnyx-webhooks.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var schemas = (YamlMappingNode)((YamlMappingNode)root["components"])["schemas"];
        var meta = ToJson(((YamlMappingNode)schemas["WebhookMeta"])["example"]);
        foreach (var entry in (YamlMappingNode)root["x-webhooks"])
        {
            string schema = ((YamlScalarNode)((YamlMappingNode)entry.Value)["schema"]).Value!;
            string eventSchema = schema[(schema.LastIndexOf('/') + 1)..];
            string dataSchema = eventSchema[..^"Event".Length];
            var body = new JObject { ["data"] = ToJson(((YamlMappingNode)schemas[dataSchema])["example"]), ["meta"] = meta.DeepClone() };
            yield return new TestCaseData(body.ToString(Formatting.None)).SetArgDisplayNames(((YamlScalarNode)entry.Key).Value!);
        }
    }

    [TestCaseSource(nameof(ReferenceExamples))]
    [TestCaseSource(nameof(SpecExamples))]
    public void Example_ParsesIntoItsEventClass_AsNewtonsoftReadsIt(string body)
        => Assert.That(NewtonsoftOracle.AssertAgrees(body), Is.True, "an example must parse into its event class");

    // Mutations of WebhookFixtures.Body: each replaces one exact piece of it.
    private static IEnumerable<TestCaseData> Refused()
    {
        static TestCaseData Case(string name, string from, string to)
        {
            Assert.That(Body, Does.Contain(from), name);
            return new TestCaseData(Body.Replace(from, to, StringComparison.Ordinal)).SetArgDisplayNames(name);
        }

        const string Id = "\"id\":\"fbeb70e0-54eb-4e26-8d19-56b43e66f754\"";
        const string Date = "2020-03-30T13:29:42.130013Z";
        const string Sip = "\"sip_notify_response\":100";
        const string End = "\"delivered_to\":\"https://example.com/webhooks\"}}";

        // Invalid JSON and trailing content
        yield return Case("trailing comma", "\"record_type\":\"event\"}", "\"record_type\":\"event\",}");
        yield return Case("comment", End, End + "/* c */");
        yield return Case("truncated", End, "\"delivered_to\":\"https://example.com/webhooks\"}");
        yield return Case("single quotes", Id, "'id':'x'");
        yield return Case("trailing text", End, End + " x");
        yield return Case("second document", End, End + "{}");
        yield return Case("unquoted name", Id, "id:\"x\"");
        yield return Case("raw control character", Id, "\"id\":\"a\tb\"");

        // Unknown non-scalars (more in ExtensionDataTests) and names that match only ignoring case (Newtonsoft's fallback)
        yield return Case("unknown object at root", End, "\"delivered_to\":\"https://example.com/webhooks\"},\"extra\":{}}");
        yield return Case("unknown array in data", "\"record_type\":\"event\"", "\"record_type\":\"event\",\"extra\":[\"x\"]");
        yield return Case("unknown fraction in payload", Sip, Sip + ",\"hangup_cause\":1.5");
        yield return Case("ignored member name", "\"record_type\":\"event\"}", "\"record_type\":\"event\"},\"EventType\":\"x\"");
        yield return Case("case: Occurred_At", "\"occurred_at\"", "\"Occurred_At\"");
        yield return Case("case: Meta", "\"meta\"", "\"Meta\"");
        yield return Case("case: CALL_CONTROL_ID", "\"call_control_id\"", "\"CALL_CONTROL_ID\"");
        yield return Case("case: Data", "{\"data\"", "{\"Data\"");

        // Duplicates: the last string wins in Newtonsoft, a repeated nested object is merged into the first
        yield return Case("duplicate id", Id, "\"id\":\"other\"," + Id);
        yield return Case("duplicate payload", "\"payload\":", "\"payload\":{\"to\":\"x\",\"sip_notify_response\":7},\"payload\":");
        yield return Case("duplicate data, same type", End, End[..^1] + ",\"data\":{\"event_type\":\"call.refer.started\",\"id\":\"second\"}}");
        yield return Case("duplicate data, other type", End, End[..^1] + ",\"data\":{\"event_type\":\"siprec.failed\"}}");
        yield return Case("duplicate data, first not an object", "{\"data\":", "{\"data\":5,\"data\":");
        yield return Case("duplicate meta", End, End[..^1] + ",\"meta\":{\"attempt\":2}}");
        yield return Case("duplicate event_type", "\"event_type\":\"call.refer.started\"", "\"event_type\":\"call.refer.started\",\"event_type\":\"siprec.failed\"");
        yield return Case("duplicate event_type, same", "\"event_type\":\"call.refer.started\"", "\"event_type\":\"call.refer.started\",\"event_type\":\"call.refer.started\"");
        yield return Case("duplicate int", Sip, Sip + "," + Sip);

        // Token types Newtonsoft converts (or rejects) rather than reads as they are
        foreach (string value in new[] { "123", "1.5", "true", "false", "{}", "[]", "[\"x\"]" })
        {
            yield return Case($"string gets {value}", Id, "\"id\":" + value);
        }

        foreach (string value in new[] { "\"100\"", "\"\"", "1.0", "1e2", "100.5", "true", "{}", "[]", "2147483648", "-2147483649", "99999999999", "1E400" })
        {
            yield return Case($"int gets {value}", Sip, "\"sip_notify_response\":" + value);
        }

        foreach (string value in new[] { "12", "1585574982", "true", "{}", "[]" })
        {
            yield return Case($"date gets {value}", $"\"{Date}\"", value);
        }

        foreach (string value in new[] { "\"text\"", "5", "true", "[]" })
        {
            yield return Case($"payload gets {value}", "\"payload\":{\"call_control_id\":\"v2:abc\",\"sip_notify_response\":100}", "\"payload\":" + value);
            yield return Case($"meta gets {value}", "\"meta\":{\"attempt\":1,\"delivered_to\":\"https://example.com/webhooks\"}", "\"meta\":" + value);
        }

        // Dates in other shapes
        foreach (string date in new[]
        {
            "2020-03-30T13:29:42.130013", "2020-03-30T13:29:42", "2020-03-30T13:29:42.1300130Z", "2020-03-30T13:29:42.13001300Z",
            "2020-03-30", "2020-03-30t13:29:42.130013Z", "2020-03-30T13:29:42.130013z", "2020-03-30T13:29:42.130013+01:00",
            "2020-03-30T13:29:42.130013-00:00", "2020-03-30T13:29:42.130013+00:00", "2020-03-30T13:29:42+0100", "", " ",
            "2020-03-30T13:29:60Z", "2020-03-30T24:00:00Z", "2020-03-30 13:29:42Z", "2020-03-30T13:29:42.Z", "2020-02-30T13:29:42Z",
            "0000-01-01T00:00:00Z", "yesterday", "03/30/2020 13:29:42", "2020-03-30T13:29:42.130013Z ", " 2020-03-30T13:29:42Z",
            "2020-3-30T13:29:42Z", "+2020-03-30T13:29:42Z", "/Date(1585574982130)/", "2020-03-30T13:29Z",
        })
        {
            yield return Case($"date '{date}'", Date, date);
        }

        yield return Case("date escaped", Date, "2020\\u002d03-30T13:29:42.130013Z");

        // Lone surrogates (Newtonsoft keeps them)
        yield return Case("lone high surrogate escape", Id, "\"id\":\"\\uD800\"");
        yield return Case("lone low surrogate escape", Id, "\"id\":\"\\uDC00x\"");
        yield return Case("reversed surrogate escapes", Id, "\"id\":\"\\uDC00\\uD800\"");
        yield return Case("lone surrogate in a name", Id, "\"\\uD800\":\"x\"");

        // Envelopes that are refused or map to UnknownTelnyxWebhookEvent
        yield return Case("unknown event type", "call.refer.started", "call.hangup");
        yield return Case("event type in other case", "call.refer.started", "CALL.REFER.STARTED");
        yield return Case("event type not a string", "\"call.refer.started\"", "7");
        yield return Case("event type null", "\"call.refer.started\"", "null");
        yield return Case("no event type", "\"event_type\":\"call.refer.started\",", string.Empty);
        yield return Case("data null", "{\"data\":{\"event_type\":\"call.refer.started\",", "{\"data\":null,\"x\":{");
        yield return new TestCaseData("{\"meta\":{\"event_type\":\"call.refer.started\"},\"data\":{\"id\":\"x\"}}").SetArgDisplayNames("event type only in meta");
        yield return new TestCaseData("{\"data\":{\"payload\":{\"event_type\":\"call.refer.started\"}}}").SetArgDisplayNames("event type only in payload");
    }

    [TestCaseSource(nameof(Refused))]
    [TestCaseSource(nameof(Accepted))]
    public void Body_ParsesAsNewtonsoftReadsIt_OrIsRefused(string body) => NewtonsoftOracle.AssertAgrees(body);

    [Test]
    public void InvalidUtf8_IsReplacedAsTheDecoderDoes()
    {
        byte[] body = [.. Utf8("{\"data\":{\"event_type\":\"call.refer.started\",\"id\":\""), 0xC3, 0x28, .. Utf8("\"}}")];
        NewtonsoftOracle.AssertAgrees(body, null, "invalid UTF-8 in a value");
        byte[] overlong = [.. Utf8("{\"data\":{\"event_type\":\"call.refer.started\",\"id\":\""), 0xC0, 0xAF, .. Utf8("\"}}")];
        NewtonsoftOracle.AssertAgrees(overlong, null, "overlong UTF-8");
        byte[] inName = [.. Utf8("{\"data\":{\"event_type\":\"call.refer.started\",\"i"), 0xFF, .. Utf8("d\":\"x\"}}")];
        NewtonsoftOracle.AssertAgrees(inName, null, "invalid UTF-8 in a name");
    }

    [Test]
    public void LoneSurrogateInAString_IsKeptAsNewtonsoftReadsIt()
    {
        string body = "{\"data\":{\"event_type\":\"call.refer.started\",\"id\":\"a\uD800b\"}}";
        Assert.That(TelnyxWebhookParser.Parse(body).Id, Is.EqualTo("a\uD800b"));
        NewtonsoftOracle.AssertAgrees(body);
    }

    private static IEnumerable<TestCaseData> Accepted()
    {
        static TestCaseData Case(string name, string from, string to)
            => new TestCaseData(Body.Replace(from, to, StringComparison.Ordinal)).SetArgDisplayNames(name);

        const string Date = "2020-03-30T13:29:42.130013Z";
        const string Sip = "\"sip_notify_response\":100";
        foreach (string value in new[] { "2147483647", "-2147483648", "0", "-0", "-1", "null" })
        {
            yield return Case($"int {value}", Sip, "\"sip_notify_response\":" + value);
        }

        foreach (string date in new[] { "2020-03-30T13:29:42Z", "2020-03-30T13:29:42.1Z", "2020-03-30T13:29:42.000000Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T00:00:00Z", "2020-03-30T23:59:59.5Z" })
        {
            yield return Case($"date {date}", Date, date);
        }

        yield return Case("date null", $"\"{Date}\"", "null");
        yield return Case("payload null", "\"payload\":{\"call_control_id\":\"v2:abc\",\"sip_notify_response\":100}", "\"payload\":null");
        yield return Case("meta null", "\"meta\":{\"attempt\":1,\"delivered_to\":\"https://example.com/webhooks\"}", "\"meta\":null");
        yield return Case("meta empty", "\"meta\":{\"attempt\":1,\"delivered_to\":\"https://example.com/webhooks\"}", "\"meta\":{}");
        yield return Case("no meta", ",\"meta\":{\"attempt\":1,\"delivered_to\":\"https://example.com/webhooks\"}", string.Empty);
        yield return new TestCaseData("{\"meta\":{\"attempt\":9,\"delivered_to\":null},\"data\":{\"id\":\"x\",\"payload\":{\"hangup_cause\":\"y\"},\"event_type\":\"siprec.stopped\"}}").SetArgDisplayNames("meta first, event_type last");
        yield return Case("event_type last", "\"event_type\":\"call.refer.started\",\"id\":\"fbeb70e0-54eb-4e26-8d19-56b43e66f754\"", "\"id\":\"fbeb70e0-54eb-4e26-8d19-56b43e66f754\",\"event_type\":\"call.refer.started\"");
        yield return Case("string null", "\"call_control_id\":\"v2:abc\"", "\"call_control_id\":null");
        yield return Case("escapes", "v2:abc", "\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00e9\\uD83C\\uDFA7");
        yield return Case("non-ASCII", "v2:abc", "zoë@例え.jp 🎧");
        yield return Case("escaped names and event type", "\"event_type\":\"call.refer.started\"", "\"\\u0065vent_type\":\"call.refer.st\\u0061rted\"");
        yield return Case("whitespace", ",", " ,\r\n\t ");
        yield return Case("empty string", "\"call_control_id\":\"v2:abc\"", "\"call_control_id\":\"\"");
        yield return Case("string that looks like a date", "v2:abc", "2020-03-30T13:29:42Z");

        // Unknown scalars: extension data (more in ExtensionDataTests)
        yield return Case("unknown at root", "\"delivered_to\":\"https://example.com/webhooks\"}}", "\"delivered_to\":\"https://example.com/webhooks\"},\"extra\":1}");
        yield return Case("unknown in data", "\"record_type\":\"event\"", "\"record_type\":\"event\",\"extra\":\"x\"");
        yield return Case("unknown in payload", Sip, Sip + ",\"hangup_cause\":\"x\"");
        yield return Case("unknown in meta", "\"attempt\":1", "\"attempt\":1,\"x\":null");
    }

    [Test]
    public void DuplicateData_TheLastDataPicksTheType()
    {
        string body = "{\"data\":{\"event_type\":\"siprec.failed\"},\"data\":{\"event_type\":\"call.refer.failed\",\"id\":\"x\"}}";
        NewtonsoftOracle.AssertAgrees(body);
        Assert.That(TelnyxWebhookParser.Parse(body), Is.TypeOf<CallReferFailedEvent>());
    }

    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JArray(list.Children.Select(ToJson)),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when int.TryParse(scalar.Value, out int n) => new JValue(n),
        YamlScalarNode scalar => new JValue(scalar.Value),
        _ => throw new InvalidOperationException("unexpected YAML node"),
    };
}
