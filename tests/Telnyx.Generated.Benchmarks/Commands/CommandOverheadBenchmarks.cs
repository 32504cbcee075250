using BenchmarkDotNet.Attributes;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// Benchmark 3: one call control command through TelnyxClient (auth, Polly retry + timeout, command_id, typed errors)
/// against the hand-written HttpClient + Newtonsoft baseline, both over the same in-memory handler, so what is
/// measured is the client's own cost per call. Target: at most 1.2x time and 1.3x allocations.
/// </summary>
[MemoryDiagnoser]
public class CommandOverheadBenchmarks
{
    private readonly SampleRequests _clientSamples = new();
    private readonly SampleRequests _baselineSamples = new();
    private HttpClient _http = null!;
    private TelnyxClient _telnyx = null!;
    private HandWrittenClient _handWritten = null!;

    [ParamsSource(typeof(SampleRequests), nameof(SampleRequests.Actions))]
    public string Action { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseUrl = new Uri("https://api.telnyx.test/v2/");
        _http = new HttpClient(new OkHandler());
        // Default options (2 retries, 60 s per-attempt timeout): the configuration users actually run.
        _telnyx = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_benchmark", BaseUrl = baseUrl });
        _handWritten = new HandWrittenClient(_http, baseUrl, "KEY_benchmark");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _telnyx.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HandWritten")]
    public Task<CallControlCommandResponse> HandWritten() => _handWritten.SendAsync(_baselineSamples, Action);

    [Benchmark(Description = "TelnyxClient")]
    public Task<CallControlCommandResponse> Telnyx() => _clientSamples.SendAsync(_telnyx.Calls.Actions, Action);
}
