using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>A changed, re-serialised, empty, large or non-ASCII body: only the exact signed bytes verify.</summary>
public class BodyTamperTests : TamperTests
{
    [Test]
    public void Untampered_Verifies()
    {
        Assert.DoesNotThrow(() => Verifier.Verify(Utf8(Body), Signature, Ts));
        Assert.DoesNotThrow(() => Verifier.Verify(Body, Signature, Ts));
    }

    [Test]
    public void OneBodyByteChanged_AtEveryPosition()
    {
        byte[] body = Utf8(Body);
        for (int i = 0; i < body.Length; i++)
        {
            byte[] changed = (byte[])body.Clone();
            changed[i] ^= 0x01;
            Assert.That(ReasonOf(() => Verifier.Verify(changed, Signature, Ts)), Is.EqualTo(R.SignatureMismatch), $"byte {i}");
        }
    }

    [Test]
    public void BodyReserialisedOrTrimmed_DoesNotVerify() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body + "\n", Signature, Ts), Is.EqualTo(R.SignatureMismatch));
        Assert.That(Verify(" " + Body, Signature, Ts), Is.EqualTo(R.SignatureMismatch));
        Assert.That(Verify(Body.Replace(",", ", "), Signature, Ts), Is.EqualTo(R.SignatureMismatch));
        Assert.That(Verify("", Signature, Ts), Is.EqualTo(R.SignatureMismatch));
    });

    [Test]
    public void EmptyBody_SignedAsSuch_VerifiesButDoesNotParse()
    {
        string signature = Signer.ComputeSignature("", Ts);
        Assert.DoesNotThrow(() => Verifier.Verify(ReadOnlySpan<byte>.Empty, signature, Ts));
        var headers = new Dictionary<string, string> { [TelnyxWebhookHeaders.Signature] = signature, [TelnyxWebhookHeaders.Timestamp] = Ts };
        Assert.Throws<TelnyxWebhookParseException>(() => Verifier.Unwrap("", headers));
    }

    [Test]
    public void LargeBody_BeyondTheStackBuffer_VerifiesAndDetectsTampering()
    {
        string body = Body.Replace("\"attempt\":1", "\"attempt\":1,\"padding\":\"" + new string('x', 200_000) + "\"");
        string signature = Signer.ComputeSignature(body, Ts);
        Assert.That(Verifier.Unwrap(Utf8(body), name => name == TelnyxWebhookHeaders.Signature ? signature : Ts), Is.TypeOf<CallReferStartedEvent>());
        Assert.That(Verify(body.Replace("xxxx", "xxxy"), signature, Ts), Is.EqualTo(R.SignatureMismatch));
    }

    [Test]
    public void NonAsciiBody_VerifiesTheSameFromStringAndBytes()
    {
        string body = Body.Replace("v2:abc", "sip:zoë@例え.jp 🎧");
        string signature = Signer.ComputeSignature(Utf8(body), Ts);
        Assert.DoesNotThrow(() => Verifier.Verify(body, signature, Ts));
        Assert.DoesNotThrow(() => Verifier.Verify(Utf8(body), signature, Ts));
        var evt = (CallReferStartedEvent)Verifier.Unwrap(body, name => name == TelnyxWebhookHeaders.Signature ? signature : Ts);
        Assert.That(evt.Data!.Payload!.CallControlId, Is.EqualTo("sip:zoë@例え.jp 🎧"));
    }

    [Test]
    public void OneVerifier_IsSafeToShareAcrossThreads()
    {
        string tampered = Body.Replace("100", "101");
        int accepted = 0;
        int rejected = 0;
        Parallel.For(0, 2000, i =>
        {
            try
            {
                Verifier.Unwrap(Utf8(i % 2 == 0 ? Body : tampered), name => name == TelnyxWebhookHeaders.Signature ? Signature : Ts);
                Interlocked.Increment(ref accepted);
            }
            catch (TelnyxWebhookVerificationException ex) when (ex.Reason == R.SignatureMismatch)
            {
                Interlocked.Increment(ref rejected);
            }
        });
        Assert.That((accepted, rejected), Is.EqualTo((1000, 1000)));
    }
}
