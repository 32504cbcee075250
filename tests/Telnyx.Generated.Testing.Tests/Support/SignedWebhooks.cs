using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSec.Cryptography;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Testing.Tests.Support;

/// <summary>Verifies a received webhook and parses it into the library's generated event types.</summary>
internal static class SignedWebhooks
{
    public static TelnyxWebhookEvent VerifyAndParse(ReceivedWebhook received, string publicKey)
    {
        Assert.That(received.Signature, Is.Not.Null, "telnyx-signature-ed25519 header");
        Assert.That(received.Timestamp, Is.Not.Null, "telnyx-timestamp header");
        var key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(publicKey), KeyBlobFormat.RawPublicKey);
        var signed = Encoding.UTF8.GetBytes($"{received.Timestamp}|{received.Body}");
        Assert.That(SignatureAlgorithm.Ed25519.Verify(key, signed, Convert.FromBase64String(received.Signature!)), Is.True, "signature verifies");
        var eventType = JObject.Parse(received.Body)["data"]!["event_type"]!.Value<string>();
        var type = eventType switch
        {
            "call.refer.started" => typeof(CallReferStartedEvent),
            "call.refer.completed" => typeof(CallReferCompletedEvent),
            "call.refer.failed" => typeof(CallReferFailedEvent),
            "siprec.started" => typeof(CallSiprecStartedEvent),
            "siprec.stopped" => typeof(CallSiprecStoppedEvent),
            "siprec.failed" => typeof(CallSiprecFailedEvent),
            _ => throw new AssertionException($"unexpected event_type {eventType}"),
        };
        return (TelnyxWebhookEvent)JsonConvert.DeserializeObject(received.Body, type)!;
    }
}
