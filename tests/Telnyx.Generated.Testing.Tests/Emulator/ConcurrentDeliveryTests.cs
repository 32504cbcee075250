using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>Webhooks go out concurrently across calls and in order within a call, as Telnyx usually delivers them.</summary>
public class ConcurrentDeliveryTests
{
    private static readonly ReferRequest Refer = new() { SipAddress = "sip:agent@example.com" };

    [Test]
    public async Task A_call_whose_endpoint_is_slow_does_not_hold_up_another_calls_webhooks()
    {
        var (emulator, client, handler) = await StartAsync();
        await using var _ = emulator;
        using var __ = client;
        var (slow, other) = (emulator.CreateCall(), emulator.CreateCall());
        handler.Hold(slow);

        await client.Calls.Actions.ReferAsync(slow, Refer);
        await client.Calls.Actions.ReferAsync(other, Refer);
        var first = await handler.NextAsync();
        var second = await handler.NextAsync();
        var third = await handler.NextAsync();

        Assert.That(new[] { first, second, third }, Is.EquivalentTo(new[] { (slow, "call.refer.started"), (other, "call.refer.started"), (other, "call.refer.completed") }));
        handler.Release(slow);
        Assert.That(await handler.NextAsync(), Is.EqualTo((slow, "call.refer.completed")), "a call's next event waits for its previous one");
        await emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);
    }

    [Test]
    public async Task A_calls_events_stay_in_order_while_one_of_them_is_retried()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Receiver.FailNext(1, HttpStatusCode.InternalServerError);

        await f.Actions.ReferAsync(f.Emulator.CreateCall(), Refer);
        await f.Emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        var received = f.Receiver.Received.Select(r => (EventType(r.Body), r.AnsweredStatus));
        Assert.That(received, Is.EqualTo(new[] { ("call.refer.started", 500), ("call.refer.started", 200), ("call.refer.completed", 200) }));
    }

    [Test]
    public async Task WhenWebhooksDeliveredAsync_waits_for_every_earlier_webhook_and_for_none_produced_after_it()
    {
        var (emulator, client, handler) = await StartAsync();
        await using var _ = emulator;
        using var __ = client;
        var (early, later) = (emulator.CreateCall(), emulator.CreateCall());
        handler.Hold(early);
        await client.Calls.Actions.ReferAsync(early, Refer);

        var delivered = emulator.WhenWebhooksDeliveredAsync();
        handler.Hold(later);
        await client.Calls.Actions.ReferAsync(later, Refer);
        await handler.NextAsync();
        await handler.NextAsync();

        Assert.That(delivered.IsCompleted, Is.False, "the early call's refer is held");
        handler.Release(early);
        await delivered.WaitAsync(EmulatorFixture.WebhookWait);
        Assert.That(emulator.Events.Where(e => e.CallControlId == early).Select(e => e.Attempts.Single().Delivered), Is.EqualTo(new[] { true, true }));
        Assert.That(emulator.Events.Where(e => e.CallControlId == later).SelectMany(e => e.Attempts), Is.Empty, "the later call's refer is still held");
    }

    [Test]
    public async Task Disposing_the_emulator_completes_a_pending_wait_for_delivery()
    {
        var (emulator, client, handler) = await StartAsync();
        using var _ = client;
        var call = emulator.CreateCall();
        handler.Hold(call);
        await client.Calls.Actions.ReferAsync(call, Refer);
        await handler.NextAsync(); // started is being delivered, completed is queued behind it

        var delivered = emulator.WhenWebhooksDeliveredAsync();
        await emulator.DisposeAsync();

        await delivered.WaitAsync(EmulatorFixture.WebhookWait);
        Assert.That(emulator.WhenWebhooksDeliveredAsync().IsCompleted, Is.True);
    }

    private static async Task<(TelnyxEmulator, TelnyxClient, HoldingHandler)> StartAsync()
    {
        var emulator = await TelnyxEmulator.StartAsync();
        var handler = new HoldingHandler();
        emulator.DeliverWebhooksTo(new Uri("http://app.test/webhooks"), handler);
        return (emulator, new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl }), handler);
    }

    private static string EventType(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("event_type").GetString()!;

    /// <summary>A webhook endpoint that reports each delivery as it arrives and answers a held call's only when released.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
        private readonly Channel<(string Call, string EventType)> _arrived = Channel.CreateUnbounded<(string, string)>();

        public void Hold(string call) => _held[call] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(string call) => _held[call].TrySetResult();

        public async Task<(string Call, string EventType)> NextAsync() => await _arrived.Reader.ReadAsync().AsTask().WaitAsync(EmulatorFixture.WebhookWait);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
            var call = data.GetProperty("payload").GetProperty("call_control_id").GetString()!;
            _arrived.Writer.TryWrite((call, data.GetProperty("event_type").GetString()!));
            if (_held.TryGetValue(call, out var gate))
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
