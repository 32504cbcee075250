using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.Redis.Tests.QueuedApp;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// Every path of <c>AddTelnyxRedis</c> on a Redis Cluster (one node holding every slot), which refuses any script or
/// multi-key command whose keys span hash slots, as clustered Azure Cache for Redis, ElastiCache and Redis Cluster do.
/// </summary>
public class RedisClusterTests() : SharedRedisTests(cluster: true)
{
    [Test]
    public async Task Deduplication_runs_an_event_delivered_to_two_instances_at_once_once_and_a_failed_run_again()
    {
        var fail = true;
        await using var apps = await TwoInstances.StartAsync(
            s => s.AddTelnyxRedis(Server.Configuration, o => o.KeyPrefix = "test:cluster-dedup:"),
            e => e.Id == "evt-cluster-throws" && fail ? throw new InvalidOperationException("first run fails") : Task.CompletedTask);

        var (a, b) = await apps.DeliverToBothAtOnceAsync(Events.ReferStarted("evt-cluster-dedup"));
        using var failed = await apps.A.PostAsync(Events.ReferStarted("evt-cluster-throws"));
        fail = false;
        using var again = await apps.B.PostAsync(Events.ReferStarted("evt-cluster-throws"));

        Assert.That((a, b), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(apps.Runs["evt-cluster-dedup"], Is.EqualTo(1));
        Assert.That((failed.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.InternalServerError, HttpStatusCode.OK)));
        Assert.That(apps.Runs["evt-cluster-throws"], Is.EqualTo(2), "the failed run released its claim");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task An_outcome_delivered_to_another_instance_completes_SendAsync_and_the_wait_releases_its_operation(bool queueWebhooks)
    {
        await using var set = await OutcomeInstances.StartAsync(new() { ["Telnyx:QueueWebhooks"] = queueWebhooks.ToString() }, cluster: true);
        var call = set.Emulator.CreateCall();
        var toAgent = new ReferRequest { SipAddress = "sip:agent@example.com" };

        var first = await set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, toAgent, ct));
        var second = await set.B.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, toAgent, ct));

        Assert.That((first.Succeeded, first.Event?.EventType), Is.EqualTo((true, "call.refer.completed")));
        Assert.That((second.Succeeded, second.Event?.EventType), Is.EqualTo((true, "call.refer.completed")));
        set.AssertNothingWaits();
    }

    [Test]
    public async Task The_queue_handles_an_event_dead_letters_a_poison_one_replays_it_and_reports_its_backlog()
    {
        const string Prefix = "test:cluster-queue:";
        var runs = new ConcurrentDictionary<string, int>();
        var poisoned = true;
        await using var app = await QueuedApp.StartAsync(
            Server.Configuration,
            Prefix,
            runs,
            (e, _) => poisoned && e.Id == "evt-cluster-poison" ? throw new InvalidOperationException("poison") : Task.CompletedTask,
            settings: new() { ["Telnyx:WebhookQueueMaxAttempts"] = "2" });
        var deadLetters = app.Services.GetRequiredService<TelnyxWebhookDeadLetters>();
        var queue = app.Services.GetRequiredService<ITelnyxWebhookQueue>();

        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-cluster-queued")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-cluster-poison")), Is.EqualTo(HttpStatusCode.OK));
        await UntilAsync(async () => await StateAsync(Admin, Prefix, "evt-cluster-queued") == "done", "the event is handled");
        await UntilAsync(async () => (await deadLetters.ListAsync()).Count == 1, "the poison event is dead-lettered");
        var backlog = await queue.GetBacklogAsync(CancellationToken.None);
        var departedRemoved = await ((RedisTelnyxWebhookQueue)queue).ForgetDepartedConsumersAsync(CancellationToken.None);
        poisoned = false;
        Assert.That(await deadLetters.ReplayAsync((await deadLetters.ListAsync()).Single().Id), Is.True);
        await UntilAsync(async () => await StateAsync(Admin, Prefix, "evt-cluster-poison") == "done", "the replayed event is handled");

        Assert.That((backlog.Length, backlog.DeadLetters), Is.EqualTo((0L, 1L)));
        Assert.That(departedRemoved, Is.Zero, "the departed-consumer check ran (its keys in one slot) and found none");
        Assert.That(runs["evt-cluster-queued"], Is.EqualTo(1));
        Assert.That(runs["evt-cluster-poison"], Is.EqualTo(3));
    }

    [TestCase("{app}:")]
    [TestCase("app}:")]
    public async Task A_key_prefix_with_a_brace_stops_the_host_at_start_naming_the_rule(string prefix)
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => WebhookApp.StartAsync(s => s.AddTelnyxRedis(Server.Configuration, o => o.KeyPrefix = prefix)));

        Assert.That(failure!.Message, Does.Contain("KeyPrefix must not be empty nor contain '{' or '}'"));
    }

    private static Task<HttpStatusCode> StatusAsync(WebhookApp app, string body) => QueuedWebhookTests.StatusAsync(app, body);
}
