using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

public class ParseTests
{
    private static IEnumerable<TestCaseData> ExampleCases()
        => ReferenceExamples.Properties().Select(p => new TestCaseData(p.Name).SetArgDisplayNames(p.Name));

    private static readonly Dictionary<string, Type> Expected = new()
    {
        ["call.refer.started"] = typeof(CallReferStartedEvent),
        ["call.refer.completed"] = typeof(CallReferCompletedEvent),
        ["call.refer.failed"] = typeof(CallReferFailedEvent),
        ["siprec.started"] = typeof(CallSiprecStartedEvent),
        ["siprec.stopped"] = typeof(CallSiprecStoppedEvent),
        ["siprec.failed"] = typeof(CallSiprecFailedEvent),
    };

    [Test]
    public void ReferenceHasAllSixExamples()
        => Assert.That(ReferenceExamples.Properties().Select(p => p.Name), Is.EquivalentTo(Expected.Keys));

    [TestCaseSource(nameof(ExampleCases))]
    public void ReferenceExample_ParsesToItsTypeWithEveryField(string eventType)
    {
        var json = (JObject)ReferenceExamples[eventType]!;
        string body = json.ToString(Formatting.None);
        foreach (var evt in new[] { TelnyxWebhookParser.Parse(body), TelnyxWebhookParser.Parse(Utf8(body)) })
        {
            Assert.That(evt, Is.TypeOf(Expected[eventType]));
            Assert.That(evt.EventType, Is.EqualTo(eventType));
            Assert.That(evt.Id, Is.EqualTo((string?)json["data"]!["id"]));
            Assert.That(evt.RecordType, Is.EqualTo("event"));
            Assert.That(evt.OccurredAt, Is.EqualTo(DateTimeOffset.Parse((string)json["data"]!["occurred_at"]!, CultureInfo.InvariantCulture)));
            Assert.That(evt.Meta, Is.Null);
            object data = evt.GetType().GetProperty("Data")!.GetValue(evt)!;
            AssertEveryField((JObject)json["data"]!, data, "data");
        }
    }

    [TestCaseSource(nameof(ExampleCases))]
    public void ReferenceExample_WithMetaExtraFieldsAndNulls_StillParses(string eventType)
    {
        var json = (JObject)ReferenceExamples[eventType]!.DeepClone();
        json["meta"] = new JObject { ["attempt"] = 3, ["delivered_to"] = "https://example.com/hook", ["future"] = true };
        json["top_level_extra"] = new JArray(1, 2);
        json["data"]!["payload"]!["field_added_next_year"] = new JObject { ["x"] = 1 };
        json["data"]!["payload"]!["client_state"] = JValue.CreateNull();
        json["data"]!["occurred_at"] = JValue.CreateNull();

        var evt = TelnyxWebhookParser.Parse(json.ToString(Formatting.None));
        Assert.That(evt, Is.TypeOf(Expected[eventType]));
        Assert.That(evt.Meta!.Attempt, Is.EqualTo(3));
        Assert.That(evt.Meta.DeliveredTo, Is.EqualTo("https://example.com/hook"));
        Assert.That(evt.OccurredAt, Is.Null);
        object payload = ((dynamic)evt).Data.Payload;
        Assert.That(payload.GetType().GetProperty("ClientState")!.GetValue(payload), Is.Null);
        Assert.That(payload.GetType().GetProperty("CallControlId")!.GetValue(payload), Is.EqualTo((string?)json["data"]!["payload"]!["call_control_id"]));
    }

    [Test]
    public void PayloadFields_AreTheOnesTheIssueNames()
    {
        var started = (CallReferStartedEvent)TelnyxWebhookParser.Parse(((JObject)ReferenceExamples["call.refer.started"]!).ToString());
        var p = started.Data!.Payload!;
        Assert.Multiple(() =>
        {
            Assert.That(p.CallControlId, Is.EqualTo("v2:OycMASgvIjsGIAVEx8x3n9rYeKnUJx6a3V8VGhs5futnr17KZhujZA"));
            Assert.That(p.CallLegId, Is.EqualTo("817f7de8-728a-11ea-9ce6-02420a0f8969"));
            Assert.That(p.CallSessionId, Is.EqualTo("817f8c2a-728a-11ea-9cbe-02420a0f8969"));
            Assert.That(p.ConnectionId, Is.EqualTo("1289082222292239760"));
            Assert.That(p.ClientState, Is.EqualTo("aGF2ZSBhIG5pY2UgZGF5ID1d"));
            Assert.That(p.From, Is.EqualTo("+35319605860"));
            Assert.That(p.To, Is.EqualTo("+13129457420"));
            Assert.That(p.SipNotifyResponse, Is.EqualTo(100));
        });
        var stopped = (CallSiprecStoppedEvent)TelnyxWebhookParser.Parse(((JObject)ReferenceExamples["siprec.stopped"]!).ToString());
        Assert.That(stopped.Data!.Payload!.HangupCause, Is.EqualTo("normal_clearing"));
        var failed = (CallSiprecFailedEvent)TelnyxWebhookParser.Parse(((JObject)ReferenceExamples["siprec.failed"]!).ToString());
        Assert.That(failed.Data!.Payload!.FailureCause, Is.EqualTo("no_answer"));
    }

    [TestCaseSource(nameof(ExampleCases))]
    public void EveryCallEvent_ReadsTheSharedPayloadFields_ThroughTheBaseType(string eventType)
    {
        var json = (JObject)ReferenceExamples[eventType]!["data"]!["payload"]!;
        TelnyxWebhookEvent evt = TelnyxWebhookParser.Parse(ReferenceExamples[eventType]!.ToString(Formatting.None));
        Assert.Multiple(() =>
        {
            Assert.That(evt.Payload, Is.SameAs(((dynamic)evt).Data.Payload), "the event's own payload, not a copy");
            Assert.That(evt.Payload!.CallControlId, Is.EqualTo((string?)json["call_control_id"]));
            Assert.That(evt.Payload.CallLegId, Is.EqualTo((string?)json["call_leg_id"]));
            Assert.That(evt.Payload.CallSessionId, Is.EqualTo((string?)json["call_session_id"]));
            Assert.That(evt.Payload.ClientState, Is.EqualTo((string?)json["client_state"]));
            Assert.That(evt.Payload.ConnectionId, Is.EqualTo((string?)json["connection_id"]));
        });
    }

    [Test]
    public void Payload_IsNull_ForAnUnknownEvent_AndABodyWithoutOne()
    {
        Assert.That(TelnyxWebhookParser.Parse("""{"data":{"event_type":"call.hangup","payload":{"call_control_id":"v3:x"}}}""").Payload, Is.Null);
        Assert.That(TelnyxWebhookParser.Parse("""{"data":{"event_type":"siprec.started"}}""").Payload, Is.Null);
        Assert.That(new CallReferFailedEvent().Payload, Is.Null);
    }

    [TestCase("call.hangup")]
    [TestCase("call.refer.started.v2")]
    [TestCase("CALL.REFER.STARTED")]
    [TestCase("")]
    public void UnknownEventType_KeepsTypeRawJsonAndCommonFields(string eventType)
    {
        string body = """{"meta":{"attempt":2},"data":{"record_type":"event","event_type":"EVENT_TYPE","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","occurred_at":"2018-02-02T22:25:27.521992Z","payload":{"call_control_id":"v3:x","hangup_cause":"normal_clearing","sip_hangup_cause":"200"}}}""".Replace("EVENT_TYPE", eventType);
        foreach (var evt in new[] { TelnyxWebhookParser.Parse(body), TelnyxWebhookParser.Parse(Utf8(body)) })
        {
            var unknown = (UnknownTelnyxWebhookEvent)evt;
            Assert.That(unknown.EventType, Is.EqualTo(eventType));
            Assert.That(unknown.RawJson, Is.EqualTo(body));
            Assert.That(unknown.Id, Is.EqualTo("0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"));
            Assert.That(unknown.OccurredAt, Is.EqualTo(new DateTimeOffset(2018, 2, 2, 22, 25, 27, TimeSpan.Zero).AddTicks(5219920)));
            Assert.That(unknown.RecordType, Is.EqualTo("event"));
            Assert.That(unknown.Meta!.Attempt, Is.EqualTo(2));
        }
    }

    [Test]
    public void EventTypeEscapedInJson_IsStillRecognised()
        => Assert.That(TelnyxWebhookParser.Parse("""{"data":{"event_type":"siprec.st\u0061rted"}}"""), Is.TypeOf<CallSiprecStartedEvent>());

    [Test]
    public void EventTypeAfterPayload_AndMetaFirst_IsRecognised()
        => Assert.That(TelnyxWebhookParser.Parse("""{"meta":{"event_type":"siprec.failed"},"data":{"payload":{"event_type":"siprec.failed"},"event_type":"call.refer.failed"}}"""), Is.TypeOf<CallReferFailedEvent>());

    [Test]
    public void EventTypeOutsideData_IsNotUsed()
        => Assert.Throws<TelnyxWebhookParseException>(() => TelnyxWebhookParser.Parse("""{"data":{"payload":{}},"meta":{"event_type":"siprec.failed"}}"""));

    [Test]
    public void ModelledEvent_MinimalEnvelope_HasNullFields()
    {
        var evt = (CallReferFailedEvent)TelnyxWebhookParser.Parse("""{"data":{"event_type":"call.refer.failed","payload":null,"id":null}}""");
        Assert.That(evt.Id, Is.Null);
        Assert.That(evt.Data!.Payload, Is.Null);
        Assert.That(evt.Meta, Is.Null);
    }

    [TestCase("", TestName = "Empty")]
    [TestCase("   ", TestName = "Whitespace")]
    [TestCase("[]", TestName = "Array")]
    [TestCase("[{\"data\":{\"event_type\":\"siprec.failed\"}}]", TestName = "ArrayOfEnvelope")]
    [TestCase("\"call.refer.started\"", TestName = "String")]
    [TestCase("42", TestName = "Number")]
    [TestCase("null", TestName = "Null")]
    [TestCase("{}", TestName = "EmptyObject")]
    [TestCase("{\"data\":5}", TestName = "DataNumber")]
    [TestCase("{\"data\":null}", TestName = "DataNull")]
    [TestCase("{\"data\":[]}", TestName = "DataArray")]
    [TestCase("{\"data\":{}}", TestName = "NoEventType")]
    [TestCase("{\"data\":{\"event_type\":null}}", TestName = "NullEventType")]
    [TestCase("{\"data\":{\"event_type\":7}}", TestName = "NumericEventType")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\"", TestName = "Truncated")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\"}} trailing", TestName = "TrailingGarbage")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\"}}{}", TestName = "TwoDocuments")]
    [TestCase("{'data':{'event_type':'call.refer.started'}}", TestName = "SingleQuotes")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\",}}", TestName = "TrailingComma")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\",\"occurred_at\":\"yesterday\"}}", TestName = "BadDate")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\",\"payload\":{\"sip_notify_response\":\"abc\"}}}", TestName = "BadInteger")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\",\"payload\":{\"sip_notify_response\":99999999999}}}", TestName = "IntegerOverflow")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\",\"payload\":\"text\"}}", TestName = "PayloadString")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\"},\"meta\":5}", TestName = "MetaNumber")]
    [TestCase("{\"data\":{\"event_type\":\"call.hangup\",\"occurred_at\":[]}}", TestName = "UnknownWithBadDate")]
    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\"},\"data\":5}", TestName = "DuplicateDataNotObject")]
    public void NotAnEnvelope_GivesParseException(string body)
    {
        Assert.Throws<TelnyxWebhookParseException>(() => TelnyxWebhookParser.Parse(body));
        Assert.Throws<TelnyxWebhookParseException>(() => TelnyxWebhookParser.Parse(Utf8(body)));
    }

    [Test]
    public void DeeplyNestedJson_GivesParseException()
    {
        string body = "{\"data\":{\"event_type\":\"call.refer.started\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";
        Assert.Throws<TelnyxWebhookParseException>(() => TelnyxWebhookParser.Parse(body));
    }

    [Test]
    public void InvalidUtf8InAValue_IsReplacedLikeAnyTextDecoder()
    {
        var evt = TelnyxWebhookParser.Parse([.. Utf8("{\"data\":{\"event_type\":\"call.hangup\",\"id\":\""), 0xC3, 0x28, .. Utf8("\"}}")]);
        Assert.That(evt.Id, Is.EqualTo("\uFFFD("));
    }

    [Test]
    public void ParsedEvent_SerialisesBackToTheWireShape_WithoutTheConvenienceMembers()
    {
        var evt = TelnyxWebhookParser.Parse(Body);
        var json = JObject.Parse(JsonConvert.SerializeObject(evt, TelnyxJson.RequestSettings));
        Assert.That(json.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "data", "meta" }));
        var again = TelnyxWebhookParser.Parse(json.ToString(Formatting.None));
        Assert.That(again, Is.TypeOf<CallReferStartedEvent>());
        Assert.That(again.Id, Is.EqualTo(evt.Id));
        Assert.That(again.OccurredAt, Is.EqualTo(evt.OccurredAt));
    }

    [Test]
    public void Utf8Bom_IsSkipped()
    {
        Assert.That(TelnyxWebhookParser.Parse([0xEF, 0xBB, 0xBF, .. Utf8(Body)]), Is.TypeOf<CallReferStartedEvent>());
        Assert.That(TelnyxWebhookParser.Parse("\uFEFF" + Body), Is.TypeOf<CallReferStartedEvent>());
    }

    [Test]
    public void NonAsciiValues_RoundTripFromBytes()
    {
        var evt = (CallReferStartedEvent)TelnyxWebhookParser.Parse(Utf8("""{"data":{"event_type":"call.refer.started","payload":{"from":"sip:zoë@例え.jp 🎧"}}}"""));
        Assert.That(evt.Data!.Payload!.From, Is.EqualTo("sip:zoë@例え.jp 🎧"));
    }

    [Test]
    public void ParseMessages_NeverContainBodyValues()
    {
        var ex = Assert.Throws<TelnyxWebhookParseException>(() => TelnyxWebhookParser.Parse("""{"data":{"event_type":"call.refer.started","payload":{"sip_notify_response":"secret-value-123"}}}"""));
        Assert.That(ex!.Message, Does.Not.Contain("secret-value-123"));
        Assert.That(ex.Message, Does.Contain("sip_notify_response"));
    }

    /// <summary>Every JSON property maps to a model property with an equal value; nothing lands in AdditionalProperties.</summary>
    private static void AssertEveryField(JObject json, object model, string path)
    {
        foreach (var property in json.Properties())
        {
            var member = model.GetType().GetProperties()
                .SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == property.Name);
            Assert.That(member, Is.Not.Null, $"{path}.{property.Name} has no model property");
            object? value = member!.GetValue(model);
            if (property.Value is JObject nested)
            {
                AssertEveryField(nested, value!, $"{path}.{property.Name}");
            }
            else if (value is DateTimeOffset date)
            {
                Assert.That(date, Is.EqualTo(DateTimeOffset.Parse((string)property.Value!, CultureInfo.InvariantCulture)), $"{path}.{property.Name}");
            }
            else
            {
                Assert.That(value, Is.EqualTo(property.Value.ToObject(member.PropertyType)), $"{path}.{property.Name}");
            }
        }

        var extra = (IDictionary<string, object>?)model.GetType().GetProperty("AdditionalProperties")?.GetValue(model);
        Assert.That(extra, Is.Null.Or.Empty, $"{path} has unmapped fields");
    }
}
