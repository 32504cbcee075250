using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Telnyx.Generated.AspNetCore.Tests.Outcomes;

/// <summary>The outcome wait in traces (a span around the command with what was awaited and how it ended) and in a histogram.</summary>
public class OutcomeTelemetryTests
{
    private static readonly ActivitySource TestSource = new("Telnyx.Generated.AspNetCore.Tests.Outcomes");

    [Test]
    public async Task A_refer_shows_as_an_outcome_span_around_its_command_span_and_in_the_outcome_histogram()
    {
        await using var app = await OutcomeApp.StartAsync();
        using var spans = new Spans();
        using var histogram = new MetricCollector<double>(app.App.Services.GetRequiredService<IMeterFactory>(), TelnyxTelemetry.WebhooksMeterName, "telnyx.command.outcome.duration");
        var call = app.Emulator.CreateCall();

        using (var test = TestSource.StartActivity("test"))
        {
            await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" }, ct));
            spans.TraceId = test!.TraceId;
        }

        var outcome = spans.Single("Telnyx Refer outcome");
        Assert.That(outcome.Kind, Is.EqualTo(ActivityKind.Internal));
        Assert.That(outcome.GetTagItem("telnyx.operation"), Is.EqualTo("Refer"));
        Assert.That(outcome.GetTagItem("telnyx.outcome.awaited"), Is.EqualTo(new[] { "call.refer.completed", "call.refer.failed" }));
        Assert.That(outcome.GetTagItem("telnyx.outcome.result"), Is.EqualTo("succeeded"));
        Assert.That(outcome.GetTagItem("telnyx.event_type"), Is.EqualTo("call.refer.completed"));
        Assert.That(spans.Single("Telnyx Refer").ParentSpanId, Is.EqualTo(outcome.SpanId), "the command's own span is inside the wait's");
        Assert.That(spans.All.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()), Has.None.Contains(call), "no call_control_id is recorded");
        var recorded = histogram.GetMeasurementSnapshot().Single();
        Assert.That(recorded.Tags, Does.ContainKey("telnyx.operation").WithValue("Refer"));
        Assert.That(recorded.Tags, Does.ContainKey("telnyx.outcome.result").WithValue("succeeded"));
        Assert.That(recorded.Value, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_timed_out_wait_is_an_error_span_and_a_timeout_measurement()
    {
        await using var app = await OutcomeApp.StartAsync(deliver: false, settings: new() { ["Telnyx:OutcomeTimeout"] = "00:00:00.100" });
        using var spans = new Spans();
        using var histogram = new MetricCollector<double>(app.App.Services.GetRequiredService<IMeterFactory>(), TelnyxTelemetry.WebhooksMeterName, "telnyx.command.outcome.duration");
        var call = app.Emulator.CreateCall();

        using (var test = TestSource.StartActivity("test"))
        {
            await Assert.ThrowsAsync<TelnyxOutcomeTimeoutException>(() => app.Outcomes.SendAsync(call, (calls, ct) => calls.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "srs" }, ct)));
            spans.TraceId = test!.TraceId;
        }

        var outcome = spans.Single("Telnyx StartSiprec outcome");
        Assert.That(outcome.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(outcome.GetTagItem("telnyx.outcome.result"), Is.EqualTo("timeout"));
        Assert.That(outcome.GetTagItem("telnyx.outcome.awaited"), Is.EqualTo(new[] { "siprec.started", "siprec.failed" }));
        Assert.That(histogram.GetMeasurementSnapshot().Single().Tags, Does.ContainKey("telnyx.outcome.result").WithValue("timeout"));
    }

    /// <summary>Every span of the Telnyx sources and the test's own, kept once stopped.</summary>
    private sealed class Spans : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public Spans()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name.StartsWith("Telnyx.Generated", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ActivityTraceId TraceId { get; set; }

        public IReadOnlyList<Activity> All => [.. _stopped.Where(s => s.TraceId == TraceId)];

        public Activity Single(string name) => All.Single(s => s.DisplayName == name);

        public void Dispose() => _listener.Dispose();
    }
}
