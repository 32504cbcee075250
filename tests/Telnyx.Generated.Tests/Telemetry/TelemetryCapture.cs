using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Telnyx.Generated.Tests.Telemetry;

/// <summary>
/// What a user's OpenTelemetry set-up exports, as docs/observability.md configures it (<c>.AddSource("Telnyx.Generated*")</c>,
/// plus HttpClient's own <c>System.Net.Http</c> spans), and every client metric through a <see cref="MetricCollector{T}"/>.
/// Everything a test does runs under one root span, so only its own spans are looked at.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("Telnyx.Generated.Tests.Telemetry");
    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _tracer;
    private readonly Activity _root;

    public TelemetryCapture()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource("Telnyx.Generated*")
            .AddSource("System.Net.Http")
            .AddSource(TestSource.Name)
            .AddInMemoryExporter(_exported)
            .Build();
        Duration = Collect<double>("telnyx.client.operation.duration");
        Retries = Collect<long>("telnyx.client.operation.retries");
        RateLimited = Collect<long>("telnyx.client.rate_limited_responses");
        RetryAfter = Collect<double>("telnyx.client.rate_limit.retry_after");
        _root = TestSource.StartActivity("test")!;
    }

    public MetricCollector<double> Duration { get; }

    public MetricCollector<long> Retries { get; }

    public MetricCollector<long> RateLimited { get; }

    public MetricCollector<double> RetryAfter { get; }

    /// <summary>Every ended span of this test but its root.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_exported)
            {
                return _exported.Where(a => a.TraceId == _root.TraceId && a != _root).ToList();
            }
        }
    }

    /// <summary>The one command span (<c>Telnyx ...</c>) of this test.</summary>
    public Activity Command => Spans.Single(a => a.Source.Name == TelnyxTelemetry.ActivitySourceName);

    /// <summary>HttpClient's per-attempt spans under the command span, in the order they started.</summary>
    public List<Activity> HttpChildren => Spans.Where(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == Command.SpanId).OrderBy(a => a.StartTimeUtc).ToList();

    /// <summary>The command span's events of one name, in the order they were added.</summary>
    public List<ActivityEvent> Events(string name) => Command.Events.Where(e => e.Name == name).ToList();

    public static object? Tag(ActivityEvent e, string key) => e.Tags.FirstOrDefault(t => t.Key == key).Value;

    private static MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(null, TelnyxTelemetry.MeterName, instrument);

    public void Dispose()
    {
        _root.Dispose();
        _tracer.ForceFlush();
        _tracer.Dispose();
        Duration.Dispose();
        Retries.Dispose();
        RateLimited.Dispose();
        RetryAfter.Dispose();
    }
}
