using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Contract;

/// <summary>
/// Every webhook example in Telnyx's spec (spec/upstream/telnyx-openapi-call-control.yaml, all 40 call webhooks),
/// delivered as Telnyx delivers it: an event spec/ lists in x-webhooks parses into its class with the example's
/// call_control_id in <see cref="TelnyxWebhookEvent.Payload"/>; any other stays an <see cref="UnknownTelnyxWebhookEvent"/>.
/// </summary>
public class OfficialWebhookExampleTests
{
    public static IEnumerable<TestCaseData> Examples()
    {
        var official = YamlJson.Load(Repo.OfficialCallControl);
        var schemas = (JObject)official["components"]!["schemas"]!;
        JObject Resolve(JToken schema) => schema["$ref"] is { } r ? (JObject)schemas[SpecFile.RefName((string)r!)]! : (JObject)schema;
        foreach (var webhook in ((JObject)official["webhooks"]!).Properties())
        {
            var envelope = Resolve(webhook.Value["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var data = Resolve(envelope["properties"]!["data"]!);
            yield return new TestCaseData(webhook.Name, (string)data["properties"]!["event_type"]!["enum"]![0]!, data["example"]!)
                .SetArgDisplayNames(webhook.Name);
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Official_example_parses_into_the_class_x_webhooks_maps_it_to(string key, string eventType, JToken example)
    {
        var body = new JObject { ["data"] = example.DeepClone() }.ToString(Newtonsoft.Json.Formatting.None);
        using var signer = new TelnyxWebhookSigner();
        var verifier = new TelnyxWebhookVerifier(signer.PublicKeyBase64);

        var webhook = verifier.Unwrap(body, signer.Sign(body, DateTimeOffset.UtcNow));

        Assert.That(webhook.EventType, Is.EqualTo(eventType));
        Assert.That(webhook.Id, Is.EqualTo((string?)example["id"]));
        var curated = ((JObject)SpecFile.Webhooks.Document["x-webhooks"]!).Properties().SingleOrDefault(w => (string?)w.Value["eventType"] == eventType);
        if (curated is null)
        {
            Assert.That(webhook, Is.TypeOf<UnknownTelnyxWebhookEvent>(), $"{eventType} is not in x-webhooks");
            return;
        }

        Assert.That(curated.Name, Is.EqualTo(key), "x-webhooks is keyed by Telnyx's webhook key");
        Assert.That(webhook, Is.TypeOf(SpecFile.Webhooks.GeneratedType(SpecFile.RefName((string)curated.Value["schema"]!))));
        Assert.That(webhook.Payload?.CallControlId, Is.EqualTo((string?)example["payload"]?["call_control_id"]),
            "Payload carries the example's call_control_id (none for an example without one: call.recording.saved)");
        TestContext.Out.WriteLine($"typed {eventType} -> {webhook.GetType().Name}");
    }
}
