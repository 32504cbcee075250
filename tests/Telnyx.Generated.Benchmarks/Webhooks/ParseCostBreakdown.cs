using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Telnyx.Generated.Webhooks;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// What Parse costs against the plain baseline, rebuilt from public pieces. A modelled event takes the fast path: a
/// short scan to data.event_type, then one System.Text.Json reader pass straight into the model, so (b) one full
/// Utf8JsonReader pass plus the model's strings and objects is its floor, and Parse(string) adds (a) the UTF-16 to
/// UTF-8 transcode. An unknown scalar field is stored as extension data on the fast path; a body the fast path
/// declines (unknown nested objects or arrays, duplicates, odd dates, unknown event types, malformed JSON) pays the fast attempt up to where it declined, then (b) for the discriminator, the UTF-8 to UTF-16
/// transcode and (c) the Newtonsoft deserialisation with a shared serializer and pooled buffers.
/// </summary>
[MemoryDiagnoser]
public class ParseCostBreakdown
{
    private static readonly JsonSerializer Shared = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None });
    private byte[] _bodyBytes = null!;
    private byte[] _unknownScalarLast = null!;
    private byte[] _unknownObjectLast = null!;
    private string _body = null!;
    private Type _model = null!;

    [Params("call.refer.started", "siprec.started")]
    public string EventType { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookExamples.Body(EventType);
        _bodyBytes = Encoding.UTF8.GetBytes(_body);
        _unknownScalarLast = Encoding.UTF8.GetBytes(_body[..^1] + ",\"unmodelled\":1}");
        _unknownObjectLast = Encoding.UTF8.GetBytes(_body[..^1] + ",\"unmodelled\":{\"a\":1}}");
        _model = WebhookExamples.ModelType(EventType);
    }

    [Benchmark(Baseline = true, Description = "JsonConvert.DeserializeObject<T>")]
    public object? PlainNewtonsoft() => JsonConvert.DeserializeObject(_body, _model);

    [Benchmark(Description = "a: UTF-16 -> UTF-8 transcode")]
    public int Transcode()
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_body.Length));
        var n = Encoding.UTF8.GetBytes(_body, bytes);
        ArrayPool<byte>.Shared.Return(bytes);
        return n;
    }

    [Benchmark(Description = "b: one full Utf8JsonReader pass")]
    public int ReaderPass()
    {
        var reader = new Utf8JsonReader(_bodyBytes);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "c: shared serializer, pooled buffer")]
    public object? SharedSerializer()
    {
        using var reader = new JsonTextReader(new StringReader(_body)) { ArrayPool = CharPool.Instance };
        return Shared.Deserialize(reader, _model);
    }

    [Benchmark(Description = "TelnyxWebhookParser.Parse(bytes)")]
    public TelnyxWebhookEvent ParseBytes() => TelnyxWebhookParser.Parse(_bodyBytes);

    [Benchmark(Description = "TelnyxWebhookParser.Parse(string)")]
    public TelnyxWebhookEvent ParseString() => TelnyxWebhookParser.Parse(_body);

    // A field the spec lacks, with a scalar value: the fast path keeps it as extension data.
    [Benchmark(Description = "Parse(bytes), accepted: unknown scalar field last")]
    public TelnyxWebhookEvent ParseUnknownScalar() => TelnyxWebhookParser.Parse(_unknownScalarLast);

    // The worst case for a declined body: the fast read walks it all before the value it leaves to Newtonsoft.
    [Benchmark(Description = "Parse(bytes), declined: unknown object field last")]
    public TelnyxWebhookEvent ParseDeclined() => TelnyxWebhookParser.Parse(_unknownObjectLast);

    private sealed class CharPool : IArrayPool<char>
    {
        public static readonly CharPool Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
