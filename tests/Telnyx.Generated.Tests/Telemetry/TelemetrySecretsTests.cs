using System.Diagnostics;
using System.Net;
using Newtonsoft.Json;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Tests.Resilience;

namespace Telnyx.Generated.Tests.Telemetry;

/// <summary>Everything exported for commands that succeed, retry, fail and are resent is searched for the secrets and the body.</summary>
public class TelemetrySecretsTests
{
    private const string ApiKey = "KEY0190SECRETtelemetryKey";
    private const string SipPassword = "sip-Pa55word-TELEMETRY";
    private const string SipUser = "alice-TELEMETRY-user";
    private const string BodyMarker = "sip:body-marker-TELEMETRY@example.com";
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(17);

    [Test]
    public async Task No_API_key_SIP_credential_body_or_call_id_in_any_exported_attribute_event_or_metric_tag()
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { ApiKey = ApiKey, TimeProvider = stall });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = ApiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 1 });
        using var capture = new TelemetryCapture();
        var request = new ReferRequest { SipAddress = BodyMarker, SipAuthUsername = SipUser, SipAuthPassword = SipPassword };
        var call = emulator.CreateCall();

        await client.Calls.Actions.ReferAsync(call, request); // succeeds
        emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero));
        await client.Calls.Actions.ReferAsync(call, request); // retried
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));
        await client.Calls.Actions.ReferAsync(call, request).WaitAsync(TimeSpan.FromSeconds(20)); // resent after a silence
        emulator.HangUp(call);
        Assert.That(() => client.Calls.Actions.ReferAsync(call, request), Throws.InstanceOf<TelnyxApiException>()); // 422

        var spans = capture.Spans;
        var ours = spans.Where(s => s.Source.Name == TelnyxTelemetry.ActivitySourceName).ToList();
        Assert.That(ours, Has.Count.EqualTo(4), "the four commands were traced");
        Assert.That(spans.Count(s => s.Source.Name == "System.Net.Http"), Is.GreaterThanOrEqualTo(6), "and their HTTP spans");
        var exported = spans.SelectMany(Everything).Concat(Metrics(capture)).ToList();
        var body = JsonConvert.SerializeObject(request, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        Assert.That(exported, Has.None.Contains(ApiKey));
        Assert.That(exported, Has.None.Contains(SipPassword));
        Assert.That(exported, Has.None.Contains(SipUser));
        Assert.That(exported, Has.None.Contains(BodyMarker));
        Assert.That(exported, Has.None.Contains(body[..20]));
        // HttpClient's own spans carry url.full, which holds the call id; ours never do (docs/observability.md).
        Assert.That(ours.SelectMany(Everything), Has.None.Contains(call));
        // The secrets really were on the wire, so the assertions above could have failed.
        Assert.That(emulator.Commands[0].Body, Does.Contain(SipPassword).And.Contain(BodyMarker));
    }

    private static IEnumerable<string> Everything(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Prepend(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));

    private static IEnumerable<string> Metrics(TelemetryCapture capture) =>
        capture.Duration.GetMeasurementSnapshot().SelectMany(m => m.Tags)
            .Concat(capture.Retries.GetMeasurementSnapshot().SelectMany(m => m.Tags))
            .Concat(capture.RateLimited.GetMeasurementSnapshot().SelectMany(m => m.Tags))
            .Concat(capture.RetryAfter.GetMeasurementSnapshot().SelectMany(m => m.Tags))
            .Select(t => $"{t.Key}={t.Value}");
}
