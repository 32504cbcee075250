using System.Security.Cryptography;
using System.Text;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// A missing, flipped, truncated, re-encoded or foreign signature, or one from another key, is rejected with its
/// Reason.
/// </summary>
public class SignatureTamperTests : TamperTests
{
    [Test]
    public void MissingOrEmptySignature() => Assert.Multiple(() =>
    {
        Assert.That(Verify(Body, null, Ts), Is.EqualTo(R.MissingSignature));
        Assert.That(Verify(Body, "", Ts), Is.EqualTo(R.MissingSignature));
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, new Dictionary<string, string> { [TelnyxWebhookHeaders.Timestamp] = Ts })), Is.EqualTo(R.MissingSignature));
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
    public void EveryReason_HasItsOwnActionableMessage()
    {
        var messages = Enum.GetValues<R>().Select(TelnyxWebhookVerificationException.MessageFor).ToList();
        Assert.That(messages, Is.Unique);
        string mismatch = TelnyxWebhookVerificationException.MessageFor(R.SignatureMismatch);
        Assert.That(mismatch, Does.Contain("re-serialised").And.Contain("wrong public key").And.Contain("raw request body"));
    }
}
