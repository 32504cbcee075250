using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// Fields the spec does not name (Telnyx adds them over time) are kept in the models' AdditionalProperties exactly as
/// Newtonsoft stores them (same names, values, value runtime types and order), wherever they appear.
/// </summary>
public class ExtensionDataTests
{
    private const string Placeholder = "\"__value__\"";

    // Raw JSON of every kind: strings (date-like ones too), true/false, null, integers to and past the Int64 limits,
    // fractions and exponents, objects and arrays.
    private static readonly string[] Values =
    [
        "\"text\"", "\"\"", "\"2020-03-30T13:29:42.130013Z\"", "\"2020-03-30\"", "\"\\u00e9\\uD83C\\uDFA7\\n\"", "\"123\"", "true", "false", "null",
        "0", "-0", "7", "-1", "2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808",
        "{}", "{\"a\":1}", "[]", "[1]", "1.5", "1.0", "-0.0", "1e2", "1E2", "1e-2", "1E400", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
    ];

    private static readonly string[] Locations = ["meta", "envelope", "data", "payload"];

    private static readonly string[] Positions = ["first", "middle", "last"];

    /// <summary><see cref="Body"/> with an unknown member: raw name text <paramref name="name"/>, raw JSON <paramref name="value"/>.</summary>
    private static string WithUnknown(string location, string position, string name, string value)
    {
        var body = JObject.Load(new JsonTextReader(new StringReader(Body)) { DateParseHandling = DateParseHandling.None });
        var owner = location switch
        {
            "meta" => (JObject)body["meta"]!,
            "envelope" => body,
            "data" => (JObject)body["data"]!,
            _ => (JObject)body["data"]!["payload"]!,
        };
        var member = new JProperty("__name__", "__value__");
        var members = owner.Properties().ToList();
        switch (position)
        {
            case "first":
                owner.AddFirst(member);
                break;
            case "middle":
                members[members.Count / 2].AddBeforeSelf(member);
                break;
            default:
                owner.Add(member);
                break;
        }

        string json = body.ToString(Formatting.None);
        Assert.That(json, Does.Contain(Placeholder));
        // Raw name and value text, so escapes and number spellings reach the parsers as written.
        return json.Replace(Placeholder, value, StringComparison.Ordinal).Replace("\"__name__\"", "\"" + name + "\"", StringComparison.Ordinal);
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (string location in Locations)
        {
            foreach (string position in Positions)
            {
                foreach (string value in Values)
                {
                    yield return new TestCaseData(WithUnknown(location, position, "added_later", value)).SetArgDisplayNames(location, position, value);
                }
            }
        }

        // Names Newtonsoft matches to a property ignoring case, ignored members, metadata names.
        yield return new TestCaseData(WithUnknown("meta", "last", "Attempt", "\"x\"")).SetArgDisplayNames("case: Attempt in meta, string");
        yield return new TestCaseData(WithUnknown("meta", "first", "ATTEMPT", "7")).SetArgDisplayNames("case: ATTEMPT in meta before attempt");
        yield return new TestCaseData(WithUnknown("data", "last", "ID", "\"x\"")).SetArgDisplayNames("case: ID in data");
        yield return new TestCaseData(WithUnknown("payload", "middle", "TO", "null")).SetArgDisplayNames("case: TO in payload, null");
        yield return new TestCaseData(WithUnknown("envelope", "last", "Meta", "null")).SetArgDisplayNames("case: Meta, null");
        yield return new TestCaseData(WithUnknown("envelope", "last", "EventType", "\"x\"")).SetArgDisplayNames("ignored member EventType");
        yield return new TestCaseData(WithUnknown("envelope", "last", "Payload", "\"x\"")).SetArgDisplayNames("ignored member Payload");
        yield return new TestCaseData(WithUnknown("envelope", "last", "eventtype", "1")).SetArgDisplayNames("ignored member, other case");
        yield return new TestCaseData(WithUnknown("data", "last", "\\u0049D", "\"x\"")).SetArgDisplayNames("escaped case match");
        foreach (string name in new[] { "$id", "$ref", "$type", "$values", "$other", "\\u0024id" })
        {
            yield return new TestCaseData(WithUnknown("envelope", "first", name, "\"1\"")).SetArgDisplayNames($"metadata name {name} first");
            yield return new TestCaseData(WithUnknown("payload", "last", name, "\"1\"")).SetArgDisplayNames($"metadata name {name} last");
        }

        yield return new TestCaseData(WithUnknown("data", "last", "\\uD800", "1")).SetArgDisplayNames("lone surrogate name");
        yield return new TestCaseData(WithUnknown("data", "last", "x", "\"\\uD800\"")).SetArgDisplayNames("lone surrogate value");
        yield return new TestCaseData("""{"data":{"event_type":"call.refer.started","x":1,"x":{}}}""").SetArgDisplayNames("duplicate: scalar then object");
        yield return new TestCaseData("""{"data":{"event_type":"call.refer.started","x":[],"x":1}}""").SetArgDisplayNames("duplicate: array then scalar");
    }

    [TestCaseSource(nameof(Cases))]
    public void UnknownMember_IsReadAsNewtonsoftReadsIt(string body) => NewtonsoftOracle.AssertAgrees(body);

    /// <summary>What Newtonsoft stores, pinned so a Newtonsoft upgrade that changes it shows here.</summary>
    [TestCase("\"text\"", typeof(string), "text")]
    [TestCase("\"2020-03-30T13:29:42.130013Z\"", typeof(string), "2020-03-30T13:29:42.130013Z")]
    [TestCase("\"\"", typeof(string), "")]
    [TestCase("true", typeof(bool), true)]
    [TestCase("false", typeof(bool), false)]
    [TestCase("7", typeof(long), 7L)]
    [TestCase("-0", typeof(long), 0L)]
    [TestCase("-9223372036854775808", typeof(long), long.MinValue)]
    public void Newtonsoft_StoresUnknownScalarsAs(string value, Type type, object expected)
    {
        var evt = (CallReferStartedEvent)TelnyxWebhookParser.Parse(Utf8(WithUnknown("payload", "last", "added_later", value)));
        object stored = evt.Data!.Payload!.AdditionalProperties["added_later"];
        Assert.That(stored.GetType(), Is.EqualTo(type));
        Assert.That(stored, Is.EqualTo(expected));
    }

    [Test]
    public void Newtonsoft_StoresUnknownNullAsANullEntry()
    {
        var evt = TelnyxWebhookParser.Parse(Utf8(WithUnknown("envelope", "first", "added_later", "null")));
        Assert.That(evt.AdditionalProperties.ContainsKey("added_later"), Is.True);
        Assert.That(evt.AdditionalProperties["added_later"], Is.Null);
    }

    [Test]
    public void Newtonsoft_StoresIntegersBeyondInt64AsBigInteger_AndFractionsAsDouble()
    {
        var big = (CallReferStartedEvent)TelnyxWebhookParser.Parse(Utf8(WithUnknown("payload", "last", "n", "9223372036854775808")));
        Assert.That(big.Data!.Payload!.AdditionalProperties["n"], Is.TypeOf<System.Numerics.BigInteger>());
        var fraction = (CallReferStartedEvent)TelnyxWebhookParser.Parse(Utf8(WithUnknown("payload", "last", "n", "1.0")));
        Assert.That(fraction.Data!.Payload!.AdditionalProperties["n"], Is.TypeOf<double>());
    }

    [Test]
    public void SeveralUnknowns_InEveryObject_KeptInOrder()
    {
        string body = """{"v":1,"data":{"event_type":"call.refer.started","a":"x","id":"i","b":true,"payload":{"z":null,"to":"t","y":-5,"x":"2020-03-30"},"c":false},"meta":{"attempt":2,"w":"q","u":0},"last":"end"}""";
        NewtonsoftOracle.AssertAgrees(body);
        var evt = (CallReferStartedEvent)TelnyxWebhookParser.Parse(body);
        Assert.That(evt.Data!.Payload!.AdditionalProperties.Keys, Is.EqualTo(new[] { "z", "y", "x" }));
        Assert.That(evt.AdditionalProperties.Keys, Is.EqualTo(new[] { "v", "last" }));
    }

    // Newtonsoft stores through the dictionary's indexer: the last value wins, in the first one's place.
    [TestCase("""{"data":{"event_type":"call.refer.started","x":1,"id":"i","x":"two"}}""")]
    [TestCase("""{"data":{"event_type":"call.refer.started","x":1,"y":2,"x":null,"x":true}}""")]
    [TestCase("""{"x":"a","data":{"event_type":"call.refer.started","x":"inner"},"x":false}""")]
    public void DuplicateUnknownScalars_LastWinsInTheFirstsPlace_AsInNewtonsoft(string body)
        => NewtonsoftOracle.AssertAgrees(body);

    [Test]
    public void EscapedUnknownName_IsStoredDecoded_AsInNewtonsoft()
    {
        string body = """{"data":{"event_type":"call.refer.started","\u0078tra\n":1}}""";
        NewtonsoftOracle.AssertAgrees(body);
        Assert.That(((CallReferStartedEvent)TelnyxWebhookParser.Parse(body)).Data!.AdditionalProperties.Keys, Is.EqualTo(new[] { "xtra\n" }));
    }
}
