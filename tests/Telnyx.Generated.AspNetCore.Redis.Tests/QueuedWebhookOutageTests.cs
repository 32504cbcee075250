using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telnyx.Generated.AspNetCore.Tests;
using static Telnyx.Generated.AspNetCore.Redis.Tests.QueuedApp;
using static Telnyx.Generated.AspNetCore.Redis.Tests.QueuedWebhookTests;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Telnyx:QueueWebhooks while Redis goes down: each test has its own redis-server to kill.</summary>
public class QueuedWebhookOutageTests
{
    private const string Prefix = "test:outage:";

    [Test]
    public async Task Redis_down_at_delivery_answers_500_so_Telnyx_delivers_again_and_the_redelivery_runs_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var runs = new ConcurrentDictionary<string, int>();
        await using var app = await StartAsync(redis.Configuration + ",asyncTimeout=500,connectTimeout=500", Prefix, runs);

        redis.Kill();
        var whileDown = await StatusAsync(app, Events.ReferStarted("evt-down"));
        await redis.RestartAsync();
        var redelivery = HttpStatusCode.InternalServerError;
        await UntilAsync(async () => (redelivery = await StatusAsync(app, Events.ReferStarted("evt-down"))) == HttpStatusCode.OK, "the reconnected app queues the redelivery");
        await UntilAsync(() => Task.FromResult(runs.ContainsKey("evt-down")), "the redelivery is handled");
        using var admin = await redis.ConnectAdminAsync();
        await UntilAsync(async () => await StateAsync(admin, Prefix, "evt-down") == "done", "the event is marked done");

        Assert.That(whileDown, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(runs["evt-down"], Is.EqualTo(1));
    }

    [Test]
    public async Task Redis_down_while_handlers_run_loses_nothing_and_consumers_resume_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync(durable: true);
        var runs = new ConcurrentDictionary<string, int>();
        var twoRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(
            redis.Configuration + ",asyncTimeout=500,connectTimeout=500",
            Prefix,
            runs,
            (_, _) =>
            {
                if (runs.Count == 2)
                {
                    twoRunning.TrySetResult();
                }

                return release.Task;
            },
            settings: new() { ["Telnyx:WebhookQueueConcurrency"] = "2" });
        string[] ids = ["evt-r1", "evt-r2", "evt-r3"];
        foreach (var id in ids)
        {
            Assert.That(await StatusAsync(app, Events.ReferStarted(id)), Is.EqualTo(HttpStatusCode.OK));
        }

        await twoRunning.Task.WaitAsync(Patience);
        redis.Kill();
        release.SetResult(); // two handlers finish while their completion cannot reach Redis
        await redis.RestartAsync(); // from its append-only file, as a durable Redis would
        using var admin = await redis.ConnectAdminAsync();
        await UntilAsync(async () => (await Task.WhenAll(ids.Select(id => StateAsync(admin, Prefix, id)))).All(s => s == "done"), "all three are done");

        Assert.That(runs, Is.EquivalentTo(ids.ToDictionary(id => id, _ => 1)), "the finished two are completed, not run again; the third runs after Redis is back");
        Assert.That(await admin.GetDatabase().StreamLengthAsync("{" + Prefix + "}queue"), Is.Zero);
    }

    [Test]
    public async Task The_health_check_is_degraded_while_the_queue_lags_and_unhealthy_while_Redis_is_down()
    {
        await using var redis = await RedisServer.StartAsync();
        var runs = new ConcurrentDictionary<string, int>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(
            redis.Configuration + ",asyncTimeout=500,connectTimeout=500",
            Prefix,
            runs,
            (_, _) => release.Task,
            settings: new() { ["Telnyx:WebhookQueueLagThreshold"] = "00:00:00.200" },
            services: s => s.AddHealthChecks().AddTelnyxWebhookDeduplication(timeout: TimeSpan.FromSeconds(2)),
            configureApp: a => a.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = (c, r) => c.Response.WriteAsync($"{r.Status}: {r.Entries.Values.Single().Description}") }));

        var idle = await HealthAsync(app);
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-lag")), Is.EqualTo(HttpStatusCode.OK));
        var lagging = "";
        await UntilAsync(async () => (lagging = await HealthAsync(app)).StartsWith("Degraded", StringComparison.Ordinal), "the check reports the lag");
        redis.Kill();
        var down = await HealthAsync(app);
        await redis.RestartAsync();

        Assert.That(idle, Does.StartWith("Healthy: Redis answered PING in ").And.Contain("0 queued event(s)"));
        Assert.That(lagging, Does.Contain("The webhook queue lags beyond 00:00:00.2000000: 1 queued event(s)"));
        Assert.That(down, Does.StartWith("Unhealthy: "));
        release.SetResult();
    }

    private static async Task<string> HealthAsync(WebhookApp app)
    {
        using var response = await app.Client.GetAsync("/health");
        return await response.Content.ReadAsStringAsync();
    }
}
