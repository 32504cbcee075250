using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>
/// <c>--webhook-telemetry</c>: what the endpoint's telemetry costs per webhook. One Kestrel app on loopback with
/// <c>MapTelnyxWebhooks</c> and a no-op handler receives signed webhooks from one caller, in alternating rounds with
/// nothing listening and with the OpenTelemetry SDK exporting <c>Telnyx.Generated*</c> spans and metrics to memory.
/// Reports the median time per webhook and the bytes allocated per webhook in the process (client and server).
/// </summary>
public static class WebhookTelemetryCost
{
    public static async Task<int> RunAsync(int rounds = 21, int perRound = 2_000)
    {
        using var signer = new TelnyxWebhookSigner();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddTelnyx(o =>
        {
            o.ApiKey = "unused";
            o.PublicKey = signer.PublicKeyBase64;
        });
        builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((_, _, _) => Task.CompletedTask);
        await using var app = builder.Build();
        app.MapTelnyxWebhooks();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

        var off = (Time: new List<double>(), Bytes: new List<double>());
        var on = (Time: new List<double>(), Bytes: new List<double>());
        var next = 0;
        for (var round = -2; round < rounds; round++)
        {
            foreach (var listening in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                var spans = new List<Activity>();
                var metrics = new List<MetricSnapshot>();
                using var tracing = listening ? Sdk.CreateTracerProviderBuilder().AddSource("Telnyx.Generated*").AddInMemoryExporter(spans).Build() : null;
                using var meters = listening ? Sdk.CreateMeterProviderBuilder().AddMeter("Telnyx.Generated*").AddInMemoryExporter(metrics).Build() : null;
                var requests = Enumerable.Range(next, perRound).Select(i => Signed(signer, $"evt-cost-{i}")).ToList();
                next += perRound;

                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var start = Stopwatch.GetTimestamp();
                foreach (var request in requests)
                {
                    using var response = await client.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                }

                var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds / perRound;
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / (double)perRound;
                meters?.ForceFlush();
                if (listening && spans.Count != perRound)
                {
                    throw new InvalidOperationException($"expected {perRound} spans, exported {spans.Count}");
                }

                if (round >= 0)
                {
                    var into = listening ? on : off;
                    into.Time.Add(elapsed);
                    into.Bytes.Add(allocated);
                }
            }
        }

        await app.StopAsync();
        Console.WriteLine("| telemetry | time per webhook, median (µs) | allocated per webhook, median (B) |");
        Console.WriteLine("|---|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| nothing listening | {Median(off.Time):0.0} | {Median(off.Bytes):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| OpenTelemetry SDK, in-memory exporter | {Median(on.Time):0.0} | {Median(on.Bytes):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| difference (median of paired rounds) | {Median(on.Time.Zip(off.Time, (a, b) => a - b)):0.0} | {Median(on.Bytes.Zip(off.Bytes, (a, b) => a - b)):0} |"));
        return 0;
    }

    private static HttpRequestMessage Signed(TelnyxWebhookSigner signer, string id)
    {
        var body = $$$"""{"data":{"record_type":"event","event_type":"call.refer.started","id":"{{{id}}}","occurred_at":"2026-11-24T10:00:00.000000Z","payload":{"call_control_id":"v3:abc","call_leg_id":"leg-1","call_session_id":"session-1","connection_id":"7267","from":"+15550001111","to":"sip:agent@example.com"}},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks/telnyx"}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telnyx") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in signer.Sign(body, DateTimeOffset.UtcNow))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
