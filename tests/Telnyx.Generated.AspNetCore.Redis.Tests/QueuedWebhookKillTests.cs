using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.Redis.Tests.QueuedApp;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Two app instances as separate processes on one real redis-server; one is killed in the middle of handlers.</summary>
public class QueuedWebhookKillTests
{
    [Test]
    public async Task An_instance_killed_mid_handler_loses_no_event_and_only_its_running_events_run_again()
    {
        const int Count = 60;
        const string Prefix = "test:kill:";
        await using var redis = await RedisServer.StartAsync();
        using var admin = await redis.ConnectAdminAsync();
        var db = admin.GetDatabase();
        using var signer = new TelnyxWebhookSigner(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var settings = new Dictionary<string, string>
        {
            ["Redis"] = redis.Configuration,
            ["Prefix"] = Prefix,
            ["HandlerMs"] = "400",
            ["LeaseMs"] = "1000",
            ["Telnyx:ApiKey"] = "KEY-NOT-USED-BY-WEBHOOKS",
            ["Telnyx:PublicKey"] = signer.PublicKeyBase64,
            ["Telnyx:QueueWebhooks"] = "true",
            ["Telnyx:WebhookQueueConcurrency"] = "4",
        };
        using var a = await AppProcess.StartAsync(new Dictionary<string, string>(settings) { ["Instance"] = "a" });
        using var b = await AppProcess.StartAsync(new Dictionary<string, string>(settings) { ["Instance"] = "b" });
        var ids = Enumerable.Range(0, Count).Select(i => $"evt-kill-{i}").ToArray();

        var answers = await Task.WhenAll(ids.Select((id, i) => PostAsync(i % 2 == 0 ? a : b, signer, Events.ReferStarted(id))));
        await UntilAsync(async () => (await db.SetCombineAsync(SetOperation.Difference, Prefix + "started:a", Prefix + "finished:a")).Length > 0, "instance a is in the middle of handlers");
        a.Kill();
        var midHandler = (await db.SetCombineAsync(SetOperation.Difference, Prefix + "started:a", Prefix + "finished:a")).Select(v => (string)v!).ToHashSet();
        await UntilAsync(async () => (await db.SetCombineAsync(SetOperation.Union, Prefix + "finished:a", Prefix + "finished:b")).Length == Count, "every event is handled");
        await UntilAsync(async () => await db.StreamLengthAsync("{" + Prefix + "}queue") == 0, "every entry is acknowledged");

        var runs = (await db.HashGetAllAsync(Prefix + "runs")).ToDictionary(e => (string)e.Name!, e => (int)e.Value);
        var ranTwice = runs.Where(r => r.Value > 1).Select(r => r.Key).ToHashSet();
        var (finishedA, finishedB) = (await db.SetLengthAsync(Prefix + "finished:a"), await db.SetLengthAsync(Prefix + "finished:b"));
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count} events; instance a was killed with {midHandler.Count} handler(s) running; {ranTwice.Count} event(s) ran twice; a finished {finishedA}, b finished {finishedB}."));
        Assert.That(answers, Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(runs.Keys, Is.EquivalentTo(ids));
        Assert.That(ranTwice, Is.SubsetOf(midHandler), "only events whose handler the kill interrupted run a second time");
        Assert.That(runs.Values, Has.All.InRange(1, 2));
    }

    private static async Task<HttpStatusCode> PostAsync(AppProcess app, TelnyxWebhookSigner signer, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookApp.Path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in signer.Sign(body, DateTimeOffset.UtcNow))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }
}
