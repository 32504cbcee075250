using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Two app instances sharing one real redis-server (started and stopped here), as behind a load balancer.</summary>
public partial class RedisDeduplicationTests() : SharedRedisTests(watchKeys: true)
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

    private Task<KeyWatch> WatchKeyAsync(string key) => KeyWatch.StartAsync(Admin, key);

    private static int Handled(WebhookApp app) => app.Logs.Entries.Count(e => e.Message.Contains("handled by", StringComparison.Ordinal));

    private static int Duplicates(WebhookApp app) => app.Logs.Entries.Count(e => e.Message.Contains("was already handled", StringComparison.Ordinal));
}
