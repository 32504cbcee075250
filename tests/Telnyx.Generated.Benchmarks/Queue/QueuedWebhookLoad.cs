using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Queue;

/// <summary>
/// <c>--queue [events] [--handler-ms 1000] [--senders 32] [--concurrency 512]</c>: two app instances (Kestrel on
/// 127.0.0.1) with <c>Telnyx:QueueWebhooks</c> and <c>AddTelnyxRedis</c> on a throwaway <c>redis-server</c>; sends
/// the events (default 10,000) plus 20% duplicates, shuffled, round-robin across the instances, from that many
/// concurrent senders, while every handler sleeps. Reports deliveries/s and endpoint latency as the sender sees it, then
/// waits for the queue to drain and checks the handled count equals the distinct events. Then measures Redis memory per
/// queued event (<see cref="QueueMemory"/>).
/// </summary>
public static class QueuedWebhookLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var handlerTime = TimeSpan.FromMilliseconds(Option(args, "--handler-ms", 1000));
        var senders = Option(args, "--senders", 32);
        var concurrency = Option(args, "--concurrency", 512);
        using var redisServer = await ThrowawayRedis.StartAsync();
        using var signer = new TelnyxWebhookSigner();
        var runs = new ConcurrentDictionary<string, int>();
        await using var a = await StartAppAsync(redisServer.Configuration, signer, concurrency, handlerTime, runs);
        await using var b = await StartAppAsync(redisServer.Configuration, signer, concurrency, handlerTime, runs);

        var distinct = Enumerable.Range(0, events).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var deliveries = distinct.Concat(distinct.Take(events / 5)).ToArray();
        Random.Shared.Shuffle(deliveries);
        var requests = deliveries.Select(id => Signed(signer, Body(id))).ToArray();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders });
        Uri[] urls = [a.Url, b.Url];
        await WarmUpAsync(client, urls, signer, runs);

        var latencies = new double[requests.Length];
        var failures = 0;
        var next = -1;
        var sending = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Length; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(requests[i].ToMessage(urls[i % 2]));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        sending.Stop();

        var draining = Stopwatch.StartNew();
        while (runs.Count < events && draining.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(100);
        }

        Array.Sort(latencies);
        var handled = distinct.Sum(id => runs.GetValueOrDefault(id));
        Console.WriteLine("| deliveries (20% duplicates) | instances | handler | senders | deliveries/s | p50 (ms) | p99 (ms) | max (ms) | non-2xx | handled / distinct | ran twice | all handled after (s) |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {requests.Length:N0} | 2 | {handlerTime.TotalSeconds:0.#} s sleep | {senders} | {requests.Length / sending.Elapsed.TotalSeconds:N0} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} | {latencies[^1]:0.0} | {failures} | {handled:N0} / {events:N0} | {distinct.Count(id => runs.GetValueOrDefault(id) > 1)} | {(sending.Elapsed + draining.Elapsed).TotalSeconds:0.0} |"));
        var memoryOk = await QueueMemory.RunAsync(redisServer.Configuration, Body);
        return failures == 0 && handled == events && runs.Count == events && memoryOk ? 0 : 1;
    }

    /// <summary>A <c>call.refer.started</c> body as Telnyx sends it (about 480 bytes), with the given event id.</summary>
    public static string Body(string id) => $$$$"""
        {"data":{"record_type":"event","event_type":"call.refer.started","id":"{{{{id}}}}","occurred_at":"2026-11-24T10:00:00.000000Z","payload":{"call_control_id":"v3:u5OAKGEPT3Dx8SZSSDRWEMdNH2OripQhO","call_leg_id":"428c31b6-7af4-4bcb-b7f5-5013ef9657c1","call_session_id":"428c31b6-abf3-4bcb-b7f5-5013ef9657c1","connection_id":"7267xxxxxxxxxxxxxx","client_state":null,"from":"+15550001111","to":"sip:agent@example.com"}},"meta":{"attempt":1,"delivered_to":"https://example.com/webhooks/telnyx"}}
        """;

    private static async Task<App> StartAppAsync(string redis, TelnyxWebhookSigner signer, int concurrency, TimeSpan handlerTime, ConcurrentDictionary<string, int> runs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddTelnyx(o =>
        {
            o.ApiKey = "unused";
            o.PublicKey = signer.PublicKeyBase64;
            o.QueueWebhooks = true;
            o.WebhookQueueConcurrency = concurrency;
        });
        builder.Services.AddTelnyxRedis(redis);
        builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>(async (e, _, ct) =>
        {
            runs.AddOrUpdate(e.Id!, 1, (_, r) => r + 1);
            await Task.Delay(handlerTime, ct);
        });
        var app = builder.Build();
        app.MapTelnyxWebhooks();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new App(app, new Uri(new Uri(address), "/webhooks/telnyx"));
    }

    // JIT, connections and the consumer groups, then waits until the warm-up's handlers are done so none runs in the measurement.
    private static async Task WarmUpAsync(HttpClient client, Uri[] urls, TelnyxWebhookSigner signer, ConcurrentDictionary<string, int> runs)
    {
        foreach (var url in urls)
        {
            for (var i = 0; i < 200; i++)
            {
                using var response = await client.SendAsync(Signed(signer, Body(Guid.NewGuid().ToString())).ToMessage(url));
            }
        }

        while (runs.Count < 2 * 200)
        {
            await Task.Delay(100);
        }

        runs.Clear();
    }

    private static SignedBody Signed(TelnyxWebhookSigner signer, string body) => new(body, signer.Sign(body, DateTimeOffset.UtcNow));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record SignedBody(string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public HttpRequestMessage ToMessage(Uri url)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") };
            foreach (var (name, value) in Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            return message;
        }
    }

    private sealed record App(WebApplication Web, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Web.StopAsync();
            await Web.DisposeAsync();
        }
    }
}
