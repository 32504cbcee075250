using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// Two app instances on one real redis-server: instance A sends the command, Telnyx (the emulator) delivers its webhooks
/// to instance B, and A's SendAsync completes.
/// </summary>
public class RedisOutcomeTests
{
    private static readonly ReferRequest ToAgent = new() { SipAddress = "sip:agent@example.com" };

    [Test]
    public async Task An_outcome_delivered_to_another_instance_completes_SendAsync_even_before_the_command_was_answered()
    {
        await using var set = await OutcomeInstances.StartAsync();
        var call = set.Emulator.CreateCall();

        set.A.AfterSend = _ => set.B.HandledAsync("call.refer.completed", call);
        var refer = await set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));
        set.A.AfterSend = null;
        var siprec = await set.A.Outcomes.SendAsync(call, (calls, ct) => calls.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "srs" }, ct));
        await set.Emulator.WhenWebhooksDeliveredAsync(); // outcomes complete before handlers run: wait for the 200s

        Assert.That(refer.Event, Is.TypeOf<CallReferCompletedEvent>());
        Assert.That(refer.Event!.Payload?.CallControlId, Is.EqualTo(call));
        Assert.That((siprec.Succeeded, siprec.Event?.EventType), Is.EqualTo((true, "siprec.started")));
        Assert.That(set.A.Handled, Is.Empty, "every webhook went to B");
        Assert.That(set.B.Handled.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.started", "call.refer.completed", "siprec.started" }));
        set.AssertNothingWaits();
    }

    [Test]
    public async Task An_outcome_announced_while_nobody_listened_is_read_from_redis_and_an_earlier_commands_is_not()
    {
        await using var set = await OutcomeInstances.StartAsync();
        var call = set.Emulator.CreateCall();
        await set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct)); // its outcome stays in the call's stream
        set.Emulator.RejectSipAddress("sip:busy@example.com");
        var relay = (RedisOutcomeRelay)set.A.App.Services.GetRequiredService<IOutcomeRelay>();

        // A stops hearing announcements once its waiter is registered; B handles the outcome; then A's connection
        // "comes back" and reads what it missed.
        set.A.BeforeSend = _ => set.ASubscriber.UnsubscribeAllAsync();
        set.A.AfterSend = async _ =>
        {
            await set.B.HandledAsync("call.refer.failed", call);
            await relay.CatchUpAsync();
        };
        var outcome = await set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, new ReferRequest { SipAddress = "sip:busy@example.com" }, ct));

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Event, Is.TypeOf<CallReferFailedEvent>());
        set.AssertNothingWaits();
    }

    [Test]
    public async Task A_second_command_of_the_same_operation_on_the_call_is_refused_at_another_instance_while_the_first_awaits()
    {
        await using var set = await OutcomeInstances.StartAsync();
        var call = set.Emulator.CreateCall();
        set.Emulator.DeliverWebhooksTo(new Uri("http://127.0.0.1:1/")); // no outcome arrives anywhere
        using var stop = new CancellationTokenSource();
        var first = set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct), stop.Token);
        while (set.Emulator.Commands.Count == 0 && !first.IsCompleted)
        {
            await Task.Delay(5); // polling with a bound (the test's timeout): the first refer reaches the emulator
        }

        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => set.B.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct)));
        await stop.CancelAsync();
        await Assert.CatchAsync<OperationCanceledException>(() => first);
        set.Emulator.DeliverWebhooksTo(set.B.App.WebhookUrl);
        var after = await set.B.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));

        Assert.That(second!.Message, Does.Contain("Refer command on this call is still awaiting its outcome"));
        Assert.That(set.Emulator.Commands.Count(c => c.Action == "refer"), Is.EqualTo(2), "the refused refer was never sent");
        Assert.That(after.Succeeded, Is.True, "the first wait's end released the operation");
        set.AssertNothingWaits();
    }

    [Test]
    public async Task With_QueueWebhooks_on_an_outcome_completes_SendAsync_when_its_event_is_queued()
    {
        await using var set = await OutcomeInstances.StartAsync(new() { ["Telnyx:QueueWebhooks"] = "true", ["Telnyx:OutcomeTimeout"] = "00:00:10" });
        var call = set.Emulator.CreateCall();

        var refer = await set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));

        Assert.That((refer.Succeeded, refer.Event?.EventType), Is.EqualTo((true, "call.refer.completed")));
        await set.B.HandledAsync("call.refer.completed", call); // the queue still runs the handlers, in the background
        set.AssertNothingWaits();
    }

    [Test]
    public async Task With_QueueWebhooks_on_an_outcome_whose_announcement_hit_a_redis_failure_still_completes_SendAsync_on_the_other_instance()
    {
        await using var redis = await RedisServer.StartAsync();
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed, WebhookRetryDelays = [TimeSpan.FromMilliseconds(50)] });
        var settings = new Dictionary<string, string?> { ["Telnyx:QueueWebhooks"] = "true", ["Telnyx:OutcomeTimeout"] = "00:00:10" };
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var dropsOnce = AnnounceFault.Wrap(connection, "call.refer.completed");
        await using var a = await OutcomeApp.StartInstanceAsync(emulator, seed, settings, s => s.AddTelnyxRedis(redis.Configuration));
        await using var b = await OutcomeApp.StartInstanceAsync(emulator, seed, settings, s => s.AddTelnyxRedis(dropsOnce));
        emulator.DeliverWebhooksTo(b.App.WebhookUrl);
        var call = emulator.CreateCall();

        var refer = await a.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));
        await b.HandledAsync("call.refer.completed", call);
        await emulator.WhenWebhooksDeliveredAsync();

        Assert.That(AnnounceFault.Struck(dropsOnce), Is.True, "Redis failed as B announced the outcome");
        Assert.That((refer.Succeeded, refer.Event?.EventType), Is.EqualTo((true, "call.refer.completed")));
        Assert.That(b.Handled.Count(e => e.EventType == "call.refer.completed"), Is.EqualTo(1), "handled once, however often it was delivered");
    }

    [Test]
    public async Task With_redis_down_SendAsync_fails_with_a_redis_error_before_sending_anything()
    {
        await using var set = await OutcomeInstances.StartAsync();
        var call = set.Emulator.CreateCall();
        set.Redis.Kill();

        var failure = await Assert.CatchAsync<RedisException>(() => set.A.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct)));

        Assert.That(failure, Is.InstanceOf<RedisConnectionException>().Or.InstanceOf<RedisTimeoutException>());
        Assert.That(set.Emulator.Commands, Is.Empty, "nothing was sent, so sending again later is safe");
        set.AssertNothingWaits();
    }
}
