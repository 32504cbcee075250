using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

public class KeyConstructionTests
{
    private const string ValidKey = "f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c=";

    [TestCase("", "empty")]
    [TestCase("   ", "empty")]
    [TestCase("f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c", "not standard base64")]
    [TestCase("f_3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c=", "not standard base64")]
    [TestCase(" f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c=", "not standard base64")]
    [TestCase("f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c=\n", "not standard base64")]
    [TestCase("f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6d=", "not standard base64")]
    [TestCase("not a key!", "not standard base64")]
    [TestCase("f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5", "decodes to 30 bytes")]
    [TestCase("f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6cA", "decodes to 33 bytes")]
    [TestCase("MCowBQYDK2VwAyEAf/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c=", "decodes to 44 bytes")]
    public void BadPublicKey_ThrowsAtConstruction_SayingWhich(string key, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new TelnyxWebhookVerifier(key));
        Assert.That(ex!.Message, Does.Contain(expected));
        Assert.That(ex.ParamName, Is.EqualTo("publicKeyBase64"));
    }

    [Test]
    public void BadOptions_ThrowAtConstruction()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new TelnyxWebhookVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => _ = new TelnyxWebhookVerifier(ValidKey, null!));
        Assert.Throws<ArgumentNullException>(() => _ = new TelnyxWebhookVerifier(ValidKey, new TelnyxWebhookVerifierOptions { TimeProvider = null! }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TelnyxWebhookVerifier(ValidKey, new TelnyxWebhookVerifierOptions { Tolerance = TimeSpan.FromSeconds(-1) }));
        Assert.DoesNotThrow(() => _ = new TelnyxWebhookVerifier(ValidKey, new TelnyxWebhookVerifierOptions { Tolerance = TimeSpan.Zero }));
    }

    [Test]
    public void OptionsAreReadOnce()
    {
        using var signer = new TelnyxWebhookSigner();
        var options = new TelnyxWebhookVerifierOptions { TimeProvider = new FixedTimeProvider(WebhookFixtures.NowTime) };
        var verifier = new TelnyxWebhookVerifier(signer.PublicKeyBase64, options);
        options.Tolerance = TimeSpan.Zero;
        options.TimeProvider = new FixedTimeProvider(WebhookFixtures.NowTime.AddDays(1));
        var headers = signer.Sign(WebhookFixtures.Body, WebhookFixtures.NowTime.AddSeconds(-60));
        Assert.DoesNotThrow(() => verifier.Unwrap(WebhookFixtures.Body, headers));
    }

    [TestCase("", "empty")]
    [TestCase("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=", "not standard base64")]
    [TestCase("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyu", "decodes to 30 bytes")]
    public void BadPrivateKey_ThrowsAtConstruction_WithoutEchoingIt(string key, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new TelnyxWebhookSigner(key));
        Assert.That(ex!.Message, Does.Contain(expected));
        if (key.Length > 0)
        {
            Assert.That(ex.Message, Does.Not.Contain(key));
        }
    }
}
