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
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock);

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
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock, capacity: 100, background: compact => compact());

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
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes);

        Assert.That(await dedup.TryBeginAsync("evt"), Is.True);
        await dedup.AbandonAsync("evt");
        Assert.That(await dedup.TryBeginAsync("evt"), Is.True);
    }

    [Test]
    public async Task In_memory_holds_at_most_its_capacity_forgetting_the_least_recently_seen_first()
    {
        var clock = new ManualTimeProvider(Start);
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock, capacity: 100, background: compact => compact());

        // 89 events a second apart, then a copy of the first: seeing it again makes it recent.
        for (var i = 0; i < 89; i++)
        {
            await Handle(dedup, clock, $"evt-{i}");
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await dedup.TryBeginAsync("evt-0"), Is.False);
        await Handle(dedup, clock, "evt-89"); // 90 ids: 90% of the capacity, so a tenth of them go

        Assert.That(dedup.Count, Is.EqualTo(81));
        var forgotten = new List<string>();
        for (var i = 0; i < 90; i++)
        {
            if (await dedup.TryBeginAsync($"evt-{i}"))
            {
                forgotten.Add($"evt-{i}");
                await dedup.AbandonAsync($"evt-{i}");
            }
        }

        Assert.That(forgotten, Is.EqualTo(Enumerable.Range(1, 9).Select(i => $"evt-{i}")), "the oldest, except evt-0 whose copy came later");
    }

    [Test]
    public async Task In_memory_stays_within_its_capacity_whatever_the_rate_and_still_catches_a_recent_duplicate()
    {
        var clock = new ManualTimeProvider(Start);
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock, capacity: 1_000, background: compact => compact());

        for (var i = 0; i < 20_000; i++)
        {
            await Handle(dedup, clock, $"evt-{i}", TimeSpan.FromMilliseconds(1)); // 1,000 events a second: 600,000 in a window
            Assert.That(dedup.Count, Is.LessThanOrEqualTo(1_000));
        }

        Assert.That(await dedup.TryBeginAsync("evt-19999"), Is.False);
        Assert.That(await dedup.TryBeginAsync("evt-19200"), Is.False, "the last 800 are always held");
        Assert.That(await dedup.TryBeginAsync("evt-0"), Is.True, "20,000 events ago: forgotten, so a copy this late would run again");
    }

    [Test]
    public async Task In_memory_makes_room_for_the_newest_id_itself_when_events_outrun_the_background_compaction()
    {
        var clock = new ManualTimeProvider(Start);
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock, capacity: 100, background: _ => { }); // never gets to run

        for (var i = 0; i < 1_000; i++)
        {
            await Handle(dedup, clock, $"evt-{i}");
            Assert.That(await dedup.TryBeginAsync($"evt-{i}"), Is.False, "the newest id is always remembered");
            Assert.That(dedup.Count, Is.LessThanOrEqualTo(100));
        }
    }

    [Test]
    public async Task In_memory_two_concurrent_copies_of_one_event_never_both_run()
    {
        using var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes);
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
