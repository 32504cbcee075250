using System.Collections;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>
/// The client's traces and metrics switched on as docs/observability.md shows (<c>.AddSource("Telnyx.Generated*")</c>,
/// <c>.AddMeter("Telnyx.Generated*")</c>) and exported in memory, to price telemetry per command. HttpClient's own
/// spans stay off, so the hand-written baseline pays nothing and ours/raw shows only this library's share. Spans are
/// counted and dropped rather than kept, so a long run does not fill memory.
/// </summary>
public sealed class TelemetryExport : IDisposable
{
    private readonly CountingCollection _spans = new();
    private readonly List<Metric> _metrics = [];
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryExport()
    {
        _tracer = Sdk.CreateTracerProviderBuilder().AddSource("Telnyx.Generated*").AddInMemoryExporter(_spans).Build();
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter("Telnyx.Generated*").AddInMemoryExporter(_metrics).Build();
    }

    public override string ToString() => $"{_spans.Count} spans exported";

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }

    private sealed class CountingCollection : ICollection<Activity>
    {
        private long _count;

        public int Count => (int)Interlocked.Read(ref _count);

        public bool IsReadOnly => false;

        public void Add(Activity item) => Interlocked.Increment(ref _count);

        public void Clear() => Interlocked.Exchange(ref _count, 0);

        public bool Contains(Activity item) => false;

        public void CopyTo(Activity[] array, int arrayIndex)
        {
        }

        public bool Remove(Activity item) => false;

        public IEnumerator<Activity> GetEnumerator() => Enumerable.Empty<Activity>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
