using System.Security.Cryptography;
using System.Text;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>Each test changes one thing in a genuinely signed webhook and expects the matching Reason.</summary>
public class TamperTests : SignedWebhookTests
{
    private R Verify(string body, string? signature, string? timestamp) => ReasonOf(() => Verifier.Verify(Utf8(body), signature, timestamp));

    [Test]
    public void Untampered_Verifies()
    {
        Assert.DoesNotThrow(() => Verifier.Verify(Utf8(Body), Signature, Ts));
        Assert.DoesNotThrow(() => Verifier.Verify(Body, Signature, Ts));
    }

    [Test]
    public void MissingOrEmptySignature() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body, null, Ts), Is.EqualTo(R.MissingSignature));
        Assert.That(Verify(Body, "", Ts), Is.EqualTo(R.MissingSignature));
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, new Dictionary<string, string> { [TelnyxWebhookHeaders.Timestamp] = Ts })), Is.EqualTo(R.MissingSignature));
    });

    [Test]
    public void MissingOrEmptyTimestamp() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body, Signature, null), Is.EqualTo(R.MissingTimestamp));
        Assert.That(Verify(Body, Signature, ""), Is.EqualTo(R.MissingTimestamp));
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, new Dictionary<string, string> { [TelnyxWebhookHeaders.Signature] = Signature })), Is.EqualTo(R.MissingTimestamp));
    });

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
    public void TimestampChanged_WithinTolerance_DoesNotVerify() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body, Signature, "1790000001"), Is.EqualTo(R.SignatureMismatch));
        Assert.That(Verify(Body, Signature, "01790000000"), Is.EqualTo(R.SignatureMismatch));
    });

    [Test]
    public void EachSignatureBitFlipped_InEveryByte()
    {
        byte[] signature = Convert.FromBase64String(Signature);
        for (int i = 0; i < signature.Length; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80 })
            {
                byte[] flipped = (byte[])signature.Clone();
                flipped[i] ^= mask;
                Assert.That(Verify(Body, Convert.ToBase64String(flipped), Ts), Is.EqualTo(R.SignatureMismatch), $"byte {i} mask {mask}");
            }
        }
    }

    [Test]
    public void WrongKey_DoesNotVerify()
    {
        using var other = new TelnyxWebhookSigner();
        Assert.That(ReasonOf(() => VerifierFor(other).Verify(Body, Signature, Ts)), Is.EqualTo(R.SignatureMismatch));
    }

    [Test]
    public void TruncatedOrPaddedSignature() => Assert.Multiple(() =>
    {
        byte[] signature = Convert.FromBase64String(Signature);
        Assert.That(Verify(Body, Convert.ToBase64String(signature[..63]), Ts), Is.EqualTo(R.InvalidSignatureEncoding));
        Assert.That(Verify(Body, Convert.ToBase64String([.. signature, 0]), Ts), Is.EqualTo(R.InvalidSignatureEncoding));
        Assert.That(Verify(Body, Signature[..^2], Ts), Is.EqualTo(R.InvalidSignatureEncoding));
        Assert.That(Verify(Body, Signature + "=", Ts), Is.EqualTo(R.InvalidSignatureEncoding));
        Assert.That(Verify(Body, Signature + "AAAA", Ts), Is.EqualTo(R.InvalidSignatureEncoding));
        Assert.That(Verify(Body, Signature[..^1], Ts), Is.EqualTo(R.InvalidSignatureEncoding));
    });

    [Test]
    public void Base64UrlAndWhitespaceVariants_AreRejected()
    {
        // A signature with both '+' and '/' so the url-safe spelling differs; re-sign until one appears.
        string body = Body;
        string signature = Signature;
        for (int n = 0; !(signature.Contains('+') && signature.Contains('/')); n++)
        {
            body = Body.Replace("\"attempt\":1", $"\"attempt\":{n}");
            signature = Signer.ComputeSignature(body, Ts);
        }

        Assert.DoesNotThrow(() => Verifier.Verify(body, signature, Ts));
        Assert.Multiple(() =>
        {
            Assert.That(Verify(body, signature.Replace('+', '-').Replace('/', '_'), Ts), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(Verify(body, signature.TrimEnd('='), Ts), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(Verify(body, " " + signature, Ts), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(Verify(body, signature + " ", Ts), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(Verify(body, signature[..40] + "\n" + signature[40..], Ts), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(Verify(body, signature[..40] + " " + signature[41..], Ts), Is.EqualTo(R.InvalidSignatureEncoding));
        });
    }

    [Test]
    public void NonCanonicalTrailingBits_AreRejected()
    {
        // 64 bytes leave 4 unused bits in the last base64 character; lenient decoders accept 16 spellings.
        char last = Signature[85];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int value = alphabet.IndexOf(last);
        for (int low = 1; low < 16; low++)
        {
            string variant = Signature[..85] + alphabet[value | low] + "==";
            if (variant != Signature)
            {
                Assert.That(Verify(Body, variant, Ts), Is.EqualTo(R.InvalidSignatureEncoding), variant);
            }
        }
    }

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

    [Test]
    public void StandardWebhooksHmacHeaders_DoNotVerify()
    {
        // What a Standard Webhooks (HMAC-SHA256) sender would send: no telnyx-* headers at all.
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        string id = "msg_2Lh9KRb0pzN4LePd3XiC4dD6Ixs";
        string toSign = $"{id}.{Ts}.{Body}";
        string hmac = Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(toSign)));
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = Ts,
            ["webhook-signature"] = "v1," + hmac,
        };
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, headers)), Is.EqualTo(R.MissingSignature));

        // Even copied into the Telnyx headers, the HMAC is neither a 64-byte signature nor an Ed25519 one.
        headers[TelnyxWebhookHeaders.Timestamp] = Ts;
        headers[TelnyxWebhookHeaders.Signature] = "v1," + hmac;
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, headers)), Is.EqualTo(R.InvalidSignatureEncoding));
        headers[TelnyxWebhookHeaders.Signature] = Convert.ToBase64String([.. Convert.FromBase64String(hmac), .. Convert.FromBase64String(hmac)]);
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, headers)), Is.EqualTo(R.SignatureMismatch));
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

    [Test]
    public void EveryReason_HasItsOwnActionableMessage()
    {
        var messages = Enum.GetValues<R>().Select(TelnyxWebhookVerificationException.MessageFor).ToList();
        Assert.That(messages, Is.Unique);
        string mismatch = TelnyxWebhookVerificationException.MessageFor(R.SignatureMismatch);
        Assert.That(mismatch, Does.Contain("re-serialised").And.Contain("wrong public key").And.Contain("raw request body"));
    }
}
