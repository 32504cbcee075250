using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>Each test changes one thing in a genuinely signed webhook and expects the matching Reason.</summary>
public abstract class TamperTests : SignedWebhookTests
{
    protected R Verify(string body, string? signature, string? timestamp) => ReasonOf(() => Verifier.Verify(Utf8(body), signature, timestamp));
}
