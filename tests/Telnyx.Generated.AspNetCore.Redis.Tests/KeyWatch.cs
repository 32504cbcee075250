using System.Threading.Channels;
using StackExchange.Redis;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// Redis announces what happens to each key on its keyspace channel: tests wait for that (a claim set, a lease
/// expired), never for a guessed time.
/// </summary>
internal sealed class KeyWatch
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ChannelReader<string> _events;
    private readonly IDatabase _database;
    private readonly string _key;

    private KeyWatch(ChannelReader<string> events, IDatabase database, string key) => (_events, _database, _key) = (events, database, key);

    /// <summary>Switches keyspace notifications on for every key and operation (once per server).</summary>
    public static Task EnableAsync(ConnectionMultiplexer admin) =>
        admin.GetServer(admin.GetEndPoints()[0]).ConfigSetAsync("notify-keyspace-events", "KA");

    public static async Task<KeyWatch> StartAsync(ConnectionMultiplexer admin, string key)
    {
        var events = Channel.CreateUnbounded<string>();
        await admin.GetSubscriber().SubscribeAsync(RedisChannel.Literal("__keyspace@0__:" + key), (_, e) => events.Writer.TryWrite(e!));
        return new KeyWatch(events.Reader, admin.GetDatabase(), key);
    }

    /// <summary>
    /// Ends a claim's lease now, as the clock would after <paramref name="lease"/>, and waits until Redis expired the key:
    /// a test that ends leases itself has no other lease lapse by the clock, however slow the machine.
    /// </summary>
    public async Task LapseAsync(TimeSpan lease)
    {
        Assert.That(await _database.KeyTimeToLiveAsync(_key), Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(lease), "the claim holds its lease");
        Assert.That(await _database.KeyExpireAsync(_key, TimeSpan.FromMilliseconds(1)), Is.True);
        await Next("expired");
    }

    /// <summary>Waits for <paramref name="operation"/> (set, del, expired) on the key, skipping any other before it.</summary>
    public async Task Next(string operation)
    {
        while (await _events.ReadAsync().AsTask().WaitAsync(Patience) != operation)
        {
        }
    }
}
