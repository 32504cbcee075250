using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

public class DeduplicatorTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly IOptions<TelnyxOptions> TenMinutes = Options.Create(new TelnyxOptions { WebhookDeduplicationWindow = TimeSpan.FromMinutes(10) });

    [Test]
    public async Task In_memory_remembers_a_handled_id_for_the_window_and_then_forgets_it()
    {
        var clock = new ManualTimeProvider(Start);
        var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock);

        Assert.That(await dedup.TryBeginAsync("evt"), Is.True);
        await dedup.CompleteAsync("evt");
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.That(await dedup.TryBeginAsync("evt"), Is.False);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await dedup.TryBeginAsync("evt"), Is.True, "after the window a redelivery is a new delivery");
        Assert.That(await dedup.TryBeginAsync("other"), Is.True);
    }

    [Test]
    public async Task In_memory_a_claim_whose_handlers_still_run_is_a_duplicate_however_long_they_take()
    {
        var clock = new ManualTimeProvider(Start);
        var dedup = new InMemoryTelnyxWebhookDeduplicator(Capacity(100), clock);

        Assert.That(await dedup.TryBeginAsync("evt-slow"), Is.True);
        for (var i = 0; i < 200; i++)
        {
            await Handle(dedup, clock, $"evt-{i}");
        }

        clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await dedup.TryBeginAsync("evt-slow"), Is.False, "never evicted nor expired while its handlers run");
    }

    [Test]
    public async Task In_memory_abandon_lets_the_redelivery_run()
    {
        var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes);

        Assert.That(await dedup.TryBeginAsync("evt"), Is.True);
        await dedup.AbandonAsync("evt");
        Assert.That(await dedup.TryBeginAsync("evt"), Is.True);
    }

    [Test]
    public async Task In_memory_holds_at_most_its_capacity_forgetting_the_oldest_handled_first()
    {
        var clock = new ManualTimeProvider(Start);
        var dedup = new InMemoryTelnyxWebhookDeduplicator(Capacity(100), clock);

        for (var i = 0; i < 150; i++)
        {
            await Handle(dedup, clock, $"evt-{i}");
        }

        Assert.That(dedup.Count, Is.EqualTo(100));
        var forgotten = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            if (await dedup.TryBeginAsync($"evt-{i}"))
            {
                forgotten.Add($"evt-{i}");
                await dedup.AbandonAsync($"evt-{i}");
            }
        }

        Assert.That(forgotten, Is.EqualTo(Enumerable.Range(0, 50).Select(i => $"evt-{i}")), "the 50 oldest, and only they");
    }

    [Test]
    public async Task In_memory_stays_within_its_capacity_whatever_the_rate_and_still_catches_a_recent_duplicate()
    {
        var clock = new ManualTimeProvider(Start);
        var dedup = new InMemoryTelnyxWebhookDeduplicator(Capacity(1_000), clock);

        for (var i = 0; i < 20_000; i++)
        {
            await Handle(dedup, clock, $"evt-{i}", TimeSpan.FromMilliseconds(1)); // 1,000 events a second: 600,000 in a window
            Assert.That(dedup.Count, Is.LessThanOrEqualTo(1_000));
        }

        Assert.That(await dedup.TryBeginAsync("evt-19999"), Is.False);
        Assert.That(await dedup.TryBeginAsync("evt-19000"), Is.False, "the last 1,000 are always held");
        Assert.That(await dedup.TryBeginAsync("evt-18999"), Is.True, "and no more");
        Assert.That(await dedup.TryBeginAsync("evt-0"), Is.True, "20,000 events ago: forgotten, so a copy this late would run again");
    }

    [Test]
    public async Task In_memory_at_its_capacity_remembers_every_newest_id_of_parallel_deliveries()
    {
        var dedup = new InMemoryTelnyxWebhookDeduplicator(Capacity(1_000));
        for (var i = 0; i < 1_000; i++)
        {
            await dedup.TryBeginAsync($"old-{i}");
            await dedup.CompleteAsync($"old-{i}");
        }

        // 64 writers at once, 10 new events each, on a full de-duplicator: each one pushes out an old id, never a new one.
        await Parallel.ForEachAsync(Enumerable.Range(0, 640), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            Assert.That(await dedup.TryBeginAsync($"new-{i}"), Is.True);
            await dedup.CompleteAsync($"new-{i}");
        });

        Assert.That(dedup.Count, Is.EqualTo(1_000));
        for (var i = 0; i < 640; i++)
        {
            Assert.That(await dedup.TryBeginAsync($"new-{i}"), Is.False, $"new-{i}: a duplicate of a recent event is caught");
        }

        Assert.That(await dedup.TryBeginAsync("old-0"), Is.True, "the oldest made room");
        Assert.That(await dedup.TryBeginAsync("old-999"), Is.False, "the newest of the old ones is still held");
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void In_memory_rejects_a_capacity_that_is_not_positive(int capacity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryTelnyxWebhookDeduplicator(Capacity(capacity)));

        Assert.That(ex!.ParamName, Is.EqualTo("TelnyxOptions.WebhookDeduplicationCapacity"));
    }

    [Test]
    public async Task In_memory_two_concurrent_copies_of_one_event_never_both_run()
    {
        var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes);
        var runs = new int[20_000];

        await Parallel.ForEachAsync(Enumerable.Range(0, runs.Length * 3), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var i = n / 3; // three copies of each event in a row, racing on the thread pool
            if (await dedup.TryBeginAsync($"evt-{i}"))
            {
                Interlocked.Increment(ref runs[i]);
                await dedup.CompleteAsync($"evt-{i}");
            }
        });

        Assert.That(runs, Has.All.EqualTo(1));
    }

    [Test]
    public async Task Distributed_cache_is_shared_between_app_instances_and_expires_with_the_window()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { Clock = new ClockAdapter(clock) }));
        var instanceA = new DistributedCacheTelnyxWebhookDeduplicator(cache, TenMinutes);
        var instanceB = new DistributedCacheTelnyxWebhookDeduplicator(cache, TenMinutes);

        Assert.That(await instanceA.TryBeginAsync("evt"), Is.True);
        Assert.That(await instanceB.TryBeginAsync("evt"), Is.False, "the second instance sees the first one's claim");
        Assert.That(await cache.GetAsync(DistributedCacheTelnyxWebhookDeduplicator.KeyPrefix + "evt"), Is.Not.Null);

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.That(await instanceB.TryBeginAsync("evt"), Is.True);

        await instanceB.AbandonAsync("evt");
        Assert.That(await instanceA.TryBeginAsync("evt"), Is.True);
    }

    [Test]
    public void AddTelnyxDistributedWebhookDeduplication_replaces_the_in_memory_default()
    {
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddTelnyx(o => o.ApiKey = "k");
        services.AddTelnyxDistributedWebhookDeduplication();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ITelnyxWebhookDeduplicator>(), Is.InstanceOf<DistributedCacheTelnyxWebhookDeduplicator>());
    }

    private static IOptions<TelnyxOptions> Capacity(int capacity) =>
        Options.Create(new TelnyxOptions { WebhookDeduplicationWindow = TimeSpan.FromMinutes(10), WebhookDeduplicationCapacity = capacity });

    /// <summary>A delivery of <paramref name="id"/>, handled, a second (or <paramref name="after"/>) after the previous one.</summary>
    private static async Task Handle(InMemoryTelnyxWebhookDeduplicator dedup, ManualTimeProvider clock, string id, TimeSpan? after = null)
    {
        clock.Advance(after ?? TimeSpan.FromSeconds(1));
        Assert.That(await dedup.TryBeginAsync(id), Is.True, id);
        await dedup.CompleteAsync(id);
    }

#pragma warning disable CS0618 // ISystemClock is what MemoryDistributedCacheOptions.Clock takes
    private sealed class ClockAdapter(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
