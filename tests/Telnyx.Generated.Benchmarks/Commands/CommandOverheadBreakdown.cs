using BenchmarkDotNet.Attributes;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// Where benchmark 3's overhead comes from, layer by layer, for one action Telnyx de-duplicates (refer: the pipeline
/// adds a command_id) and one it does not (switch_supervisor_role):
/// hand-written baseline, then the generated CallActionsClient alone on a plain HttpClient, then TelnyxClient with
/// retries and timeout off (the pipeline without Polly strategies), then TelnyxClient as configured by default.
/// </summary>
[MemoryDiagnoser]
public class CommandOverheadBreakdown
{
    private readonly SampleRequests _samples = new();
    private readonly SampleRequests _baselineSamples = new();
    private HttpClient _http = null!;
    private CallActionsClient _generatedOnly = null!;
    private TelnyxClient _noPolly = null!;
    private TelnyxClient _telnyx = null!;
    private HandWrittenClient _handWritten = null!;

    [Params(CallAction.Refer, CallAction.SwitchSupervisorRole)]
    public CallAction Action { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var baseUrl = new Uri("https://api.telnyx.test/v2/");
        _http = new HttpClient(new OkHandler());
        _generatedOnly = new CallActionsClient(_http);
        _noPolly = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_benchmark", BaseUrl = baseUrl, MaxRetries = 0, Timeout = Timeout.InfiniteTimeSpan });
        _telnyx = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_benchmark", BaseUrl = baseUrl });
        _handWritten = new HandWrittenClient(_http, baseUrl, "KEY_benchmark");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _noPolly.Dispose();
        _telnyx.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, Description = "1 HandWritten")]
    public Task<CallControlCommandResponse> HandWritten() => _handWritten.SendAsync(_baselineSamples, Action);

    [Benchmark(Description = "2 generated client only")]
    public Task<CallControlCommandResponse> GeneratedOnly() => _samples.SendAsync(_generatedOnly, Action);

    [Benchmark(Description = "3 + pipeline, no retry/timeout")]
    public Task<CallControlCommandResponse> PipelineWithoutPolly() => _samples.SendAsync(_noPolly.Calls.Actions, Action);

    [Benchmark(Description = "4 TelnyxClient (defaults)")]
    public Task<CallControlCommandResponse> Telnyx() => _samples.SendAsync(_telnyx.Calls.Actions, Action);
}
