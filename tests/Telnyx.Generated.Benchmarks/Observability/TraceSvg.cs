using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Observability;

/// <summary>
/// <c>--trace-svg PATH</c>: docs/observability.md's picture of one command. Exports to memory the spans of one refer whose first
/// attempt gets a 503 from the emulator, and of the webhooks the emulator then delivers to a real <c>MapTelnyxWebhooks</c>
/// app, and draws them as a timeline (one row per span, indented by parent depth) so the picture is the trace as exported.
/// </summary>
public static class TraceSvg
{
    private static readonly string[] KeyTags = ["telnyx.operation", "http.request.method", "http.response.status_code", "telnyx.webhook.event_type", "telnyx.webhook.outcome", "error.type"];

    public static async Task<int> RunAsync(string path)
    {
        var spans = new List<Activity>();
        {
            await using var emulator = await TelnyxEmulator.StartAsync();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Services.AddTelnyx(o =>
            {
                o.ApiKey = "unused";
                o.PublicKey = emulator.PublicKey;
            });
            builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((_, _, _) => Task.CompletedTask);
            await using var app = builder.Build();
            app.MapTelnyxWebhooks();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            emulator.DeliverWebhooksTo(new Uri(new Uri(address), "webhooks/telnyx"));

            using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
            // One untraced refer first, so the picture shows a warm process rather than JIT and connection set-up
            // (cold, the first attempt outlives the client's attempt timeout and the picture shows three attempts).
            await client.Calls.Actions.ReferAsync(emulator.CreateCall(), new ReferRequest { SipAddress = "sip:agent@example.com" });
            await emulator.WhenWebhooksDeliveredAsync();

            using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Telnyx.Generated*", "System.Net.Http").AddInMemoryExporter(spans).Build();
            var call = emulator.CreateCall();
            emulator.FailNext(1, EmulatorFault.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero));
            await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
            await emulator.WhenWebhooksDeliveredAsync();
            tracing.ForceFlush();
            await app.StopAsync();
        }

        File.WriteAllText(path, Render(spans));
        Console.WriteLine($"{spans.Count} spans -> {path}");
        foreach (var span in spans.OrderBy(s => s.StartTimeUtc))
        {
            Console.WriteLine($"{span.StartTimeUtc:HH:mm:ss.ffffff} {span.Duration.TotalMilliseconds,8:0.000} ms {span.Source.Name,-28} {span.DisplayName} trace={span.TraceId} parent={span.ParentSpanId} {Tags(span)}");
        }

        return 0;
    }

    private static string Render(List<Activity> spans)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        int Depth(Activity s) => byId.TryGetValue(s.ParentSpanId, out var parent) ? 1 + Depth(parent) : 0;

        // Parents before children, siblings by start time: a depth-first walk from the roots.
        var rows = new List<Activity>();
        void Walk(Activity s)
        {
            rows.Add(s);
            foreach (var child in spans.Where(c => c.ParentSpanId == s.SpanId && byId.ContainsKey(c.ParentSpanId)).OrderBy(c => c.StartTimeUtc))
            {
                Walk(child);
            }
        }

        foreach (var root in spans.Where(s => !byId.ContainsKey(s.ParentSpanId)).OrderBy(s => s.StartTimeUtc))
        {
            Walk(root);
        }

        var t0 = spans.Min(s => s.StartTimeUtc);
        var total = Math.Max((spans.Max(s => s.StartTimeUtc + s.Duration) - t0).TotalMilliseconds, 0.001);
        const double Left = 530, Width = 520, RowHeight = 34, Top = 40;
        double X(DateTime t) => Left + (t - t0).TotalMilliseconds / total * Width;
        var svg = new StringBuilder();
        var height = Top + rows.Count * RowHeight + 20;
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Left + Width + 80}\" height=\"{height}\" font-family=\"monospace\" font-size=\"11\">\n"));
        svg.Append(Inv($"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"10\" y=\"20\" font-size=\"13\" font-weight=\"bold\">{spans.Count} spans as exported, {total:0.0} ms in all (ticks every {Tick(total):0.##} ms)</text>\n"));
        for (var tick = 0.0; tick <= total; tick += Tick(total))
        {
            var x = Left + tick / total * Width;
            svg.Append(Inv($"<line x1=\"{x:0.0}\" y1=\"{Top - 8}\" x2=\"{x:0.0}\" y2=\"{height - 15}\" stroke=\"#ddd\"/><text x=\"{x:0.0}\" y=\"{Top - 10}\" fill=\"#888\" text-anchor=\"middle\" font-size=\"9\">{tick:0.##}</text>\n"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            var y = Top + i * RowHeight;
            var x1 = X(s.StartTimeUtc);
            var w = Math.Max(X(s.StartTimeUtc + s.Duration) - x1, 1.5);
            var color = s.Status == ActivityStatusCode.Error ? "#d9534f" : s.Source.Name == "System.Net.Http" ? "#8aa4c8" : "#4a7fc1";
            var indent = 10 + Depth(s) * 14;
            svg.Append(Inv($"<text x=\"{indent}\" y=\"{y + 12}\" font-weight=\"bold\">{Esc(s.DisplayName)}</text>"));
            svg.Append(Inv($"<text x=\"{indent}\" y=\"{y + 25}\" fill=\"#555\" font-size=\"9\">{Esc(s.Source.Name)} {Esc(Tags(s))}</text>\n"));
            svg.Append(Inv($"<rect x=\"{x1:0.0}\" y=\"{y + 4}\" width=\"{w:0.0}\" height=\"14\" rx=\"2\" fill=\"{color}\"><title>{Esc(s.DisplayName)} {s.Duration.TotalMilliseconds:0.000} ms</title></rect>"));
            svg.Append(Inv($"<text x=\"{x1 + w + 4:0.0}\" y=\"{y + 15}\" fill=\"#555\" font-size=\"9\">{s.Duration.TotalMilliseconds:0.00} ms</text>\n"));
            foreach (var (e, k) in s.Events.Select((e, k) => (e, k)))
            {
                // Events close in time alternate their labels above and below the bar so they stay readable.
                var ex = X(e.Timestamp.UtcDateTime);
                svg.Append(Inv($"<path d=\"M{ex:0.0},{y + 2} l4,-5 h-8 z\" fill=\"#e8a33d\"/><text x=\"{ex + 5:0.0}\" y=\"{(k % 2 == 0 ? y + 1 : y + 29)}\" fill=\"#b36b00\" font-size=\"9\">{Esc(e.Name)}</text>\n"));
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Tags(Activity s) =>
        string.Join(" ", KeyTags.Select(k => (k, v: s.GetTagItem(k))).Where(t => t.v is not null).Select(t => $"{t.k}={t.v}"));

    private static double Tick(double total) => new[] { 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 }.FirstOrDefault(t => total / t <= 10, 2000);

    private static string Esc(string text) => SecurityElement.Escape(text) ?? "";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
