using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// Telnyx's reference examples parse to their typed events with every field mapped; the payload fields every call
/// event shares are read through the base type; a parsed event serialises back to the wire shape.
/// </summary>
public class TypedEventParseTests
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
