using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>A fresh key per test and the fixture body genuinely signed with it, for tests that change one thing.</summary>
public abstract class SignedWebhookTests
{
    protected const string Ts = "1790000000";

    protected TelnyxWebhookSigner Signer { get; private set; } = null!;

    protected TelnyxWebhookVerifier Verifier { get; private set; } = null!;

    protected string Signature { get; private set; } = null!;

    [SetUp]
    public void SignFixtureBody()
    {
        Signer = new TelnyxWebhookSigner();
        Verifier = VerifierFor(Signer);
        Signature = Signer.ComputeSignature(Body, Ts);
    }

    [TearDown]
    public void DisposeSigner() => Signer.Dispose();
}
