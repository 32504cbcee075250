using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

public class DeduplicatorTests
{
    private static readonly IOptions<TelnyxOptions> TenMinutes = Options.Create(new TelnyxOptions { WebhookDeduplicationWindow = TimeSpan.FromMinutes(10) });

    [Test]
    public async Task In_memory_remembers_an_id_for_the_window_and_then_forgets_it()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var dedup = new InMemoryTelnyxWebhookDeduplicator(TenMinutes, clock);

        Assert.That(await dedup.TryBeginAsync("evt"), Is.True);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.That(await dedup.TryBeginAsync("evt"), Is.False);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await dedup.TryBeginAsync("evt"), Is.True, "after the window a redelivery is a new delivery");
        Assert.That(await dedup.TryBeginAsync("other"), Is.True);
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

#pragma warning disable CS0618 // ISystemClock is what MemoryDistributedCacheOptions.Clock takes
    private sealed class ClockAdapter(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
