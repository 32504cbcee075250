using BenchmarkDotNet.Attributes;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// Where benchmark 3's overhead comes from, layer by layer, for the first action Telnyx de-duplicates (the pipeline
/// adds a command_id) and the first it does not:
/// hand-written baseline, then the generated CallActionsClient alone on a plain HttpClient, then the same with the one
/// structural cost of sending through a caller's HttpClient from inside another (a second HttpClient hop and a copy of
/// the request, since a sent message cannot be sent again), then TelnyxClient with retries and timeout off (the
/// pipeline without Polly strategies), then TelnyxClient as configured by default.
/// </summary>
[MemoryDiagnoser]
public class CommandOverheadBreakdown
{
    private readonly SampleRequests _samples = new();
    private readonly SampleRequests _baselineSamples = new();
    private HttpClient _http = null!;
    private CallActionsClient _generatedOnly = null!;
    private HttpClient _hop = null!;
    private CallActionsClient _generatedWithHop = null!;
    private TelnyxClient _noPolly = null!;
    private TelnyxClient _telnyx = null!;
    private HandWrittenClient _handWritten = null!;

    [ParamsSource(typeof(SampleRequests), nameof(SampleRequests.OneWithAndOneWithoutCommandId))]
    public string Action { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseUrl = new Uri("https://api.telnyx.test/v2/");
        _http = new HttpClient(new OkHandler());
        _generatedOnly = new CallActionsClient(_http);
        _hop = new HttpClient(new CopyingHopHandler(_http));
        _generatedWithHop = new CallActionsClient(_hop);
        _noPolly = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_benchmark", BaseUrl = baseUrl, MaxRetries = 0, Timeout = Timeout.InfiniteTimeSpan });
        _telnyx = new TelnyxClient(_http, new TelnyxClientOptions { ApiKey = "KEY_benchmark", BaseUrl = baseUrl });
        _handWritten = new HandWrittenClient(_http, baseUrl, "KEY_benchmark");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _noPolly.Dispose();
        _telnyx.Dispose();
        _hop.Dispose();
        _http.Dispose();
    }

    [Benchmark(Baseline = true, Description = "1 HandWritten")]
    public Task<CallControlCommandResponse> HandWritten() => _handWritten.SendAsync(_baselineSamples, Action);

    [Benchmark(Description = "2 generated client only")]
    public Task<CallControlCommandResponse> GeneratedOnly() => _samples.SendAsync(_generatedOnly, Action);

    [Benchmark(Description = "2b + HttpClient hop with a request copy")]
    public Task<CallControlCommandResponse> GeneratedWithHop() => _samples.SendAsync(_generatedWithHop, Action);

    [Benchmark(Description = "3 + pipeline, no retry/timeout")]
    public Task<CallControlCommandResponse> PipelineWithoutPolly() => _samples.SendAsync(_noPolly.Calls.Actions, Action);

    [Benchmark(Description = "4 TelnyxClient (defaults)")]
    public Task<CallControlCommandResponse> Telnyx() => _samples.SendAsync(_telnyx.Calls.Actions, Action);

    /// <summary>The minimum a handler must do to send through another HttpClient: a fresh message with the same parts.</summary>
    private sealed class CopyingHopHandler(HttpClient inner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var copy = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var accept in request.Headers.Accept)
            {
                copy.Headers.Accept.Add(accept);
            }

            if (request.Content is { } content)
            {
                var body = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                body.Headers.ContentType = content.Headers.ContentType;
                copy.Content = body;
            }

            return await inner.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }
}
