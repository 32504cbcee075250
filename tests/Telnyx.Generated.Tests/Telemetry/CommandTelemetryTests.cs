using System.Diagnostics;
using System.Net;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Tests.Resilience;

namespace Telnyx.Generated.Tests.Telemetry;

/// <summary>
/// The command side of telemetry, exported by the real OpenTelemetry SDK and collected with MetricCollector, over
/// real sockets against the emulator. Resends are off (ResendAfter = null) except where a test is about them, so a
/// slow first answer on a loaded machine cannot add an attempt the test does not expect.
/// </summary>
public class CommandTelemetryTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(17);

    private static TelnyxClient Client(TelnyxEmulator emulator, Action<TelnyxClientOptions>? configure = null)
    {
        var options = new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, ResendAfter = null };
        configure?.Invoke(options);
        return new TelnyxClient(options);
    }

    private static ReferRequest Refer() => new() { SipAddress = "sip:agent@example.com" };

    [Test]
    public async Task A_command_that_succeeds_is_one_internal_span_named_for_its_operation_around_its_HTTP_span()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = Client(emulator);
        using var capture = new TelemetryCapture();

        await client.Calls.Actions.ReferAsync(emulator.CreateCall(), Refer());

        var command = capture.Command;
        Assert.That(command.DisplayName, Is.EqualTo("Telnyx Refer"));
        Assert.That(command.Kind, Is.EqualTo(ActivityKind.Internal));
        Assert.That(command.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(command.GetTagItem("telnyx.operation"), Is.EqualTo("Refer"));
        Assert.That(command.GetTagItem("telnyx.command_id"), Is.EqualTo(emulator.Commands.Single().CommandId).And.Not.Null);
        Assert.That(command.GetTagItem("telnyx.attempts"), Is.EqualTo(1));
        Assert.That(command.GetTagItem("error.type"), Is.Null);
        Assert.That(command.Source.Version, Is.EqualTo(Http.TelnyxClientSettings.Version).And.Not.Empty);
        Assert.That(capture.HttpChildren, Has.Count.EqualTo(1));
        var attempt = capture.Events("telnyx.attempt").Single();
        Assert.That(TelemetryCapture.Tag(attempt, "telnyx.attempt.reason"), Is.EqualTo("first"));
        Assert.That(TelemetryCapture.Tag(attempt, "http.response.status_code"), Is.EqualTo(200));

        var duration = capture.Duration.GetMeasurementSnapshot().Single();
        Assert.That(duration.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["telnyx.operation"] = "Refer" }));
        Assert.That(duration.Value, Is.GreaterThan(0));
        Assert.That(capture.Duration.Instrument!.Unit, Is.EqualTo("s"));
        Assert.That(capture.Duration.Instrument.Meter.Version, Is.EqualTo(Http.TelnyxClientSettings.Version));
        Assert.That(capture.Retries.GetMeasurementSnapshot(), Is.Empty);
    }

    [Test]
    public async Task A_command_retried_after_a_503_is_one_span_over_two_HTTP_spans_told_apart_by_its_attempt_events()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = Client(emulator);
        using var capture = new TelemetryCapture();
        emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero));

        await client.Calls.Actions.SendDtmfAsync(emulator.CreateCall(), new SendDtmfRequest { Digits = "1" });

        Assert.That(capture.Spans.Count(s => s.Source.Name == TelnyxTelemetry.ActivitySourceName), Is.EqualTo(1), "one parent");
        Assert.That(capture.Command.GetTagItem("telnyx.attempts"), Is.EqualTo(2));
        Assert.That(capture.Command.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(capture.HttpChildren.Select(c => c.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
        var attempts = capture.Events("telnyx.attempt");
        Assert.That(attempts.Select(e => TelemetryCapture.Tag(e, "telnyx.attempt")), Is.EqualTo(new object[] { 1, 2 }));
        Assert.That(attempts.Select(e => TelemetryCapture.Tag(e, "http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
        Assert.That(attempts.Select(e => TelemetryCapture.Tag(e, "telnyx.attempt.reason")), Is.EqualTo(new object[] { "first", "retry" }));
        Assert.That(attempts.Select(e => TelemetryCapture.Tag(e, "http.request.resend_count")), Is.EqualTo(new object?[] { null, 1 }));
        var wait = capture.Events("telnyx.retry").Single();
        Assert.That(TelemetryCapture.Tag(wait, "telnyx.retry.reason"), Is.EqualTo("503"));
        Assert.That(TelemetryCapture.Tag(wait, "telnyx.retry.delay"), Is.EqualTo(0.0), "Retry-After: 0");

        var retry = capture.Retries.GetMeasurementSnapshot().Single();
        Assert.That(retry.Value, Is.EqualTo(1));
        Assert.That(retry.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["telnyx.operation"] = "SendDtmf", ["telnyx.retry.reason"] = "503" }));
        Assert.That(capture.Duration.GetMeasurementSnapshot().Single().Tags.ContainsKey("error.type"), Is.False);
    }

    [Test]
    public async Task A_400_is_an_error_span_and_duration_with_error_type_400()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = Client(emulator);
        using var capture = new TelemetryCapture();
        emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.BadRequest));

        Assert.That(() => client.Calls.Actions.ReferAsync(emulator.CreateCall(), Refer()), Throws.InstanceOf<TelnyxApiException>());

        Assert.That(capture.Command.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(capture.Command.GetTagItem("error.type"), Is.EqualTo("400"));
        Assert.That(capture.Command.GetTagItem("telnyx.attempts"), Is.EqualTo(1));
        Assert.That(capture.Duration.GetMeasurementSnapshot().Single().Tags["error.type"], Is.EqualTo("400"));
    }

    [Test]
    public async Task A_timeout_is_an_error_span_with_the_exception_type_and_a_timed_out_attempt()
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { TimeProvider = stall });
        using var client = Client(emulator, o => { o.MaxRetries = 0; o.Timeout = TimeSpan.FromMilliseconds(300); });
        using var capture = new TelemetryCapture();
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));

        Assert.That(() => client.Calls.Actions.ReferAsync(emulator.CreateCall(), Refer()), Throws.InstanceOf<TelnyxTimeoutException>());

        Assert.That(capture.Command.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(capture.Command.GetTagItem("error.type"), Is.EqualTo(typeof(TelnyxTimeoutException).FullName));
        Assert.That(TelemetryCapture.Tag(capture.Events("telnyx.attempt").Single(), "telnyx.attempt.outcome"), Is.EqualTo("timeout"));
        Assert.That(capture.Duration.GetMeasurementSnapshot().Single().Tags["error.type"], Is.EqualTo(typeof(TelnyxTimeoutException).FullName));
    }

    [Test]
    public async Task A_command_the_caller_cancels_is_not_an_error_and_its_wait_is_not_a_duration()
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { TimeProvider = stall });
        using var client = Client(emulator);
        using var capture = new TelemetryCapture();
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));
        using var cts = new CancellationTokenSource();

        var sent = client.Calls.Actions.ReferAsync(emulator.CreateCall(), Refer(), cts.Token);
        await stall.Started.WaitAsync(Guard);
        await cts.CancelAsync();

        Assert.That(() => sent, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(capture.Command.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(capture.Command.GetTagItem("error.type"), Is.Null);
        Assert.That(TelemetryCapture.Tag(capture.Events("telnyx.attempt").Single(), "telnyx.attempt.outcome"), Is.EqualTo("cancelled"));
        Assert.That(capture.Duration.GetMeasurementSnapshot(), Is.Empty);
    }

    [Test]
    public async Task A_resend_after_a_silence_is_its_own_attempt_with_reason_silence_and_is_counted()
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { TimeProvider = stall });
        using var client = Client(emulator, o => { o.ResendAfter = TimeSpan.FromMilliseconds(500); o.MaxRetries = 1; });
        using var capture = new TelemetryCapture();
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));

        await client.Calls.Actions.ReferAsync(emulator.CreateCall(), Refer()).WaitAsync(Guard);

        var attempts = capture.Events("telnyx.attempt").ToDictionary(e => TelemetryCapture.Tag(e, "telnyx.attempt")!);
        Assert.That(TelemetryCapture.Tag(attempts[2], "telnyx.attempt.reason"), Is.EqualTo("silence"));
        Assert.That(TelemetryCapture.Tag(attempts[2], "http.response.status_code"), Is.EqualTo(200));
        Assert.That(TelemetryCapture.Tag(attempts[1], "telnyx.attempt.outcome"), Is.EqualTo("superseded"));
        Assert.That(capture.HttpChildren, Has.Count.EqualTo(2), "both attempts' HTTP spans are the command's children");
        Assert.That(capture.Command.Status, Is.EqualTo(ActivityStatusCode.Unset));
        var resend = capture.Retries.GetMeasurementSnapshot().Single();
        Assert.That(resend.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["telnyx.operation"] = "Refer", ["telnyx.retry.reason"] = "silence" }));
    }

    [Test]
    public async Task A_429_is_counted_with_the_Retry_After_the_client_waited()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        // Waits are instant (and recorded) on the TestClock; the per-attempt timeout stays real.
        var clock = new TestClock(TimeSpan.FromSeconds(60));
        using var client = Client(emulator, o => o.TimeProvider = clock);
        using var capture = new TelemetryCapture();
        emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7)));

        await client.Calls.Actions.StartSiprecAsync(emulator.CreateCall(), new StartSiprecRequest { ConnectorName = "srs" });

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
        var limited = capture.RateLimited.GetMeasurementSnapshot().Single();
        Assert.That(limited.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["telnyx.operation"] = "StartSiprec" }));
        Assert.That(capture.RetryAfter.GetMeasurementSnapshot().Single().Value, Is.EqualTo(7.0));
        Assert.That(capture.Retries.GetMeasurementSnapshot().Single().Tags["telnyx.retry.reason"], Is.EqualTo("429"));
    }
}
