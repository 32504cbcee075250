using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Outcomes;

/// <summary>
/// <c>--outcomes [calls] [in-flight...]</c>: one ASP.NET Core app with <c>AddTelnyxRedis</c> on a throwaway
/// <c>redis-server</c>, the emulator delivering its webhooks; each of <c>calls</c> emulated calls (default 1,000, all
/// started at once) does refer, SIPREC start, SIPREC stop through <see cref="ITelnyxCallOutcomes.SendAsync"/>, at most
/// <c>in-flight</c> commands at a time (default 200 then 1,000), twice on the same app: the first round (a fresh
/// process's JIT, connections and thread pool growth) and the same round again, warm. Reports, per round, calls/s,
/// command -> outcome latency (p50/p99, SendAsync from call to return, and how much of it was the command's own HTTP
/// answer), outcomes lost (a SendAsync that did not return its success) and events whose handlers ran more than once.
/// </summary>
public static class OutcomeScale
{
    public static async Task<int> RunAsync(string[] args)
    {
        var numbers = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var calls = numbers.Length > 0 ? numbers[0] : 1000;
        int[] inFlight = numbers.Length > 1 ? numbers[1..] : [200, 1000];
        var port = LoopbackPort.Free();
        using var server = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            while (await server.StandardOutput.ReadLineAsync() is { } line && !line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
            }

            Console.WriteLine("| calls | in flight | calls/s | commands/s | p50 (ms) | p99 (ms) | max (ms) | of which the command's answer: p50 (ms) | p99 (ms) | lost outcomes | handlers run twice |");
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            var failed = false;
            foreach (var limit in inFlight)
            {
                failed |= !await RunOnceAsync($"127.0.0.1:{port}", calls, limit);
            }

            return failed ? 1 : 0;
        }
        finally
        {
            server.Kill();
        }
    }

    private static async Task<bool> RunOnceAsync(string redis, int calls, int limit)
    {
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed });
        using var signer = new TelnyxWebhookSigner(seed);
        var runs = new ConcurrentDictionary<string, int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telnyx:ApiKey"] = emulator.ApiKey,
            ["Telnyx:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Telnyx:PublicKey"] = signer.PublicKeyBase64,
        });
        builder.Services.AddTelnyx(builder.Configuration.GetSection("Telnyx"));
        builder.Services.AddTelnyxRedis(redis, o => o.KeyPrefix = $"bench:{Guid.NewGuid():N}:");
        builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((e, _, _) =>
        {
            runs.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });
        await using var app = builder.Build();
        app.MapTelnyxWebhooks("/webhooks/telnyx");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        emulator.DeliverWebhooksTo(new Uri(new Uri(address), "/webhooks/telnyx"));
        var outcomes = app.Services.GetRequiredService<ITelnyxCallOutcomes>();

        // A fresh process's first round pays for JIT (tier 0, then tier 1 while it runs), new loopback connections
        // (client -> emulator, emulator -> app) and the thread pool's growth: its own row, then the same round warm.
        var cold = await RoundAsync(emulator, outcomes, calls, limit);
        var warm = await RoundAsync(emulator, outcomes, calls, limit);
        await emulator.WhenWebhooksDeliveredAsync();
        var retried = emulator.Events.Sum(e => e.Attempts.Count(a => !a.Delivered));
        if (retried > 0)
        {
            Console.Error.WriteLine($"{retried} webhook deliveries were not answered 2xx: " + string.Join("; ", emulator.Events.SelectMany(e => e.Attempts).Where(a => !a.Delivered).Select(a => a.StatusCode + " " + a.Error).Distinct().Take(5)));
        }

        var twice = runs.Count(r => r.Value > 1);
        Console.WriteLine(cold.Row($"{calls:N0} (first round)", limit, twice: null));
        Console.WriteLine(warm.Row($"{calls:N0}", limit, twice));
        await app.StopAsync();
        return cold.Lost + warm.Lost == 0 && twice == 0 && runs.Count == emulator.Events.Count;
    }

    // calls emulated calls, all started at once, at most limit commands in flight.
    private static async Task<Round> RoundAsync(TelnyxEmulator emulator, ITelnyxCallOutcomes outcomes, int calls, int limit)
    {
        var ids = Enumerable.Range(0, calls).Select(_ => emulator.CreateCall()).ToArray();
        var latencies = new ConcurrentBag<double>();
        var commandTimes = new ConcurrentBag<double>();
        var lost = 0;
        using var gate = new SemaphoreSlim(limit);
        async Task Step(string call, Func<ICallActionsClient, CancellationToken, Task> command)
        {
            await gate.WaitAsync();
            var started = Stopwatch.GetTimestamp();
            try
            {
                var answered = 0L;
                var outcome = await outcomes.SendAsync(call, async (c, ct) =>
                {
                    await command(c, ct);
                    answered = Stopwatch.GetTimestamp();
                });
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                commandTimes.Add(Stopwatch.GetElapsedTime(started, answered).TotalMilliseconds);
                if (!outcome.Succeeded)
                {
                    Interlocked.Increment(ref lost);
                }
            }
            catch (TelnyxException)
            {
                Interlocked.Increment(ref lost);
            }
            finally
            {
                gate.Release();
            }
        }

        var total = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async call =>
        {
            await Step(call, (c, ct) => c.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" }, ct));
            await Step(call, (c, ct) => c.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "srs" }, ct));
            await Step(call, (c, ct) => c.StopSiprecAsync(call, new StopSiprecRequest(), ct));
        }));
        return new Round(calls, total.Elapsed, [.. latencies.Order()], [.. commandTimes.Order()], lost);
    }

    private sealed record Round(int Calls, TimeSpan Elapsed, double[] Latencies, double[] Answers, int Lost)
    {
        // twice is counted over both rounds (an event's copies may straddle them): shown on the last row only.
        public string Row(string calls, int limit, int? twice)
        {
            var seconds = Elapsed.TotalSeconds;
            return string.Create(CultureInfo.InvariantCulture,
                $"| {calls} | {limit:N0} | {Calls / seconds:N0} | {3 * Calls / seconds:N0} | {At(Latencies, 0.5):0.0} | {At(Latencies, 0.99):0.0} | {Latencies[^1]:0.0} | {At(Answers, 0.5):0.0} | {At(Answers, 0.99):0.0} | {Lost} | {(twice is { } n ? n.ToString(CultureInfo.InvariantCulture) : "-")} |");
        }

        private static double At(double[] values, double q) => values.Length == 0 ? double.NaN : values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
    }
}
