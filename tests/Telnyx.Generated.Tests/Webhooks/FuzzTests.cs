using System.Text;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.Tests.Webhooks.WebhookFixtures;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// Thousands of mutated webhooks. Seeded (reproducible) mutations of a signed message must never verify; re-signed
/// mutated bodies must parse or give TelnyxWebhookParseException; arbitrary inputs (FsCheck) only ever give the
/// TelnyxWebhookException family.
/// </summary>
public class FuzzTests
{
    private const string Ts = "1790000000";
    private static readonly string[] Fragments = ["{", "}", "[", "]", "\"", ",", ":", "null", "\"data\"", "\"event_type\"", "\"call.refer.started\"", "\"siprec.failed\"", "\\u0000", "1e999", "-", "é", "\uD83C\uDFA7", " ", "\n", "|", "="];

    [Test]
    public void SeededMutationsOfASignedWebhook_NeverVerify_AndOnlyFamilyExceptionsEscape([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        using var signer = new TelnyxWebhookSigner();
        var verifier = VerifierFor(signer);
        string signature = signer.ComputeSignature(Body, Ts);
        byte[] body = Utf8(Body);
        int rejected = 0;

        for (int i = 0; i < 1500; i++)
        {
            byte[] mutatedBody = body;
            string mutatedSignature = signature;
            string mutatedTs = Ts;
            switch (random.Next(3))
            {
                case 0: mutatedBody = MutateBytes(body, random); break;
                case 1: mutatedSignature = MutateText(signature, random); break;
                default: mutatedTs = MutateText(Ts, random); break;
            }

            if (mutatedBody.AsSpan().SequenceEqual(body) && mutatedSignature == signature && mutatedTs == Ts)
            {
                continue;
            }

            try
            {
                verifier.Unwrap(mutatedBody, name => name == TelnyxWebhookHeaders.Signature ? mutatedSignature : mutatedTs);
                Assert.Fail($"seed {seed} iteration {i}: a mutated webhook verified (sig '{mutatedSignature}', ts '{mutatedTs}', body '{Encoding.UTF8.GetString(mutatedBody)}')");
            }
            catch (TelnyxWebhookVerificationException)
            {
                rejected++;
            }
        }

        Assert.That(rejected, Is.GreaterThan(1000));
    }

    [Test]
    public void SeededMutatedBodies_ResignedAndVerified_ParseOrGiveParseException([Values(1, 2)] int seed)
    {
        var random = new Random(seed);
        using var signer = new TelnyxWebhookSigner();
        var verifier = VerifierFor(signer);
        byte[] body = Utf8(Body);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 2000; i++)
        {
            byte[] mutated = MutateBytes(body, random);
            var headers = signer.Sign(mutated, NowTime);
            try
            {
                var evt = verifier.Unwrap(mutated, headers);
                Assert.That(evt.EventType, Is.Not.Null);
                parsed++;
            }
            catch (TelnyxWebhookParseException ex)
            {
                Assert.That(ex.Message, Is.Not.Empty);
                refused++;
            }
        }

        Assert.That(parsed, Is.GreaterThan(0));
        Assert.That(refused, Is.GreaterThan(0));
    }

    private static readonly TelnyxWebhookVerifier ArbitraryVerifier = new(new TelnyxWebhookSigner().PublicKeyBase64, new TelnyxWebhookVerifierOptions
    {
        TimeProvider = new FixedTimeProvider(NowTime),
    });

    [FsCheckProperty(MaxTest = 2000)]
    public void ArbitraryBodiesAndHeaders_OnlyGiveTheWebhookFamily(string? body, string? signature, string? timestamp)
    {
        body ??= string.Empty;
        try
        {
            ArbitraryVerifier.Unwrap(body, name => name == TelnyxWebhookHeaders.Signature ? signature : timestamp);
            Assert.Fail("random headers verified");
        }
        catch (TelnyxWebhookVerificationException)
        {
        }

        try
        {
            TelnyxWebhookParser.Parse(body);
            TelnyxWebhookParser.Parse(Encoding.UTF8.GetBytes(body));
        }
        catch (TelnyxWebhookParseException)
        {
        }
    }

    private static byte[] MutateBytes(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits; e++)
        {
            int at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0 when at < bytes.Count: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when at < bytes.Count: bytes.RemoveAt(at); break;
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)])); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4 when at < bytes.Count: bytes[at] = (byte)random.Next(256); break;
                default: bytes.Insert(Math.Min(at, bytes.Count), (byte)random.Next(32, 127)); break;
            }
        }

        return [.. bytes];
    }

    private static string MutateText(string source, Random random)
    {
        var text = new StringBuilder(source);
        int at = random.Next(text.Length + 1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \t,+.0";
        switch (random.Next(5))
        {
            case 0 when at < text.Length: text[at] = alphabet[random.Next(alphabet.Length)]; break;
            case 1 when at < text.Length: text.Remove(at, 1); break;
            case 2: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
            case 3: text.Length = at; break;
            default: text.Insert(at, source); break;
        }

        return text.ToString();
    }
}
