using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Two app instances sharing one real redis-server (started and stopped here), as behind a load balancer.</summary>
public class RedisDeduplicationTests() : SharedRedisTests(watchKeys: true)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Copies_delivered_to_two_instances_at_the_same_instant_run_the_handlers_once()
    {
        const int Count = 250;
        await using var apps = await TwoInstances.StartAsync(s => s.AddTelnyxRedis(Server.Configuration));
        var answers = new ConcurrentBag<(HttpStatusCode A, HttpStatusCode B)>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            answers.Add(await apps.DeliverToBothAtOnceAsync(Events.ReferStarted($"evt-simultaneous-{i}"))));

        var ranTwice = apps.Runs.Values.Count(n => n > 1);
        TestContext.Out.WriteLine($"{ranTwice} of {Count} events delivered to both instances at once ran twice; instance A ran {Handled(apps.A)}, B ran {Handled(apps.B)}.");
        Assert.That(answers.SelectMany(a => new[] { a.A, a.B }), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(apps.Runs.Count, Is.EqualTo(Count));
        Assert.That(ranTwice, Is.Zero);
        Assert.That(Duplicates(apps.A) + Duplicates(apps.B), Is.EqualTo(Count), "every event: one copy handled, the other answered as a duplicate");
    }

    [Test]
    public async Task A_copy_arriving_while_the_first_runs_or_after_it_is_done_is_answered_200_without_running()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var apps = await TwoInstances.StartAsync(
            s => s.AddTelnyxRedis(Server.Configuration, o => o.KeyPrefix = "test:inflight:"),
            _ =>
            {
                started.TrySetResult();
                return finish.Task;
            });
        var body = Events.ReferStarted("evt-inflight");
        var db = Admin.GetDatabase();

        var first = apps.A.PostAsync(body);
        await started.Task.WaitAsync(Patience);
        using (var copyWhileRunning = await apps.B.PostAsync(body))
        {
            Assert.That(copyWhileRunning.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((string?)await db.StringGetAsync("{test:inflight:}evt-inflight"), Does.StartWith("claimed:"));
        Assert.That(await db.KeyTimeToLiveAsync("{test:inflight:}evt-inflight"), Is.InRange(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)), "a claim lasts the lease (5 minutes by default)");

        finish.SetResult();
        using (var firstAnswer = await first)
        {
            Assert.That(firstAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((string?)await db.StringGetAsync("{test:inflight:}evt-inflight"), Is.EqualTo("done"));
        Assert.That(await db.KeyTimeToLiveAsync("{test:inflight:}evt-inflight"), Is.InRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10)), "done lasts WebhookDeduplicationWindow (10 minutes by default)");
        using (var copyAfterDone = await apps.B.PostAsync(body))
        {
            Assert.That(copyAfterDone.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(apps.Runs["evt-inflight"], Is.EqualTo(1));
        var keys = Admin.GetServer(Admin.GetEndPoints()[0]).Keys(pattern: "{test:inflight:}*").Select(k => (string?)k);
        Assert.That(keys, Is.EqualTo(new[] { "{test:inflight:}evt-inflight" }), "one key per event id, under the configured prefix");
    }

    [Test]
    public async Task A_throwing_handler_answers_500_releases_the_claim_and_the_redelivery_to_the_other_instance_runs_it()
    {
        var failures = 1;
        await using var apps = await TwoInstances.StartAsync(
            s => s.AddTelnyxRedis(Server.Configuration, o => o.KeyPrefix = "test:throwing:"),
            _ => Interlocked.Exchange(ref failures, 0) == 1 ? Task.FromException(new InvalidOperationException("transfer failed")) : Task.CompletedTask);
        var body = Events.ReferStarted("evt-throwing");

        using (var failed = await apps.A.PostAsync(body))
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        }

        Assert.That(await Admin.GetDatabase().KeyExistsAsync("{test:throwing:}evt-throwing"), Is.False, "the failed attempt released its claim");
        using (var redelivery = await apps.B.PostAsync(body))
        {
            Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var later = await apps.A.PostAsync(body))
        {
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(apps.Runs["evt-throwing"], Is.EqualTo(2), "the failed run and the redelivery; the later copy is a duplicate");
    }

    [Test]
    public async Task A_claim_left_by_an_instance_that_died_mid_handler_expires_after_the_lease_and_the_redelivery_runs()
    {
        await using var apps = await TwoInstances.StartAsync(s => s.AddTelnyxRedis(Server.Configuration, o => o.KeyPrefix = "test:lease:"));
        var body = Events.ReferStarted("evt-orphan");
        var key = await WatchKeyAsync("{test:lease:}evt-orphan");

        // Instance A claims the event, then dies: it never marks it done nor releases it.
        Assert.That(await apps.A.Services.GetRequiredService<ITelnyxWebhookDeduplicator>().TryBeginAsync("evt-orphan"), Is.True);
        using (var whileClaimed = await apps.B.PostAsync(body))
        {
            Assert.That(whileClaimed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(apps.Runs.ContainsKey("evt-orphan"), Is.False, "a copy within the lease is taken for one being handled");
        await key.LapseAsync(TimeSpan.FromMinutes(5)); // the default lease ends
        using (var redelivery = await apps.B.PostAsync(body))
        {
            Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(apps.Runs["evt-orphan"], Is.EqualTo(1));
    }

    [Test]
    public async Task An_instance_whose_claim_expired_never_releases_the_claim_another_instance_took_since()
    {
        // A's claim expires quickly; B's outlasts the test.
        var leases = new Queue<TimeSpan>([TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(5)]);
        await using var apps = await TwoInstances.StartAsync(s =>
        {
            var lease = leases.Dequeue();
            s.AddTelnyxRedis(Server.Configuration, o =>
            {
                o.KeyPrefix = "test:takeover:";
                o.ClaimLease = lease;
            });
        });
        var a = apps.A.Services.GetRequiredService<ITelnyxWebhookDeduplicator>();
        var b = apps.B.Services.GetRequiredService<ITelnyxWebhookDeduplicator>();
        var db = Admin.GetDatabase();
        var key = await WatchKeyAsync("{test:takeover:}evt-slow");

        Assert.That(await a.TryBeginAsync("evt-slow"), Is.True);
        await key.Next("expired");
        Assert.That(await b.TryBeginAsync("evt-slow"), Is.True, "A's claim expired, so B may take it");
        var claimOfB = (string?)await db.StringGetAsync("{test:takeover:}evt-slow");

        await a.AbandonAsync("evt-slow"); // A's slow handler finally failed
        Assert.That((string?)await db.StringGetAsync("{test:takeover:}evt-slow"), Is.EqualTo(claimOfB), "B's claim stays");

        await b.CompleteAsync("evt-slow");
        Assert.That((string?)await db.StringGetAsync("{test:takeover:}evt-slow"), Is.EqualTo("done"));
        Assert.That(await a.TryBeginAsync("evt-slow"), Is.False, "done at B is done for A too");
    }

    [Test]
    public async Task A_Redis_timeout_answers_500_without_running_the_handler_and_the_redelivery_runs_it()
    {
        var options = ConfigurationOptions.Parse(Server.Configuration);
        options.AsyncTimeout = 2000; // short enough to time out while Redis is paused, long enough for the redelivery on a loaded machine
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await using var apps = await TwoInstances.StartAsync(s => s.AddTelnyxRedis(connection, o => o.KeyPrefix = "test:timeout:"));
        var body = Events.ReferStarted("evt-timeout");
        var server = Admin.GetServer(Admin.GetEndPoints()[0]);
        var key = await WatchKeyAsync("{test:timeout:}evt-timeout");

        // Redis holds every write until unpaused: the claim times out on the client, then runs once Redis resumes.
        await server.ExecuteAsync("CLIENT", "PAUSE", "30000", "WRITE");
        try
        {
            using var timedOut = await apps.A.PostAsync(body);
            Assert.That(timedOut.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        }
        finally
        {
            await server.ExecuteAsync("CLIENT", "UNPAUSE");
        }

        Assert.That(apps.Runs.ContainsKey("evt-timeout"), Is.False);
        await key.Next("set"); // the late claim
        await key.Next("del"); // released right behind it
        using (var redelivery = await apps.A.PostAsync(body))
        {
            Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the late claim was released behind it, so the redelivery is not taken for a duplicate");
        }

        Assert.That(apps.Runs["evt-timeout"], Is.EqualTo(1));
    }

    [Test]
    public async Task An_app_starts_while_Redis_is_unreachable_and_answers_500_without_running_the_handler()
    {
        var configuration = $"127.0.0.1:{LoopbackPort.Free()},connectTimeout=300,asyncTimeout=300,syncTimeout=300"; // nothing listens there
        await using var apps = await TwoInstances.StartAsync(s => s.AddTelnyxRedis(configuration));

        using var response = await apps.A.PostAsync(Events.ReferStarted("evt-no-redis"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(apps.Runs, Is.Empty);
    }

    [Test]
    public async Task Redis_killed_mid_run_never_gets_an_event_acknowledged_unhandled_and_after_a_restart_redelivery_runs_each_once()
    {
        const int Count = 200;
        const int KillAtRun = 60;
        await using var redis = await RedisServer.StartAsync();
        var options = ConfigurationOptions.Parse(redis.Configuration);
        options.BacklogPolicy = BacklogPolicy.FailFast; // fail at once while Redis is down instead of waiting out the timeout: keeps the test short
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(50);
        await using var connectionA = await ConnectionMultiplexer.ConnectAsync(options);
        await using var connectionB = await ConnectionMultiplexer.ConnectAsync(options);
        var connections = new Queue<IConnectionMultiplexer>([connectionA, connectionB]);
        var runs = 0;
        await using var apps = await TwoInstances.StartAsync(
            s => s.AddTelnyxRedis(connections.Dequeue()),
            _ =>
            {
                if (Interlocked.Increment(ref runs) == KillAtRun)
                {
                    redis.Kill();
                }

                return Task.CompletedTask;
            });
        var ids = Enumerable.Range(0, Count).Select(i => $"evt-outage-{i}").ToList();

        var answers = await DeliverAllAsync(apps, ids);
        var unacknowledged = ids.Where(id => !answers[id].Contains(HttpStatusCode.OK)).ToList();
        TestContext.Out.WriteLine($"Redis killed at run {KillAtRun}: {Count - unacknowledged.Count} of {Count} events acknowledged, {unacknowledged.Count} answered 500 by both instances.");
        Assert.That(answers.Values.SelectMany(a => a), Has.All.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(unacknowledged, Is.Not.Empty, "the outage reached some deliveries");
        Assert.That(ids.Where(id => answers[id].Contains(HttpStatusCode.OK)).Where(id => !apps.Runs.ContainsKey(id)), Is.Empty, "no 200 without a handler run");
        Assert.That(unacknowledged.Where(apps.Runs.ContainsKey), Is.Empty, "a handler that ran always answers 200");

        var restored = Task.WhenAll(Restored(connectionA), Restored(connectionB));
        await redis.RestartAsync();
        await restored.WaitAsync(Patience);
        var redelivered = await DeliverAllAsync(apps, unacknowledged);

        Assert.That(redelivered.Values.SelectMany(a => a), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(ids.Select(id => apps.Runs.GetValueOrDefault(id)), Has.All.EqualTo(1), "every event ran exactly once in total");
    }

    private static async Task<Dictionary<string, HttpStatusCode[]>> DeliverAllAsync(TwoInstances apps, IEnumerable<string> ids)
    {
        var answers = new ConcurrentDictionary<string, HttpStatusCode[]>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            var (a, b) = await apps.DeliverToBothAtOnceAsync(Events.ReferStarted(id));
            answers[id] = [a, b];
        });
        return answers.ToDictionary();
    }

    private static Task Restored(IConnectionMultiplexer connection)
    {
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The subscription connection can come back before the interactive one that carries the claims.
        connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                restored.TrySetResult();
            }
        };
        return restored.Task;
    }

    private Task<KeyWatch> WatchKeyAsync(string key) => KeyWatch.StartAsync(Admin, key);

    private static int Handled(WebhookApp app) => app.Logs.Entries.Count(e => e.Message.Contains("handled by", StringComparison.Ordinal));

    private static int Duplicates(WebhookApp app) => app.Logs.Entries.Count(e => e.Message.Contains("was already handled", StringComparison.Ordinal));
}
