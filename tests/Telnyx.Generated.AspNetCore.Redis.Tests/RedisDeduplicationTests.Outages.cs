using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Redis slow, unreachable or killed: the endpoint answers 500, loses nothing, and each redelivery runs once.</summary>
public partial class RedisDeduplicationTests
{
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
}
