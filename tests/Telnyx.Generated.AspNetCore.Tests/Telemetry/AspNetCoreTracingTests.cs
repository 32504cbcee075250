using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Telemetry;

/// <summary>
/// docs/observability (ASP.NET Core): the documented OpenTelemetry lines, pasted into a WebApplication with default
/// logging whose request handler sends a command to the emulator and whose endpoint receives its webhooks.
/// </summary>
[NonParallelizable] // the SDK listens process-wide
public class AspNetCoreTracingTests
{
    [TestCase(true, TestName = "With AddAspNetCoreInstrumentation, the command span and every delivery span are exported")]
    [TestCase(false, TestName = "With AddSource(Microsoft.AspNetCore), the command span and every delivery span are exported")]
    public async Task The_documented_lines_export_the_command_and_delivery_spans(bool instrumentationPackage)
    {
        var run = await RunAsync(tracing => _ = instrumentationPackage ? tracing.AddAspNetCoreInstrumentation() : tracing.AddSource("Microsoft.AspNetCore"));

        var command = run.Spans.Single(s => s.Source.Name == TelnyxTelemetry.ActivitySourceName);
        Assert.That(command.DisplayName, Is.EqualTo("Telnyx Refer"));
        var request = run.Spans.Single(s => s.SpanId == command.ParentSpanId);
        Assert.That((request.Source.Name, request.Kind), Is.EqualTo(("Microsoft.AspNetCore", ActivityKind.Server)), "a child of the request that sent it");
        Assert.That(run.Spans.Where(s => s.ParentSpanId == command.SpanId && s.Source.Name == "System.Net.Http"), Is.Not.Empty, "HttpClient's attempt under the command");

        var deliveries = run.Spans.Where(s => s.Source.Name == TelnyxTelemetry.WebhooksActivitySourceName && s.OperationName == "Telnyx webhook").ToList();
        Assert.That(deliveries.Select(d => d.GetTagItem("telnyx.event_id")), Is.EquivalentTo(run.Delivered), "one span per webhook the emulator delivered");
        Assert.That(run.Delivered, Is.Not.Empty);
    }

    [Test]
    public async Task Without_the_ASP_NET_Core_line_a_command_sent_from_a_request_handler_is_not_exported()
    {
        // Why the line is documented: with default logging ASP.NET Core starts a request activity nobody samples, and
        // OpenTelemetry's default parent-based sampler drops every span under it.
        var run = await RunAsync(_ => { });

        Assert.That(run.Handled, Is.True, "the command was sent and answered");
        Assert.That(run.Spans.Where(s => s.Source.Name == TelnyxTelemetry.ActivitySourceName), Is.Empty);
    }

    private static async Task<Run> RunAsync(Action<TracerProviderBuilder> aspNetCore)
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookRetryDelays = [] });

        var builder = WebApplication.CreateBuilder(); // default logging, as a new app has
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telnyx:ApiKey"] = emulator.ApiKey,
            ["Telnyx:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Telnyx:PublicKey"] = emulator.PublicKey,
        });
        builder.Services.AddTelnyx(builder.Configuration.GetSection("Telnyx"));
        builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((_, _, _) => Task.CompletedTask);

        // The documented lines, with the in-memory exporter where the docs have AddOtlpExporter().
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                aspNetCore(tracing);
                tracing
                    .AddSource("Telnyx.Generated*")
                    .AddSource("System.Net.Http")
                    .AddInMemoryExporter(spans);
            })
            .WithMetrics(m => m
                .AddMeter("Telnyx.Generated*")
                .AddInMemoryExporter(metrics));

        var app = builder.Build();
        app.MapTelnyxWebhooks("/webhooks/telnyx");
        app.MapPost("/calls/{id}/transfer", async (string id, ITelnyxClient telnyx, CancellationToken ct) =>
        {
            await telnyx.Calls.Actions.ReferAsync(id, new ReferRequest { SipAddress = "sip:agent@example.com" }, ct);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        emulator.DeliverWebhooksTo(new Uri(address, "/webhooks/telnyx"));

        // A caller that sends no traceparent, as a browser or Telnyx does: the request span is the trace's root.
        using var caller = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() }) { BaseAddress = address };
        using var response = await caller.PostAsync($"/calls/{Uri.EscapeDataString(emulator.CreateCall())}/transfer", null);
        await emulator.WhenWebhooksDeliveredAsync();
        await app.StopAsync(); // every request, and so every span, has ended
        await app.DisposeAsync(); // flushes the exporters

        var delivered = emulator.Events.Where(e => e.Attempts.Any(a => a.Delivered)).Select(e => e.Id).ToList();
        return new Run(response.StatusCode == HttpStatusCode.NoContent, [.. spans], delivered);
    }

    private sealed record Run(bool Handled, IReadOnlyList<Activity> Spans, IReadOnlyList<string> Delivered);
}
