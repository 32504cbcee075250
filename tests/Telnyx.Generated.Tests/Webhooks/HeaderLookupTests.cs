using System.Net.Http.Headers;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

public class HeaderLookupTests
{
    private TelnyxWebhookSigner _signer = null!;
    private TelnyxWebhookVerifier _verifier = null!;
    private string _signature = null!;
    private const string Ts = "1790000000";

    [SetUp]
    public void SetUp()
    {
        _signer = new TelnyxWebhookSigner();
        _verifier = VerifierFor(_signer);
        _signature = _signer.ComputeSignature(Body, Ts);
    }

    [TearDown]
    public void TearDown() => _signer.Dispose();

    [TestCase("telnyx-signature-ed25519", "telnyx-timestamp")]
    [TestCase("Telnyx-Signature-Ed25519", "Telnyx-Timestamp")]
    [TestCase("TELNYX-SIGNATURE-ED25519", "TELNYX-TIMESTAMP")]
    public void DictionaryLookup_IsCaseInsensitive_WhateverTheComparer(string signatureName, string timestampName)
    {
        foreach (var comparer in new StringComparer[] { StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase, StringComparer.InvariantCulture })
        {
            var headers = new Dictionary<string, string>(comparer) { [signatureName] = _signature, [timestampName] = Ts };
            Assert.That(_verifier.Unwrap(Body, headers), Is.TypeOf<CallReferStartedEvent>(), comparer.ToString());
            Assert.That(_verifier.Unwrap(Utf8(Body), headers), Is.TypeOf<CallReferStartedEvent>(), comparer.ToString());
        }

        IReadOnlyDictionary<string, string> readOnly = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(
            new Dictionary<string, string> { [signatureName] = _signature, [timestampName] = Ts });
        Assert.That(_verifier.Unwrap(Body, readOnly), Is.TypeOf<CallReferStartedEvent>());
    }

    [Test]
    public void DictionaryWithBothCasings_IsTreatedAsDuplicated() => Assert.Multiple(() =>
    {
        var twoSignatures = new Dictionary<string, string>
        {
            ["telnyx-signature-ed25519"] = _signature,
            ["Telnyx-Signature-Ed25519"] = _signature,
            ["telnyx-timestamp"] = Ts,
        };
        Assert.That(ReasonOf(() => _verifier.Unwrap(Body, twoSignatures)), Is.EqualTo(R.InvalidSignatureEncoding));

        var twoTimestamps = new Dictionary<string, string>
        {
            ["telnyx-signature-ed25519"] = _signature,
            ["telnyx-timestamp"] = Ts,
            ["TELNYX-TIMESTAMP"] = Ts,
        };
        Assert.That(ReasonOf(() => _verifier.Unwrap(Body, twoTimestamps)), Is.EqualTo(R.InvalidTimestamp));
    });

    [Test]
    public void FuncAccessor_FindsHeaders_AndRejectsCommaJoinedDuplicates()
    {
        Assert.That(_verifier.Unwrap(Utf8(Body), name => name == TelnyxWebhookHeaders.Signature ? _signature : Ts), Is.TypeOf<CallReferStartedEvent>());
        Assert.That(_verifier.Unwrap(Body, name => name == TelnyxWebhookHeaders.Signature ? _signature : Ts), Is.TypeOf<CallReferStartedEvent>());
        Assert.Multiple(() =>
        {
            // ASP.NET Core's StringValues joins repeated headers with commas.
            Assert.That(ReasonOf(() => _verifier.Unwrap(Body, name => name == TelnyxWebhookHeaders.Signature ? $"{_signature},{_signature}" : Ts)), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(ReasonOf(() => _verifier.Unwrap(Body, name => name == TelnyxWebhookHeaders.Signature ? _signature : $"{Ts},{Ts}")), Is.EqualTo(R.InvalidTimestamp));
            Assert.That(ReasonOf(() => _verifier.Unwrap(Body, _ => null)), Is.EqualTo(R.MissingSignature));
        });
    }

    [Test]
    public void HttpHeaders_FindsHeaders_CaseInsensitively()
    {
        using var request = new HttpRequestMessage();
        request.Headers.TryAddWithoutValidation("Telnyx-Signature-Ed25519", _signature);
        request.Headers.TryAddWithoutValidation("TELNYX-TIMESTAMP", Ts);
        Assert.That(_verifier.Unwrap(Body, request.Headers), Is.TypeOf<CallReferStartedEvent>());
        Assert.That(_verifier.Unwrap(Utf8(Body), request.Headers), Is.TypeOf<CallReferStartedEvent>());
    }

    [Test]
    public void HttpHeaders_SentTwice_AreRejected() => Assert.Multiple(() =>
    {
        using var twoSignatures = new HttpRequestMessage();
        twoSignatures.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Signature, [_signature, _signature]);
        twoSignatures.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Timestamp, Ts);
        Assert.That(ReasonOf(() => _verifier.Unwrap(Body, twoSignatures.Headers)), Is.EqualTo(R.InvalidSignatureEncoding));

        using var twoTimestamps = new HttpRequestMessage();
        twoTimestamps.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Signature, _signature);
        twoTimestamps.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Timestamp, [Ts, Ts]);
        Assert.That(ReasonOf(() => _verifier.Unwrap(Body, twoTimestamps.Headers)), Is.EqualTo(R.InvalidTimestamp));

        using var missing = new HttpRequestMessage();
        missing.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Signature, _signature);
        Assert.That(ReasonOf(() => _verifier.Unwrap(Body, missing.Headers)), Is.EqualTo(R.MissingTimestamp));
    });

    [Test]
    public void SignerHeaders_AreCaseInsensitive()
    {
        var headers = _signer.Sign(Body, NowTime);
        Assert.That(headers["TELNYX-TIMESTAMP"], Is.EqualTo(Ts));
        Assert.That(headers.Count, Is.EqualTo(2));
    }

    [Test]
    public void NullArguments_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => _verifier.Verify((string)null!, _signature, Ts));
        Assert.Throws<ArgumentNullException>(() => _verifier.Unwrap(Body, (IReadOnlyDictionary<string, string>)null!));
        Assert.Throws<ArgumentNullException>(() => _verifier.Unwrap(Body, (Func<string, string?>)null!));
        Assert.Throws<ArgumentNullException>(() => _verifier.Unwrap(Body, (HttpHeaders)null!));
        Assert.Throws<ArgumentNullException>(() => _verifier.Unwrap((string)null!, new Dictionary<string, string>()));
        Assert.Throws<ArgumentNullException>(() => TelnyxWebhookParser.Parse((string)null!));
    }
}
