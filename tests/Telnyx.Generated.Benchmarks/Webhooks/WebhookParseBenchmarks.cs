using System.Text;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// Benchmark 2: TelnyxWebhookParser.Parse (find event_type, pick the model, deserialise) per event type, against a
/// plain JsonConvert.DeserializeObject into the already-known generated type. Target: at most 1.2x.
/// </summary>
[MemoryDiagnoser]
public class WebhookParseBenchmarks
{
    private string _body = null!;
    private byte[] _bodyBytes = null!;
    private Type _model = null!;

    [ParamsSource(nameof(EventTypes))]
    public string EventType { get; set; } = null!;

    public static IEnumerable<string> EventTypes => WebhookExamples.EventTypes;

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookExamples.Body(EventType);
        _bodyBytes = Encoding.UTF8.GetBytes(_body);
        _model = WebhookExamples.ModelType(EventType);
        if (TelnyxWebhookParser.Parse(_body).GetType() != _model)
        {
            throw new InvalidOperationException($"Parse did not produce {_model.Name} for {EventType}.");
        }
    }

    [Benchmark(Baseline = true, Description = "JsonConvert.DeserializeObject<T>")]
    public object? PlainNewtonsoft() => JsonConvert.DeserializeObject(_body, _model);

    [Benchmark(Description = "Parse(string)")]
    public TelnyxWebhookEvent ParseString() => TelnyxWebhookParser.Parse(_body);

    [Benchmark(Description = "Parse(bytes)")]
    public TelnyxWebhookEvent ParseBytes() => TelnyxWebhookParser.Parse(_bodyBytes);
}
