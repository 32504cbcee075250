using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>One redis-server (a one-node cluster when asked), one emulator delivering to B, instances A and B with AddTelnyxRedis.</summary>
internal sealed class OutcomeInstances : IAsyncDisposable
{
    private OutcomeInstances(RedisServer redis, TelnyxEmulator emulator, OutcomeApp a, OutcomeApp b)
    {
        (Redis, Emulator, A, B) = (redis, emulator, a, b);
    }

    public RedisServer Redis { get; }

    public TelnyxEmulator Emulator { get; }

    public OutcomeApp A { get; }

    public OutcomeApp B { get; }

    public ISubscriber ASubscriber => A.App.Services.GetRequiredKeyedService<IConnectionMultiplexer>("Telnyx.Generated.AspNetCore.Redis").GetSubscriber();

    public static async Task<OutcomeInstances> StartAsync(Dictionary<string, string?>? settings = null, bool cluster = false)
    {
        var redis = await RedisServer.StartAsync(cluster: cluster);
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed, WebhookRetryDelays = [] });
        var a = await OutcomeApp.StartInstanceAsync(emulator, seed, settings, s => s.AddTelnyxRedis(redis.Configuration));
        var b = await OutcomeApp.StartInstanceAsync(emulator, seed, settings, s => s.AddTelnyxRedis(redis.Configuration));
        emulator.DeliverWebhooksTo(b.App.WebhookUrl);
        return new OutcomeInstances(redis, emulator, a, b);
    }

    public void AssertNothingWaits()
    {
        foreach (var app in new[] { A, B })
        {
            Assert.That(app.Waiting, Is.Zero);
            Assert.That(((RedisOutcomeRelay)app.App.Services.GetRequiredService<IOutcomeRelay>()).Watching, Is.Zero);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Emulator.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
