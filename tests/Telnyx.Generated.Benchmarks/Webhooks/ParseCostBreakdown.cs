using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Telnyx.Generated.Webhooks;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// Where Parse(bytes) spends its time beyond the plain baseline, rebuilt from public pieces: the UTF-8 to UTF-16
/// transcode, one full System.Text.Json reader pass (what the event_type discriminator costs, as it reads to the end
/// of the body), and the Newtonsoft deserialisation with a shared serializer and pooled buffers (what Parse does next).
/// </summary>
[MemoryDiagnoser]
public class ParseCostBreakdown
{
    private static readonly JsonSerializer Shared = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None });
    private byte[] _bodyBytes = null!;
    private string _body = null!;
    private Type _model = null!;

    [Params("call.refer.started", "siprec.started")]
    public string EventType { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookExamples.Body(EventType);
        _bodyBytes = Encoding.UTF8.GetBytes(_body);
        _model = WebhookExamples.ModelType(EventType);
    }

    [Benchmark(Baseline = true, Description = "JsonConvert.DeserializeObject<T>")]
    public object? PlainNewtonsoft() => JsonConvert.DeserializeObject(_body, _model);

    [Benchmark(Description = "a: UTF-8 -> UTF-16 transcode")]
    public int Transcode()
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(_bodyBytes.Length));
        var n = Encoding.UTF8.GetChars(_bodyBytes, chars);
        ArrayPool<char>.Shared.Return(chars);
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
