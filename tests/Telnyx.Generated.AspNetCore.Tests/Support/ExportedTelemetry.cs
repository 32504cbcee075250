using System.Diagnostics;
using System.Threading.Channels;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Telnyx.Generated.AspNetCore.Tests;

/// <summary>
/// The real OpenTelemetry SDK switched on as a user would (<c>AddSource("Telnyx.Generated*")</c>,
/// <c>AddMeter("Telnyx.Generated*")</c>, plus ASP.NET Core's request spans), exporting to memory.
/// </summary>
internal sealed class ExportedTelemetry : IDisposable
{
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;
    private readonly Channel<Activity> _requestsEnded = Channel.CreateUnbounded<Activity>();
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metricSnapshots = [];

    public ExportedTelemetry()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("Microsoft.AspNetCore", "Telnyx.Generated*")
            .AddInMemoryExporter(_spans)
            .AddProcessor(new RequestEnded(_requestsEnded.Writer)) // after the exporter, so a request's spans are all exported when it signals
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter("Telnyx.Generated*")
            .AddInMemoryExporter(_metricSnapshots)
            .Build();
    }

    /// <summary>The spans exported so far.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Waits until ASP.NET Core's request span has ended for <paramref name="count"/> more requests: it ends after every span of the request.</summary>
    public async Task RequestsEndedAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            await _requestsEnded.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>The spans of the delivery endpoint, one per request.</summary>
    public IReadOnlyList<Activity> Deliveries => Spans.Where(s => s.Source.Name == "Telnyx.Generated.AspNetCore" && s.OperationName == "Telnyx webhook").ToList();

    /// <summary>Collects the metrics now and returns every exported snapshot.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        _metricSnapshots.Clear(); // cumulative: the newest export has every total
        _metrics.ForceFlush();
        return [.. _metricSnapshots];
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }

    private sealed class RequestEnded(ChannelWriter<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == "Microsoft.AspNetCore")
            {
                ended.TryWrite(data);
            }
        }
    }
}
