using BenchmarkDotNet.Attributes;
using Telnyx.Generated.Benchmarks.Throughput;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// What the client's telemetry costs per command, over the in-memory handler of benchmark 3: nobody listening (the
/// baseline: a command pays for two checks) against the command span, its attempt event and the duration metric
/// exported in memory by the OpenTelemetry SDK (<see cref="TelemetryExport"/>).
/// </summary>
[MemoryDiagnoser]
public class CommandTelemetryBenchmarks
{
    private readonly SampleRequests _samples = new();
    private HttpClient _http = null!;
    private TelnyxClient _telnyx = null!;
    private TelemetryExport? _export;

    [Params("off", "exported")]
    public string Telemetry { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new OkHandler());
        _telnyx = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_benchmark", BaseUrl = new Uri("https://api.telnyx.test/v2/") });
        _export = Telemetry == "exported" ? new TelemetryExport() : null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _export?.Dispose();
        _telnyx.Dispose();
        _http.Dispose();
    }

    [Benchmark(Description = "Refer")]
    public Task<CallControlCommandResponse> Refer() => _samples.SendAsync(_telnyx.Calls.Actions, "Refer");
}
