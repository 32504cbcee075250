using System.Text;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

public class KnownAnswerTests
{
    // Made once with Node.js v20.20.2 (OpenSSL's Ed25519, independent of NSec/libsodium), 2026-11-24:
    //   node -e 'const crypto=require("crypto");
    //     const {publicKey,privateKey}=crypto.generateKeyPairSync("ed25519");
    //     const raw=publicKey.export({format:"der",type:"spki"}).subarray(12);   // raw 32-byte key
    //     const ts="1790000000"; const body=JSON.stringify({...});                // NodeBody below
    //     const sig=crypto.sign(null,Buffer.from(ts+"|"+body,"utf8"),privateKey);
    //     console.log(raw.toString("base64"), ts, body, sig.toString("base64"))'
    // The private key was discarded; the test needs no Node.
    private const string NodePublicKey = "f/3EDN7Pg66wEHrwYgwC2hl0905vrpk5JzPzwvO5M6c=";
    private const string NodeTimestamp = "1790000000";
    private const string NodeBody =
        """{"data":{"event_type":"call.refer.completed","id":"4ce4366d-8d87-44be-a00b-942154e9c5f5","occurred_at":"2020-03-30T13:29:44.650000Z","payload":{"call_control_id":"v2:OycMASgvIjsGIAVEx8x3n9rYeKnUJx6a3V8VGhs5futnr17KZhujZA","sip_notify_response":200,"to":"+13129457420","from":"+35319605860"},"record_type":"event"},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks"}}""";
    private const string NodeSignature = "VU8dmLMU1dIqveTe0/LbHEBQbRNjHOUhOuxpMT96p+XLqFU1YZzLsX9X9JAWRwsZlvaP1msS8PJV1Tl2jUaCDQ==";

    private static TelnyxWebhookVerifier NodeVerifier() => new(NodePublicKey, new TelnyxWebhookVerifierOptions
    {
        TimeProvider = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_790_000_100)),
    });

    [Test]
    public void NodeSignature_VerifiesFromBytesAndString()
    {
        var verifier = NodeVerifier();
        Assert.DoesNotThrow(() => verifier.Verify(Encoding.UTF8.GetBytes(NodeBody), NodeSignature, NodeTimestamp));
        Assert.DoesNotThrow(() => verifier.Verify(NodeBody, NodeSignature, NodeTimestamp));
    }

    [Test]
    public void NodeSignature_UnwrapsToTypedEvent()
    {
        var headers = new Dictionary<string, string> { ["Telnyx-Signature-Ed25519"] = NodeSignature, ["Telnyx-Timestamp"] = NodeTimestamp };
        var evt = NodeVerifier().Unwrap(Encoding.UTF8.GetBytes(NodeBody), headers);
        var completed = (CallReferCompletedEvent)evt;
        Assert.That(completed.EventType, Is.EqualTo("call.refer.completed"));
        Assert.That(completed.Data!.Payload!.SipNotifyResponse, Is.EqualTo(200));
        Assert.That(completed.Meta!.Attempt, Is.EqualTo(1));
    }

    [Test]
    public void NodeSignature_DoesNotVerifyAnotherBody()
    {
        Assert.That(
            WebhookFixtures.ReasonOf(() => NodeVerifier().Verify(NodeBody.Replace("200", "603"), NodeSignature, NodeTimestamp)),
            Is.EqualTo(TelnyxWebhookVerificationReason.SignatureMismatch));
    }

    // RFC 8032 section 7.1, TEST 1-3 (secret key, public key, message, signature; hex). Their messages are not
    // "timestamp|body", so they go through the verifier's internal VerifySignedMessage: the same strict base64
    // decoding and NSec call that Verify/Unwrap use after building "timestamp|body". The public key still goes
    // through the public constructor.
    private static readonly object[] Rfc8032 =
    [
        new object[] { "TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
        new object[] { "TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
        new object[] { "TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82", "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
    ];

    [TestCaseSource(nameof(Rfc8032))]
    public void Rfc8032Vector_Verifies_AndRejectsFlippedMessage(string name, string secretHex, string publicHex, string messageHex, string signatureHex)
    {
        var verifier = new TelnyxWebhookVerifier(Convert.ToBase64String(Convert.FromHexString(publicHex)));
        byte[] message = Convert.FromHexString(messageHex);
        string signature = Convert.ToBase64String(Convert.FromHexString(signatureHex));

        Assert.DoesNotThrow(() => verifier.VerifySignedMessage(message, signature), name);

        byte[] longer = [.. message, 0];
        Assert.That(WebhookFixtures.ReasonOf(() => verifier.VerifySignedMessage(longer, signature)), Is.EqualTo(TelnyxWebhookVerificationReason.SignatureMismatch));
    }

    [TestCaseSource(nameof(Rfc8032))]
    public void Rfc8032Vector_SignerReproducesKeyAndSignature(string name, string secretHex, string publicHex, string messageHex, string signatureHex)
    {
        using var signer = new TelnyxWebhookSigner(Convert.ToBase64String(Convert.FromHexString(secretHex)));
        Assert.That(signer.PublicKeyBase64, Is.EqualTo(Convert.ToBase64String(Convert.FromHexString(publicHex))), name);
        Assert.That(signer.SignMessage(Convert.FromHexString(messageHex)), Is.EqualTo(Convert.ToBase64String(Convert.FromHexString(signatureHex))), name);
    }

    [Test]
    public void SignerOutput_VerifiesThroughPublicPath()
    {
        using var signer = new TelnyxWebhookSigner();
        var headers = signer.Sign(WebhookFixtures.Body, WebhookFixtures.NowTime);
        Assert.That(headers[TelnyxWebhookHeaders.Timestamp], Is.EqualTo("1790000000"));
        var evt = WebhookFixtures.VerifierFor(signer).Unwrap(WebhookFixtures.Body, headers);
        Assert.That(evt, Is.TypeOf<CallReferStartedEvent>());
    }

    [Test]
    public void Signer_ToStringNeverShowsPrivateKey()
    {
        const string secret = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
        using var signer = new TelnyxWebhookSigner(secret);
        Assert.That(signer.ToString(), Does.Not.Contain(secret));
        Assert.That(signer.ToString(), Does.Contain(signer.PublicKeyBase64));
    }
}
