using System.Runtime.Serialization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// The fast reader's plans come from the Newtonsoft contracts: a model with anything the reader does not mirror
/// exactly gets no plan (always the slow path), and what it does read equals JsonConvert under the response settings.
/// </summary>
public class WebhookReadPlanTests
{
    [Test]
    public void EveryModelledEvent_HasAPlan_WithItsJsonPropertyNames()
    {
        foreach (var (_, _, type) in TelnyxWebhookEventTypes.Known)
        {
            var plan = WebhookObjectPlan.For(type);
            Assert.That(plan, Is.Not.Null, type.Name);
            Assert.That(plan!.Properties.Select(p => Encoding.UTF8.GetString(p.Utf8Name)), Is.EquivalentTo(new[] { "data", "meta" }), type.Name);
        }

        var payload = WebhookObjectPlan.For(typeof(CallReferStartedEvent))!.Properties.Single(p => p.Kind == WebhookReadKind.Object && p.Nested!.Type == typeof(CallReferStarted))
            .Nested!.Properties.Single(p => p.Nested?.Type == typeof(CallReferStartedPayload)).Nested!;
        Assert.That(
            payload.Properties.Select(p => (Encoding.UTF8.GetString(p.Utf8Name), p.Kind)),
            Is.EquivalentTo(new[]
            {
                ("call_control_id", WebhookReadKind.String), ("call_leg_id", WebhookReadKind.String), ("call_session_id", WebhookReadKind.String),
                ("client_state", WebhookReadKind.String), ("connection_id", WebhookReadKind.String), ("from", WebhookReadKind.String),
                ("sip_notify_response", WebhookReadKind.NullableInt32), ("to", WebhookReadKind.String),
            }));
    }

    [Test]
    public void EveryModelInTheEventGraphs_StoresUnknownScalarsThroughItsContractsExtensionDataSetter()
    {
        static IEnumerable<WebhookObjectPlan> Graph(WebhookObjectPlan plan)
            => plan.Properties.Where(p => p.Nested is not null).SelectMany(p => Graph(p.Nested!)).Prepend(plan);

        foreach (var (_, _, type) in TelnyxWebhookEventTypes.Known)
        {
            foreach (var plan in Graph(WebhookObjectPlan.For(type)!))
            {
                var contract = (Newtonsoft.Json.Serialization.JsonObjectContract)TelnyxJson.ResponseSettings.ContractResolver!.ResolveContract(plan.Type);
                Assert.That(plan.ExtensionData, Is.SameAs(contract.ExtensionDataSetter).And.Not.Null, plan.Type.Name);
            }
        }
    }

    // (Newtonsoft only allows object or JToken values in extension data: an IDictionary<string, string> member throws.)
    [TestCase(typeof(Plain), "name")]
    [TestCase(typeof(WithJTokenExtensionData), "s")]
    [TestCase(typeof(WithMissingMemberError), "s")]
    public void ModelWhoseExtensionDataTheReaderDoesNotMirror_HasAPlan_ThatDeclinesUnknownNames(Type type, string known)
    {
        var plan = WebhookObjectPlan.For(type);
        Assert.That(plan, Is.Not.Null);
        Assert.That(plan!.ExtensionData, Is.Null);
        Assert.That(WebhookFastReader.TryRead(Encoding.UTF8.GetBytes($"{{\"{known}\":\"x\"}}"), plan, out _), Is.True);
        Assert.That(WebhookFastReader.TryRead(Encoding.UTF8.GetBytes($"{{\"{known}\":\"x\",\"other\":\"y\"}}"), plan, out _), Is.False);
    }

    [Test]
    public void SettingsThatRejectUnknownMembers_GiveNoExtensionData()
    {
        var settings = TelnyxJson.Configure(new JsonSerializerSettings(), isRequest: false);
        Assert.That(WebhookObjectPlan.Build(typeof(WithExtensionData), settings)!.ExtensionData, Is.Not.Null);
        settings.MissingMemberHandling = MissingMemberHandling.Error;
        Assert.That(WebhookObjectPlan.Build(typeof(WithExtensionData), settings)!.ExtensionData, Is.Null);
    }

    [TestCase("{\"other\":1}", true)]
    [TestCase("{\"a\":\"x\",\"s\":\"y\",\"b\":true,\"c\":null,\"d\":-12,\"a\":false}", true)]
    [TestCase("{\"S\":\"x\"}", false)]
    [TestCase("{\"Extra\":\"x\"}", false)]
    [TestCase("{\"$id\":\"1\"}", false)]
    [TestCase("{\"o\":{}}", false)]
    [TestCase("{\"o\":1.5}", false)]
    public void ReaderWithExtensionData_MatchesJsonConvert_OrDeclines(string json, bool accepted)
    {
        var plan = WebhookObjectPlan.For(typeof(WithExtensionData))!;
        bool read = WebhookFastReader.TryRead(Encoding.UTF8.GetBytes(json), plan, out object? fast);
        Assert.That(read, Is.EqualTo(accepted));
        if (read)
        {
            var slow = JsonConvert.DeserializeObject<WithExtensionData>(json, TelnyxJson.ResponseSettings);
            Assert.That(ParsePaths.Describe(() => fast!), Is.EqualTo(ParsePaths.Describe(() => slow!)));
        }
    }

    [TestCase(typeof(WithEnum))]
    [TestCase(typeof(WithList))]
    [TestCase(typeof(WithDictionary))]
    [TestCase(typeof(WithBool))]
    [TestCase(typeof(WithObject))]
    [TestCase(typeof(WithPropertyConverter))]
    [TestCase(typeof(WithTypeConverter))]
    [TestCase(typeof(WithOnDeserialized))]
    [TestCase(typeof(WithOnDeserializing))]
    [TestCase(typeof(WithPopulate))]
    [TestCase(typeof(WithConstructorParameters))]
    [TestCase(typeof(WithMetadataName))]
    [TestCase(typeof(WithPresetChild))]
    [TestCase(typeof(WithReuse))]
    [TestCase(typeof(WithUnsupportedChild))]
    [TestCase(typeof(SelfReferencing))]
    [TestCase(typeof(WithAbstractChild))]
    [TestCase(typeof(WithReadOnlyChild))]
    public void UnsupportedModel_HasNoPlan(Type type) => Assert.That(WebhookObjectPlan.For(type), Is.Null);

    [Test]
    public void SettingsWithAConverter_GiveNoPlan()
    {
        var settings = TelnyxJson.Configure(new JsonSerializerSettings(), isRequest: false);
        Assert.That(WebhookObjectPlan.Build(typeof(Plain), settings), Is.Not.Null);
        settings.Converters.Add(new IsoDateTimeConverter());
        Assert.That(WebhookObjectPlan.Build(typeof(Plain), settings), Is.Null);
    }

    [TestCase("{}", true)]
    [TestCase("{\"count\":5,\"when\":\"2020-03-30T13:29:42.130013Z\",\"name\":\"n\",\"kept\":\"k\",\"child\":{\"value\":1}}", true)]
    [TestCase("{\"name\":null}", true)]
    [TestCase("{\"kept\":null}", true)]
    [TestCase("{\"child\":null}", true)]
    [TestCase("{\"child\":{\"value\":null}}", true)]
    [TestCase("{\"count\":null}", false)]
    [TestCase("{\"when\":null}", false)]
    [TestCase("{\"count\":1,\"count\":2}", false)]
    [TestCase("{\"child\":{\"value\":1},\"child\":{}}", false)]
    [TestCase("{\"Name\":\"n\"}", false)]
    [TestCase("{\"other\":1}", false)]
    [TestCase("{\"Ignored\":\"x\"}", false)]
    public void Reader_MatchesJsonConvert_OrDeclines(string json, bool accepted)
    {
        var plan = WebhookObjectPlan.For(typeof(Plain))!;
        bool read = WebhookFastReader.TryRead(Encoding.UTF8.GetBytes(json), plan, out object? fast);
        Assert.That(read, Is.EqualTo(accepted));
        if (read)
        {
            var slow = JsonConvert.DeserializeObject<Plain>(json, TelnyxJson.ResponseSettings);
            Assert.That(ParsePaths.Describe(() => fast!), Is.EqualTo(ParsePaths.Describe(() => slow!)));
        }
    }

    [Test]
    public void NullValueHandling_IsTheProperties()
    {
        var plan = WebhookObjectPlan.For(typeof(Plain))!;
        Assert.That(WebhookFastReader.TryRead("{\"name\":null,\"kept\":null}"u8, plan, out object? read), Is.True);
        Assert.That(((Plain)read!).Name, Is.Null, "Include: a JSON null overwrites the initial value");
        Assert.That(((Plain)read).Kept, Is.EqualTo("kept"), "Ignore: a JSON null leaves it");
    }

    public class Plain
    {
        [JsonProperty("count")]
        public int Count { get; set; }

        [JsonProperty("when")]
        public DateTimeOffset When { get; set; }

        [JsonProperty("name")]
        public string? Name { get; set; } = "preset";

        [JsonProperty("kept", NullValueHandling = NullValueHandling.Ignore)]
        public string? Kept { get; set; } = "kept";

        [JsonProperty("child")]
        public Child? Child { get; set; }

        [JsonIgnore]
        public string? Ignored { get; set; }
    }

    public class WithExtensionData
    {
        [JsonProperty("s")]
        public string? S { get; set; }

        // An ignored member's name is still matched (ignoring case) before extension data.
        [JsonIgnore]
        public string? Extra { get; set; }

        [JsonExtensionData]
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>();
    }

    public class WithJTokenExtensionData
    {
        [JsonProperty("s")]
        public string? S { get; set; }

        [JsonExtensionData]
        public IDictionary<string, Newtonsoft.Json.Linq.JToken> AdditionalProperties { get; set; } = new Dictionary<string, Newtonsoft.Json.Linq.JToken>();
    }

    [JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
    public class WithMissingMemberError
    {
        [JsonProperty("s")]
        public string? S { get; set; }

        [JsonExtensionData]
        public IDictionary<string, object?> AdditionalProperties { get; set; } = new Dictionary<string, object?>();
    }

    public class Child
    {
        [JsonProperty("value")]
        public int? Value { get; set; } = 3;
    }

    public enum Colour { Red }

    public class WithEnum { [JsonProperty("c")] public Colour C { get; set; } }

    public class WithList { [JsonProperty("l")] public List<string>? L { get; set; } }

    public class WithDictionary { [JsonProperty("d")] public Dictionary<string, string>? D { get; set; } }

    public class WithBool { [JsonProperty("b")] public bool? B { get; set; } }

    public class WithObject { [JsonProperty("o")] public object? O { get; set; } }

    public class WithPropertyConverter { [JsonProperty("d")] [JsonConverter(typeof(IsoDateTimeConverter))] public DateTimeOffset? D { get; set; } }

    [JsonConverter(typeof(NoConverter))]
    public class ConvertedChild { }

    public class WithTypeConverter { [JsonProperty("c")] public ConvertedChild? C { get; set; } }

    public class WithOnDeserialized
    {
        [JsonProperty("s")]
        public string? S { get; set; }

        [OnDeserialized]
        internal void Done(StreamingContext context) => S ??= "set";
    }

    public class WithOnDeserializing
    {
        [JsonProperty("s")]
        public string? S { get; set; }

        [OnDeserializing]
        internal void Start(StreamingContext context) => S = "set";
    }

    public class WithPopulate { [JsonProperty("s", DefaultValueHandling = DefaultValueHandling.Populate)] public string? S { get; set; } }

    public class WithConstructorParameters(string s) { [JsonProperty("s")] public string S { get; } = s; }

    public class WithMetadataName { [JsonProperty("$id")] public string? Id { get; set; } }

    public class WithPresetChild { [JsonProperty("c")] public Child C { get; set; } = new(); }

    public class WithReuse { [JsonProperty("c", ObjectCreationHandling = ObjectCreationHandling.Reuse)] public Child? C { get; set; } }

    public class WithUnsupportedChild { [JsonProperty("c")] public WithEnum? C { get; set; } }

    public class SelfReferencing { [JsonProperty("next")] public SelfReferencing? Next { get; set; } }

    public abstract class AbstractChild { }

    public class WithAbstractChild { [JsonProperty("c")] public AbstractChild? C { get; set; } }

    public class WithReadOnlyChild { [JsonProperty("c")] public Child? C { get; } }

    public class NoConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => true;

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => null;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
        }
    }
}
