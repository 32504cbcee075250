using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Testing.Tests.Support;

/// <summary>
/// Verifies a received webhook with the library's <see cref="TelnyxWebhookVerifier"/> and parses it: the emulator signs
/// with NSec on its own, so every test that uses this checks one implementation against the other.
/// </summary>
internal static class SignedWebhooks
{
    public static TelnyxWebhookEvent VerifyAndParse(ReceivedWebhook received, string publicKey)
    {
        var parsed = new TelnyxWebhookVerifier(publicKey).Unwrap(received.Body, received.Headers);
        Assert.That(parsed, Is.Not.InstanceOf<UnknownTelnyxWebhookEvent>(), "a known event type");
        return parsed;
    }
}
