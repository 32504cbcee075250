using System.Net.Http.Headers;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;
using R = Telnyx.Generated.Webhooks.TelnyxWebhookVerificationReason;

namespace Telnyx.Generated.Tests.Webhooks;

public class HeaderLookupTests : SignedWebhookTests
{
    [TestCase("telnyx-signature-ed25519", "telnyx-timestamp")]
    [TestCase("Telnyx-Signature-Ed25519", "Telnyx-Timestamp")]
    [TestCase("TELNYX-SIGNATURE-ED25519", "TELNYX-TIMESTAMP")]
    public void DictionaryLookup_IsCaseInsensitive_WhateverTheComparer(string signatureName, string timestampName)
    {
        foreach (var comparer in new StringComparer[] { StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase, StringComparer.InvariantCulture })
        {
            var headers = new Dictionary<string, string>(comparer) { [signatureName] = Signature, [timestampName] = Ts };
            Assert.That(Verifier.Unwrap(Body, headers), Is.TypeOf<CallReferStartedEvent>(), comparer.ToString());
            Assert.That(Verifier.Unwrap(Utf8(Body), headers), Is.TypeOf<CallReferStartedEvent>(), comparer.ToString());
        }

        IReadOnlyDictionary<string, string> readOnly = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(
            new Dictionary<string, string> { [signatureName] = Signature, [timestampName] = Ts });
        Assert.That(Verifier.Unwrap(Body, readOnly), Is.TypeOf<CallReferStartedEvent>());
    }

    [Test]
    public void DictionaryWithBothCasings_IsTreatedAsDuplicated() => Assert.Multiple(() =>
    {
        var twoSignatures = new Dictionary<string, string>
        {
            ["telnyx-signature-ed25519"] = Signature,
            ["Telnyx-Signature-Ed25519"] = Signature,
            ["telnyx-timestamp"] = Ts,
        };
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, twoSignatures)), Is.EqualTo(R.InvalidSignatureEncoding));

        var twoTimestamps = new Dictionary<string, string>
        {
            ["telnyx-signature-ed25519"] = Signature,
            ["telnyx-timestamp"] = Ts,
            ["TELNYX-TIMESTAMP"] = Ts,
        };
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, twoTimestamps)), Is.EqualTo(R.InvalidTimestamp));
    });

    [Test]
    public void FuncAccessor_FindsHeaders_AndRejectsCommaJoinedDuplicates()
    {
        Assert.That(Verifier.Unwrap(Utf8(Body), name => name == TelnyxWebhookHeaders.Signature ? Signature : Ts), Is.TypeOf<CallReferStartedEvent>());
        Assert.That(Verifier.Unwrap(Body, name => name == TelnyxWebhookHeaders.Signature ? Signature : Ts), Is.TypeOf<CallReferStartedEvent>());
        Assert.Multiple(() =>
        {
            // ASP.NET Core's StringValues joins repeated headers with commas.
            Assert.That(ReasonOf(() => Verifier.Unwrap(Body, name => name == TelnyxWebhookHeaders.Signature ? $"{Signature},{Signature}" : Ts)), Is.EqualTo(R.InvalidSignatureEncoding));
            Assert.That(ReasonOf(() => Verifier.Unwrap(Body, name => name == TelnyxWebhookHeaders.Signature ? Signature : $"{Ts},{Ts}")), Is.EqualTo(R.InvalidTimestamp));
            Assert.That(ReasonOf(() => Verifier.Unwrap(Body, _ => null)), Is.EqualTo(R.MissingSignature));
        });
    }

    [Test]
    public void HttpHeaders_FindsHeaders_CaseInsensitively()
    {
        using var request = new HttpRequestMessage();
        request.Headers.TryAddWithoutValidation("Telnyx-Signature-Ed25519", Signature);
        request.Headers.TryAddWithoutValidation("TELNYX-TIMESTAMP", Ts);
        Assert.That(Verifier.Unwrap(Body, request.Headers), Is.TypeOf<CallReferStartedEvent>());
        Assert.That(Verifier.Unwrap(Utf8(Body), request.Headers), Is.TypeOf<CallReferStartedEvent>());
    }

    [Test]
    public void HttpHeaders_SentTwice_AreRejected() => Assert.Multiple(() =>
    {
        using var twoSignatures = new HttpRequestMessage();
        twoSignatures.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Signature, [Signature, Signature]);
        twoSignatures.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Timestamp, Ts);
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, twoSignatures.Headers)), Is.EqualTo(R.InvalidSignatureEncoding));

        using var twoTimestamps = new HttpRequestMessage();
        twoTimestamps.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Signature, Signature);
        twoTimestamps.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Timestamp, [Ts, Ts]);
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, twoTimestamps.Headers)), Is.EqualTo(R.InvalidTimestamp));

        using var missing = new HttpRequestMessage();
        missing.Headers.TryAddWithoutValidation(TelnyxWebhookHeaders.Signature, Signature);
        Assert.That(ReasonOf(() => Verifier.Unwrap(Body, missing.Headers)), Is.EqualTo(R.MissingTimestamp));
    });

    [Test]
    public void SignerHeaders_AreCaseInsensitive()
    {
        var headers = Signer.Sign(Body, NowTime);
        Assert.That(headers["TELNYX-TIMESTAMP"], Is.EqualTo(Ts));
        Assert.That(headers.Count, Is.EqualTo(2));
    }

    [Test]
    public void NullArguments_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Verifier.Verify((string)null!, Signature, Ts));
        Assert.Throws<ArgumentNullException>(() => Verifier.Unwrap(Body, (IReadOnlyDictionary<string, string>)null!));
        Assert.Throws<ArgumentNullException>(() => Verifier.Unwrap(Body, (Func<string, string?>)null!));
        Assert.Throws<ArgumentNullException>(() => Verifier.Unwrap(Body, (HttpHeaders)null!));
        Assert.Throws<ArgumentNullException>(() => Verifier.Unwrap((string)null!, new Dictionary<string, string>()));
        Assert.Throws<ArgumentNullException>(() => TelnyxWebhookParser.Parse((string)null!));
    }
}
