using System.Text.Json;
using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>The emulator plays what Telnyx also does with webhooks: twice, in reverse, before the command's answer.</summary>
public class DeliveryBehaviourTests
{
    private static readonly ReferRequest Refer = new() { SipAddress = "sip:agent@example.com" };

    [Test]
    public async Task Duplicated_delivers_a_commands_events_then_the_same_events_again_with_the_same_id_and_body()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.WebhookDelivery = WebhookDelivery.Duplicated;

        await f.Actions.ReferAsync(f.Emulator.CreateCall(), Refer);
        await f.Emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        var received = f.Receiver.Received.Select(r => (Data(r.Body).GetProperty("event_type").GetString(), Data(r.Body).GetProperty("id").GetString(), r.Body)).ToList();
        Assert.That(received.Select(r => r.Item1), Is.EqualTo(new[] { "call.refer.started", "call.refer.completed", "call.refer.started", "call.refer.completed" }));
        Assert.That(received[2].Item2, Is.EqualTo(received[0].Item2));
        Assert.That(received[2].Body, Is.EqualTo(received[0].Body), "identical, as Telnyx's duplicates");
        Assert.That(received[3].Body, Is.EqualTo(received[1].Body));
        foreach (var webhook in f.Receiver.Received)
        {
            SignedWebhooks.VerifyAndParse(webhook, f.Emulator.PublicKey);
        }

        Assert.That(f.Emulator.Events, Has.Count.EqualTo(2), "one event, delivered twice");
        Assert.That(f.Emulator.Events.Select(e => e.Attempts.Select(a => (a.Attempt, a.Delivered))), Is.All.EqualTo(new[] { (1, true), (1, true) }));
    }

    [Test]
    public async Task Reversed_delivers_a_commands_events_last_first()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.WebhookDelivery = WebhookDelivery.Reversed;

        await f.Actions.ReferAsync(f.Emulator.CreateCall(), Refer);
        await f.Emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        Assert.That(f.Receiver.Received.Select(r => Data(r.Body).GetProperty("event_type").GetString()), Is.EqualTo(new[] { "call.refer.completed", "call.refer.started" }));
        Assert.That(f.Emulator.Events.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.completed", "call.refer.started" }));
    }

    [Test]
    public async Task BeforeResponse_answers_the_command_only_once_its_events_were_delivered_retries_included()
    {
        await using var f = await EmulatorFixture.StartAsync();
        f.Emulator.WebhookDelivery = WebhookDelivery.BeforeResponse;
        f.Receiver.FailNext(1, System.Net.HttpStatusCode.ServiceUnavailable);

        await f.Actions.ReferAsync(f.Emulator.CreateCall(), Refer);
        var whenAnswered = f.Emulator.Events.Select(e => e.Attempts.Select(a => a.StatusCode)).ToList();

        Assert.That(whenAnswered, Is.EqualTo(new[] { new int?[] { 503, 200 }, new int?[] { 200 } }));
    }

    [Test]
    public async Task Usual_is_the_default_and_a_value_outside_the_flags_is_refused()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        Assert.That(emulator.WebhookDelivery, Is.EqualTo(WebhookDelivery.Usual));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => emulator.WebhookDelivery = (WebhookDelivery)8);
        Assert.That(error!.Message, Does.Contain("Duplicated, BeforeResponse, Reversed"));
    }

    private static JsonElement Data(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data");
}
