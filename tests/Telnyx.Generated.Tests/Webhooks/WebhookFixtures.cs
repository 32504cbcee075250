using System.Text;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>A clock that stands still, so tolerance tests are exact to the second.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Bodies, keys and helpers shared by the webhook tests.</summary>
internal static class WebhookFixtures
{
    public const long Now = 1_790_000_000;

    /// <summary>The "examples" object of the shared reference's webhook examples, dates left as the strings Telnyx sends.</summary>
    public static readonly Newtonsoft.Json.Linq.JObject ReferenceExamples = (Newtonsoft.Json.Linq.JObject)Newtonsoft.Json.Linq.JObject.Load(
        new Newtonsoft.Json.JsonTextReader(new StringReader(File.ReadAllText(Repo.WebhookExamples)))
        {
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
        })["examples"]!;

    public static readonly DateTimeOffset NowTime = DateTimeOffset.FromUnixTimeSeconds(Now);

    public const string Body =
        """{"data":{"event_type":"call.refer.started","id":"fbeb70e0-54eb-4e26-8d19-56b43e66f754","occurred_at":"2020-03-30T13:29:42.130013Z","payload":{"call_control_id":"v2:abc","sip_notify_response":100},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"}}""";

    public static TelnyxWebhookVerifier VerifierFor(TelnyxWebhookSigner signer, long now = Now, TimeSpan? tolerance = null)
        => new(signer.PublicKeyBase64, new TelnyxWebhookVerifierOptions
        {
            TimeProvider = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)),
            Tolerance = tolerance ?? TimeSpan.FromMinutes(5),
        });

    /// <summary>The reason <paramref name="action"/> was rejected; fails the test on accept or any other exception type.</summary>
    public static TelnyxWebhookVerificationReason ReasonOf(Action action)
    {
        try
        {
            action();
        }
        catch (TelnyxWebhookVerificationException ex)
        {
            Assert.That(ex.Message, Is.EqualTo(TelnyxWebhookVerificationException.MessageFor(ex.Reason)));
            return ex.Reason;
        }

        Assert.Fail("A tampered webhook was accepted.");
        throw new InvalidOperationException("unreachable");
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
