using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Telnyx.Generated.Webhooks;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// What Parse costs against the plain baseline, rebuilt from public pieces: (b) one strict Utf8JsonReader pass finds
/// data.event_type, then (c) Newtonsoft deserialises once with a shared serializer and pooled buffers; Parse(string)
/// adds (a) the UTF-16 to UTF-8 transcode for (b), Parse(bytes) the UTF-8 to UTF-16 decode for (c). Unknown fields
/// (a scalar, an object) are kept in AdditionalProperties.
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

    // A field the spec lacks, with a scalar value: kept as extension data.
    [Benchmark(Description = "Parse(bytes), unknown scalar field last")]
    public TelnyxWebhookEvent ParseUnknownScalar() => TelnyxWebhookParser.Parse(_unknownScalarLast);

    // A field the spec lacks, with an object value: Newtonsoft keeps it as a JObject.
    [Benchmark(Description = "Parse(bytes), unknown object field last")]
    public TelnyxWebhookEvent ParseUnknownObject() => TelnyxWebhookParser.Parse(_unknownObjectLast);

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
