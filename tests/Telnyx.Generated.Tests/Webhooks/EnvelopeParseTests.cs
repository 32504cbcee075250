using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// How the envelope is read: where the event type is found, what an unknown type keeps, which bodies are not an
/// envelope (a parse exception that never quotes the body), and how the bytes are decoded.
/// </summary>
public class EnvelopeParseTests
{
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
}
