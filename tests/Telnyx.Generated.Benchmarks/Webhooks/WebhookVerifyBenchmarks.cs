using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// Benchmark 1: TelnyxWebhookVerifier.Unwrap (verify the Ed25519 signature over "{timestamp}|{body}", check the
/// timestamp, parse into the typed event) on each example body, from bytes and from a string, against one raw NSec
/// Ed25519 verification of the same signed message: the physical floor. Target: Unwrap at most 1.10x the raw
/// verification; allocations at most 3x the body size.
/// </summary>
[MemoryDiagnoser]
public class WebhookVerifyBenchmarks
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private TelnyxWebhookVerifier _verifier = null!;
    private IReadOnlyDictionary<string, string> _headers = null!;
    private string _body = null!;
    private byte[] _bodyBytes = null!;
    private PublicKey _publicKey = null!;
    private byte[] _signedMessage = null!;
    private byte[] _signature = null!;

    [ParamsSource(nameof(EventTypes))]
    public string EventType { get; set; } = null!;

    public static IEnumerable<string> EventTypes => WebhookExamples.EventTypes;

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookExamples.Body(EventType);
        _bodyBytes = Encoding.UTF8.GetBytes(_body);
        using var signer = new TelnyxWebhookSigner();
        _headers = signer.Sign(_body, SignedAt);
        // A fixed clock: a full run lasts longer than the 5-minute tolerance.
        _verifier = new TelnyxWebhookVerifier(signer.PublicKeyBase64, new TelnyxWebhookVerifierOptions { TimeProvider = new FixedClock(SignedAt) });

        _publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(signer.PublicKeyBase64), KeyBlobFormat.RawPublicKey);
        _signedMessage = Encoding.UTF8.GetBytes(Header("telnyx-timestamp") + "|" + _body);
        _signature = Convert.FromBase64String(Header("telnyx-signature-ed25519"));
        if (!SignatureAlgorithm.Ed25519.Verify(_publicKey, _signedMessage, _signature) || _verifier.Unwrap(_bodyBytes, _headers).EventType != EventType)
        {
            throw new InvalidOperationException("The benchmark's signed message does not verify: the setup is wrong.");
        }
    }

    [Benchmark(Baseline = true, Description = "raw NSec Ed25519.Verify")]
    public bool RawVerify() => SignatureAlgorithm.Ed25519.Verify(_publicKey, _signedMessage, _signature);

    [Benchmark(Description = "Unwrap(bytes)")]
    public TelnyxWebhookEvent UnwrapBytes() => _verifier.Unwrap(_bodyBytes, _headers);

    [Benchmark(Description = "Unwrap(string)")]
    public TelnyxWebhookEvent UnwrapString() => _verifier.Unwrap(_body, _headers);

    private string Header(string name) =>
        _headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
