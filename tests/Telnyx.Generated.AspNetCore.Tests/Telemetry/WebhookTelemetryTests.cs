using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Telemetry;

/// <summary>What the webhook endpoint reports to OpenTelemetry, read back through the real SDK on a real Kestrel endpoint.</summary>
[NonParallelizable] // the SDK listens process-wide: another test's spans would land in these lists
public class WebhookTelemetryTests
{
    private ExportedTelemetry _telemetry = null!;

    [SetUp]
    public void SwitchOn() => _telemetry = new ExportedTelemetry();

    [TearDown]
    public void SwitchOff() => _telemetry.Dispose();

    [Test]
    public async Task An_accepted_webhook_is_one_span_under_the_request_span_counted_as_handled_with_its_durations()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((_, _, _) => Task.CompletedTask));
        using var deliveries = Collect<long>(app, "telnyx.webhook.deliveries");
        using var handlers = Collect<double>(app, "telnyx.webhook.handler.duration");
        using var store = Collect<double>(app, "telnyx.webhook.deduplication.duration");

        using var response = await app.PostAsync(Events.ReferStarted("evt-otel-accepted"));
        await _telemetry.RequestsEndedAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var delivery = _telemetry.Deliveries.Single();
        var request = _telemetry.Spans.Single(s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.That(request.Kind, Is.EqualTo(ActivityKind.Server));
        Assert.That((delivery.TraceId, delivery.ParentSpanId), Is.EqualTo((request.TraceId, request.SpanId)), "a child of ASP.NET Core's request span");
        Assert.That(delivery.Kind, Is.EqualTo(ActivityKind.Internal));
        Assert.That(delivery.DisplayName, Is.EqualTo("Telnyx webhook call.refer.started"));
        Assert.That(Tags(delivery), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["telnyx.event_type"] = "call.refer.started",
            ["telnyx.event_id"] = "evt-otel-accepted",
            ["telnyx.webhook.outcome"] = "handled",
        }));
        Assert.That(delivery.Status, Is.EqualTo(ActivityStatusCode.Unset));
        var version = typeof(TelnyxOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        Assert.That((delivery.Source.Name, delivery.Source.Version), Is.EqualTo((TelnyxTelemetry.WebhooksActivitySourceName, version)), "the pinned name, this package's version");

        var counted = deliveries.GetMeasurementSnapshot().Single();
        Assert.That(counted.Value, Is.EqualTo(1));
        Assert.That(counted.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["telnyx.event_type"] = "call.refer.started", ["telnyx.webhook.outcome"] = "handled" }));
        Assert.That(deliveries.Instrument!.Meter.Version, Is.EqualTo(version));
        var ran = handlers.GetMeasurementSnapshot().Single();
        Assert.That(handlers.Instrument!.Unit, Is.EqualTo("s"));
        // Seconds of this request's handler: above zero, and within the request span that contains it (milliseconds would not fit).
        Assert.That(ran.Value, Is.GreaterThan(0).And.LessThanOrEqualTo(request.Duration.TotalSeconds));
        Assert.That(ran.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["telnyx.event_type"] = "call.refer.started", ["telnyx.webhook.outcome"] = "handled" }));
        Assert.That(store.Instrument!.Unit, Is.EqualTo("s"));
        Assert.That(store.GetMeasurementSnapshot().Select(m => m.Tags["telnyx.webhook.deduplication.operation"]), Is.EqualTo(new[] { "claim", "complete" }));
        Assert.That(store.GetMeasurementSnapshot().Select(m => m.Value), Has.All.GreaterThan(0).And.All.LessThanOrEqualTo(request.Duration.TotalSeconds));
    }

    [Test]
    public async Task A_forged_webhook_is_signature_invalid_with_the_verifiers_reason_and_no_event_tags()
    {
        await using var app = await WebhookApp.StartAsync(_ => { });
        using var deliveries = Collect<long>(app, "telnyx.webhook.deliveries");
        using var forger = new TelnyxWebhookSigner(); // not the account's key
        var body = Events.ReferStarted("evt-otel-forged");

        using var response = await app.PostAsync(body, sign: false, tamper: r =>
        {
            foreach (var (name, value) in forger.Sign(body, DateTimeOffset.UtcNow))
            {
                r.Headers.TryAddWithoutValidation(name, value);
            }
        });
        await _telemetry.RequestsEndedAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var delivery = _telemetry.Deliveries.Single();
        Assert.That(Tags(delivery), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["telnyx.webhook.outcome"] = "signature_invalid",
            ["telnyx.webhook.verification.reason"] = "SignatureMismatch",
        }), "nothing unverified is parsed, so there is no event type or id to record");
        Assert.That(delivery.Status, Is.EqualTo(ActivityStatusCode.Unset), "the sender's fault, like a 4xx on a server span");
        Assert.That(deliveries.GetMeasurementSnapshot().Single().Tags, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["telnyx.webhook.outcome"] = "signature_invalid",
            ["telnyx.webhook.verification.reason"] = "SignatureMismatch",
        }));
    }

    [Test]
    public async Task A_duplicate_is_counted_as_duplicate_and_times_no_handler()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((_, _, _) => Task.CompletedTask));
        using var deliveries = Collect<long>(app, "telnyx.webhook.deliveries");
        using var handlers = Collect<double>(app, "telnyx.webhook.handler.duration");
        var body = Events.ReferStarted("evt-otel-duplicate");

        (await app.PostAsync(body)).Dispose();
        using var copy = await app.PostAsync(body);
        await _telemetry.RequestsEndedAsync(2);

        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_telemetry.Deliveries.Select(d => Tags(d)["telnyx.webhook.outcome"]), Is.EqualTo(new[] { "handled", "duplicate" }));
        Assert.That(_telemetry.Deliveries.Select(d => Tags(d)["telnyx.event_id"]), Has.All.EqualTo("evt-otel-duplicate"));
        Assert.That(deliveries.GetMeasurementSnapshot().Select(m => m.Tags["telnyx.webhook.outcome"]), Is.EqualTo(new[] { "handled", "duplicate" }));
        Assert.That(handlers.GetMeasurementSnapshot(), Has.Count.EqualTo(1), "the copy ran no handler");
    }

    [Test]
    public async Task A_throwing_handler_is_handler_failed_with_status_error_and_the_exception_type_only()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((e, _, _) =>
            throw new InvalidOperationException($"transfer of {e.Data?.Payload?.From} failed")));
        using var handlers = Collect<double>(app, "telnyx.webhook.handler.duration");
        using var store = Collect<double>(app, "telnyx.webhook.deduplication.duration");

        using var response = await app.PostAsync(Events.ReferStarted("evt-otel-throws"));
        await _telemetry.RequestsEndedAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var delivery = _telemetry.Deliveries.Single();
        Assert.That(Tags(delivery)["telnyx.webhook.outcome"], Is.EqualTo("handler_failed"));
        Assert.That(Tags(delivery)["error.type"], Is.EqualTo("System.InvalidOperationException"));
        Assert.That(delivery.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(delivery.StatusDescription, Is.Null, "the message may carry what the handler read from the event: it stays in the log");
        Assert.That(delivery.Events, Is.Empty);
        Assert.That(handlers.GetMeasurementSnapshot().Single().Tags["telnyx.webhook.outcome"], Is.EqualTo("handler_failed"));
        Assert.That(store.GetMeasurementSnapshot().Select(m => m.Tags["telnyx.webhook.deduplication.operation"]), Is.EqualTo(new[] { "claim", "release" }));
    }

    [Test]
    public async Task Bodies_that_are_not_events_are_malformed()
    {
        await using var app = await WebhookApp.StartAsync(_ => { }, new() { ["Telnyx:MaxWebhookBodySize"] = "1024" });

        (await app.PostAsync("this is not json")).Dispose();
        (await app.PostAsync(new string('x', 2000))).Dispose();
        await _telemetry.RequestsEndedAsync(2);

        Assert.That(_telemetry.Deliveries.Select(d => Tags(d)["telnyx.webhook.outcome"]), Is.EqualTo(new[] { "malformed", "malformed" }));
    }

    [Test]
    public async Task Every_modelled_event_type_is_its_own_tag_value_and_any_other_type_is_other()
    {
        await using var app = await WebhookApp.StartAsync(_ => { });
        using var examples = JsonDocument.Parse(File.ReadAllText(Repo.WebhookExamples));
        var modelled = examples.RootElement.GetProperty("examples").EnumerateObject().ToList();

        foreach (var example in modelled)
        {
            (await app.PostAsync(example.Value.GetRawText())).Dispose();
        }

        (await app.PostAsync(Events.Unknown("evt-otel-hangup"))).Dispose();
        await _telemetry.RequestsEndedAsync(modelled.Count + 1);

        Assert.That(
            _telemetry.Deliveries.Select(d => Tags(d)["telnyx.event_type"]),
            Is.EqualTo(modelled.Select(e => e.Name).Append("other")),
            "call.hangup is not modelled");
    }

    [Test]
    public async Task IDistributedCache_calls_are_client_spans_under_the_delivery_and_a_failing_cache_is_store_unavailable()
    {
        var cache = new SwitchableCache();
        await using var app = await WebhookApp.StartAsync(s =>
        {
            s.AddSingleton<IDistributedCache>(cache);
            s.AddTelnyxDistributedWebhookDeduplication();
        });

        (await app.PostAsync(Events.ReferStarted("evt-otel-cache"))).Dispose();
        cache.Down = true;
        using var down = await app.PostAsync(Events.ReferStarted("evt-otel-cache-down"));
        await _telemetry.RequestsEndedAsync(2);

        Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var (ok, failed) = (_telemetry.Deliveries[0], _telemetry.Deliveries[1]);
        var okCalls = ChildrenOf(ok);
        Assert.That(okCalls.Select(c => c.DisplayName), Is.EqualTo(new[] { "get", "set" }));
        Assert.That(okCalls.Select(c => c.Kind), Has.All.EqualTo(ActivityKind.Client));
        Assert.That(okCalls.Select(c => Tags(c)["telnyx.webhook.deduplication.store"]), Has.All.EqualTo(nameof(SwitchableCache)));
        Assert.That(okCalls.Select(c => Tags(c)["db.operation.name"]), Is.EqualTo(new[] { "get", "set" }));

        Assert.That(Tags(failed)["telnyx.webhook.outcome"], Is.EqualTo("store_unavailable"));
        Assert.That(Tags(failed)["error.type"], Is.EqualTo(typeof(IOException).FullName));
        Assert.That(failed.Status, Is.EqualTo(ActivityStatusCode.Error));
        var failedCall = ChildrenOf(failed).Single();
        Assert.That((failedCall.DisplayName, failedCall.Status, Tags(failedCall)["error.type"]), Is.EqualTo(("get", ActivityStatusCode.Error, typeof(IOException).FullName)));
    }

    private static MetricCollector<T> Collect<T>(WebhookApp app, string instrument)
        where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), TelnyxTelemetry.WebhooksMeterName, instrument);

    private static Dictionary<string, string?> Tags(Activity activity) =>
        activity.TagObjects.ToDictionary(t => t.Key, t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture));

    private List<Activity> ChildrenOf(Activity parent) => _telemetry.Spans.Where(s => s.ParentSpanId == parent.SpanId).ToList();
}
