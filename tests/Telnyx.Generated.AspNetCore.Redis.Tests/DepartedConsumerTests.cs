using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using static Telnyx.Generated.AspNetCore.Redis.Tests.QueuedApp;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// Every instance joins the queue's consumer group under a new name: the names of instances that are gone are removed,
/// never one still holding entries, a live instance's or the remover's own. The remover's consumer age is zero here,
/// so "idle for longer than the age" holds at once, without waiting for it.
/// </summary>
public class DepartedConsumerTests : SharedRedisTests
{
    private const string Group = RedisTelnyxWebhookQueue.Group;

    [Test]
    public async Task Departed_names_with_nothing_pending_are_removed_and_one_holding_an_entry_a_live_instance_and_the_remover_are_kept()
    {
        const string Prefix = "test:departed:";
        await LeaveDepartedConsumersAsync(Prefix, "evt-held");
        var runs = new ConcurrentDictionary<string, int>();
        await using var live = await StartAsync(Server.Configuration, Prefix, runs);
        var liveQueue = QueueOf(live);
        var removedByTheDefaultAge = await liveQueue.ForgetDepartedConsumersAsync(CancellationToken.None); // also its check-in, as its queue loop does every few minutes
        await using var remover = await StartAsync(Server.Configuration, Prefix, runs, services: ForgetAtOnce);
        var removerQueue = QueueOf(remover);

        // Redis 7.0 lists a consumer once it got entries, and its idle time then grows while it polls an empty queue.
        await CreateConsumerAsync(Prefix, liveQueue.ConsumerName);
        await CreateConsumerAsync(Prefix, removerQueue.ConsumerName);
        await removerQueue.ForgetDepartedConsumersAsync(CancellationToken.None);

        var consumers = await ConsumersAsync(Prefix);
        Assert.That(removedByTheDefaultAge, Is.Zero, "departed seconds ago: within three claim leases (at least 10 minutes), so a recent crash stays visible");
        Assert.That(consumers.Select(c => c.Name), Is.EquivalentTo(new[] { "departed-busy", liveQueue.ConsumerName, removerQueue.ConsumerName }));
        Assert.That(consumers.Single(c => c.Name == "departed-busy").PendingMessageCount, Is.EqualTo(1), "removing it would drop its entry from the group");
        Assert.That(runs, Is.Empty, "its entry waits for the claim lease");
    }

    [Test]
    public async Task The_queue_loop_takes_over_a_departed_instances_entry_handles_it_once_and_then_removes_its_name()
    {
        const string Prefix = "test:departed-loop:";
        await LeaveDepartedConsumersAsync(Prefix, "evt-held");
        var runs = new ConcurrentDictionary<string, int>();
        await using var app = await StartAsync(Server.Configuration, Prefix, runs, lease: TimeSpan.FromSeconds(1), services: ForgetAtOnce);

        await UntilAsync(async () => await StateAsync(Admin, Prefix, "evt-held") == "done", "the departed instance's entry is handled");
        await UntilAsync(async () => (await ConsumersAsync(Prefix)).All(c => !c.Name.StartsWith("departed-", StringComparison.Ordinal)), "both departed names are removed");

        Assert.That(runs, Is.EquivalentTo(new Dictionary<string, int> { ["evt-held"] = 1 }));
        Assert.That((await ConsumersAsync(Prefix)).Select(c => c.Name), Is.EqualTo(new[] { QueueOf(app).ConsumerName }), "its own name stays");
    }

    private static void ForgetAtOnce(IServiceCollection services) =>
        services.Configure<TelnyxRedisOptions>(o => o.ForgetConsumersAfter = TimeSpan.Zero);

    private static RedisTelnyxWebhookQueue QueueOf(WebhookApp app) => app.Services.GetRequiredService<RedisTelnyxWebhookQueue>();

    // What two killed instances leave: "departed-busy" holds a queued event it never finished, "departed-idle" nothing.
    private async Task LeaveDepartedConsumersAsync(string prefix, string eventId)
    {
        var db = Admin.GetDatabase();
        var queue = "{" + prefix + "}queue";
        await db.StreamCreateConsumerGroupAsync(queue, Group, "0", createStream: true);
        var entry = await db.StreamAddAsync(queue, [new("body", Events.ReferStarted(eventId)), new("tp", ""), new("id", eventId)]);
        await db.StringSetAsync("{" + prefix + "}" + eventId, "queued:" + entry);
        Assert.That(await db.StreamReadGroupAsync(queue, Group, "departed-busy", StreamPosition.NewMessages, 1), Has.Length.EqualTo(1));
        await CreateConsumerAsync(prefix, "departed-idle");
    }

    private Task CreateConsumerAsync(string prefix, string name) =>
        Admin.GetDatabase().ExecuteAsync("XGROUP", "CREATECONSUMER", "{" + prefix + "}queue", Group, name);

    private Task<StreamConsumerInfo[]> ConsumersAsync(string prefix) => Admin.GetDatabase().StreamConsumerInfoAsync("{" + prefix + "}queue", Group);
}
