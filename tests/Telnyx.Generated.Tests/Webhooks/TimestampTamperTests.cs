using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// A missing, changed, malformed or out-of-tolerance timestamp is rejected with its Reason; the tolerance and clock are
/// options.
/// </summary>
public class TimestampTamperTests : TamperTests
{
    [Test]
    public void MissingOrEmptyTimestamp() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body, Signature, null), Is.EqualTo(R.MissingTimestamp));
        Assert.That(Verify(Body, Signature, ""), Is.EqualTo(R.MissingTimestamp));
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, new Dictionary<string, string> { [TelnyxWebhookHeaders.Signature] = Signature })), Is.EqualTo(R.MissingTimestamp));
    });

    [Test]
    public void TimestampChanged_WithinTolerance_DoesNotVerify() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body, Signature, "1790000001"), Is.EqualTo(R.SignatureMismatch));
        Assert.That(Verify(Body, Signature, "01790000000"), Is.EqualTo(R.SignatureMismatch));
    });

    [TestCase("abc")]
    [TestCase("-1790000000")]
    [TestCase("+1790000000")]
    [TestCase(" 1790000000")]
    [TestCase("1790000000 ")]
    [TestCase("1790000000.0")]
    [TestCase("1,790,000,000")]
    [TestCase("١٧٩٠٠٠٠٠٠٠")]
    [TestCase("99999999999999999999")]
    [TestCase("9223372036854775808")]
    [TestCase("1790000000,1790000000")]
    public void MalformedTimestamp_IsInvalid(string timestamp)
        => Assert.That(Verify(Body, Signer.ComputeSignature(Body, timestamp), timestamp), Is.EqualTo(R.InvalidTimestamp));

    [Test]
    public void HugeButParseableTimestamp_IsTooNew()
    {
        const string huge = "9223372036854775807";
        Assert.That(Verify(Body, Signer.ComputeSignature(Body, huge), huge), Is.EqualTo(R.TimestampTooNew));
        Assert.That(Verify(Body, Signer.ComputeSignature(Body, "0"), "0"), Is.EqualTo(R.TimestampTooOld));
    }

    [TestCase(-301, R.TimestampTooOld)]
    [TestCase(301, R.TimestampTooNew)]
    public void JustOutsideTolerance_IsRejected(int offset, R reason)
    {
        string ts = (Now + offset).ToString();
        Assert.That(Verify(Body, Signer.ComputeSignature(Body, ts), ts), Is.EqualTo(reason));
    }

    [TestCase(-300)]
    [TestCase(-299)]
    [TestCase(299)]
    [TestCase(300)]
    public void AtOrJustInsideTolerance_Verifies(int offset)
    {
        string ts = (Now + offset).ToString();
        Assert.DoesNotThrow(() => Verifier.Verify(Body, Signer.ComputeSignature(Body, ts), ts));
    }

    [Test]
    public void ToleranceIsConfigurable_AndClockInjectable()
    {
        var verifier = VerifierFor(Signer, Now + 30, TimeSpan.FromSeconds(29));
        Assert.That(ReasonOf(() => verifier.Verify(Body, Signature, Ts)), Is.EqualTo(R.TimestampTooOld));
        Assert.DoesNotThrow(() => VerifierFor(Signer, Now + 30, TimeSpan.FromSeconds(30)).Verify(Body, Signature, Ts));
        Assert.That(new TelnyxWebhookVerifierOptions().Tolerance, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(new TelnyxWebhookVerifierOptions().TimeProvider, Is.SameAs(TimeProvider.System));
    }

    [Test]
    public void SystemClockDefault_RejectsOldTimestamp()
        => Assert.That(ReasonOf(() => new TelnyxWebhookVerifier(Signer.PublicKeyBase64).Verify(Body, Signature, Ts)), Is.AnyOf(R.TimestampTooOld, R.TimestampTooNew));
}
