using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>The Redis de-duplicator's commands in the delivery's trace, with a real redis-server and the real OpenTelemetry SDK.</summary>
[NonParallelizable] // the SDK listens process-wide: another test's spans would land in these lists
public class RedisTelemetryTests : SharedRedisTests
{
    private ExportedTelemetry _telemetry = null!;

    [SetUp]
    public void SwitchOn() => _telemetry = new ExportedTelemetry();

    [TearDown]
    public void SwitchOff() => _telemetry.Dispose();

    [Test]
    public async Task Each_Redis_command_is_a_database_client_span_under_the_delivery()
    {
        var failures = 1;
        await using var app = await WebhookApp.StartAsync(s => s
            .AddTelnyxRedis(Server.Configuration, o => o.KeyPrefix = "test:otel:")
            .AddTelnyxWebhookHandler<TelnyxWebhookEvent>((_, _, _) => Interlocked.Exchange(ref failures, 0) == 1 ? throw new InvalidOperationException("once") : Task.CompletedTask));

        (await app.PostAsync(Events.ReferStarted("evt-otel-redis"))).Dispose(); // the handler throws: claim, then release
        (await app.PostAsync(Events.ReferStarted("evt-otel-redis"))).Dispose(); // redelivered: claim, then done
        await _telemetry.RequestsEndedAsync(2);

        var deliveries = _telemetry.Deliveries;
        Assert.That(deliveries.Select(d => d.GetTagItem("telnyx.webhook.outcome")), Is.EqualTo(new[] { "handler_failed", "handled" }));
        var commands = deliveries.Select(d => _telemetry.Spans.Where(s => s.ParentSpanId == d.SpanId).Select(s => s.DisplayName)).ToList();
        Assert.That(commands[0], Is.EqualTo(new[] { "SET", "EVAL" }), "claim, release");
        Assert.That(commands[1], Is.EqualTo(new[] { "SET", "SET" }), "claim, done");
        var set = _telemetry.Spans.First(s => s.DisplayName == "SET");
        Assert.That(set.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(set.TagObjects.ToDictionary(t => t.Key, t => t.Value), Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["db.system.name"] = "redis",
            ["db.operation.name"] = "SET",
            ["db.namespace"] = "0",
            ["server.address"] = "127.0.0.1",
            ["server.port"] = Server.Port,
        }), "no key, no value");
        Assert.That(set.Source.Name, Is.EqualTo("Telnyx.Generated.AspNetCore.Redis"), "the Redis package reports under its own name");
        Assert.That(set.Source.Version, Is.EqualTo(typeof(TelnyxRedisOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0]));
        var sources = _telemetry.Spans.Select(s => s.Source).Distinct().ToList();
        Assert.That(sources.Select(s => s.Name), Is.Unique, "one activity source per name, so one version per name");
    }

    [Test]
    public async Task Redis_down_is_store_unavailable_with_the_failed_command_and_counted()
    {
        var configuration = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=300,asyncTimeout=300,syncTimeout=300"; // nothing listens there
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxRedis(configuration));
        using var deliveries = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), TelnyxTelemetry.WebhooksMeterName, "telnyx.webhook.deliveries");
        using var store = new MetricCollector<double>(app.Services.GetRequiredService<IMeterFactory>(), TelnyxTelemetry.WebhooksMeterName, "telnyx.webhook.deduplication.duration");

        using var response = await app.PostAsync(Events.ReferStarted("evt-otel-no-redis"));
        await _telemetry.RequestsEndedAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var delivery = _telemetry.Deliveries.Single();
        Assert.That(delivery.GetTagItem("telnyx.webhook.outcome"), Is.EqualTo("store_unavailable"));
        Assert.That(delivery.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(delivery.GetTagItem("error.type"), Does.StartWith("StackExchange.Redis."));
        var command = _telemetry.Spans.Single(s => s.ParentSpanId == delivery.SpanId);
        Assert.That((command.DisplayName, command.Status), Is.EqualTo(("SET", ActivityStatusCode.Error)));
        Assert.That(command.GetTagItem("error.type"), Is.EqualTo(delivery.GetTagItem("error.type")));

        Assert.That(deliveries.GetMeasurementSnapshot().Single().Tags["telnyx.webhook.outcome"], Is.EqualTo("store_unavailable"));
        var claim = store.GetMeasurementSnapshot().Single();
        Assert.That(claim.Tags["telnyx.webhook.deduplication.operation"], Is.EqualTo("claim"));
        Assert.That(claim.Tags["error.type"], Is.EqualTo(delivery.GetTagItem("error.type")));
    }
}
