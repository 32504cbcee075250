using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// A webhook app with <c>Telnyx:QueueWebhooks</c> on and <c>AddTelnyxRedis</c>, on a real Kestrel and a real
/// redis-server, whose one handler counts its runs per event id in <see cref="Runs"/> and then calls the test's handler.
/// </summary>
internal static class QueuedApp
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static Task<WebhookApp> StartAsync(
        string redis,
        string prefix,
        ConcurrentDictionary<string, int> runs,
        Func<TelnyxWebhookEvent, CancellationToken, Task>? handler = null,
        Dictionary<string, string?>? settings = null,
        TimeSpan? lease = null,
        string? signingSeed = null,
        Action<IServiceCollection>? services = null,
        Action<Microsoft.AspNetCore.Builder.WebApplication>? configureApp = null)
    {
        var all = new Dictionary<string, string?> { ["Telnyx:QueueWebhooks"] = "true", ["Telnyx:WebhookQueueRetryDelay"] = "00:00:00.010" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return WebhookApp.StartAsync(
            s =>
            {
                s.AddTelnyxRedis(redis, o =>
                {
                    o.KeyPrefix = prefix;
                    o.ClaimLease = lease ?? TimeSpan.FromMinutes(5);
                });
                s.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((e, _, ct) =>
                {
                    runs.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
                    return handler?.Invoke(e, ct) ?? Task.CompletedTask;
                });
                services?.Invoke(s);
            },
            all,
            signingSeed,
            configureApp);
    }

    /// <summary>The state of an event id in Redis: <c>queued:{entry}</c>, <c>done</c>, <c>dead</c>, or null.</summary>
    public static async Task<string?> StateAsync(ConnectionMultiplexer admin, string prefix, string eventId) =>
        await admin.GetDatabase().StringGetAsync("{" + prefix + "}" + eventId);

    /// <summary>Polls (every 20 ms, for at most <see cref="Patience"/>) until <paramref name="condition"/> holds: for state only Redis knows.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {Patience}: {what}");
            }

            await Task.Delay(20);
        }
    }
}
