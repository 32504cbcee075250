using System.Net;
using NUnit.Framework;
using Telnyx.Generated;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace MyApp.Tests;

public class TransferTests
{
    [Test]
    public async Task Transfer_refers_the_call_and_gets_verified_refer_webhooks()
    {
        // A webhook endpoint and a local Telnyx delivering to it, both on 127.0.0.1 (free ports).
        await using var webhooks = await WebhookReceiver.StartAsync();
        await using var telnyx = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = webhooks.Url });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = telnyx.ApiKey, BaseUrl = telnyx.BaseUrl });
        var call = telnyx.CreateCall();

        // Your code under test, given the client:
        await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com", ClientState = "dGlja2V0LTQy" });

        // What it sent, as the emulator recorded it (a resend after a silence would be recorded too, with the same command_id):
        Assert.That(telnyx.Commands[0].StringField("sip_address"), Is.EqualTo("sip:agent@example.com"));

        // What Telnyx delivers, verified the way your webhook endpoint verifies it:
        var verifier = new TelnyxWebhookVerifier(telnyx.PublicKey);
        var first = await webhooks.NextAsync(TimeSpan.FromSeconds(10));
        var second = await webhooks.NextAsync(TimeSpan.FromSeconds(10));
        Assert.That(verifier.Unwrap(first.Body, first.Headers), Is.InstanceOf<CallReferStartedEvent>());
        var completed = (CallReferCompletedEvent)verifier.Unwrap(second.Body, second.Headers);
        Assert.That(completed.Data!.Payload!.ClientState, Is.EqualTo("dGlja2V0LTQy"));
    }

    [Test]
    public async Task Transfer_survives_a_Telnyx_outage_and_reports_an_ended_call()
    {
        await using var telnyx = await TelnyxEmulator.StartAsync();
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = telnyx.ApiKey, BaseUrl = telnyx.BaseUrl });
        var call = telnyx.CreateCall();

        // The next request gets a 503; the client retries it with the same command_id.
        telnyx.FailNext(1, EmulatorFault.Status(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero));
        await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
        Assert.That(telnyx.Commands.Select(c => c.StatusCode), Is.EqualTo(new[] { 503, 200 }));

        // Once the caller hangs up, Telnyx answers 422 with code 90018.
        telnyx.HangUp(call);
        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" }));
        Assert.That(ex!.Errors.Single().Code, Is.EqualTo("90018"));
    }

    [Test]
    public async Task Every_webhook_of_several_commands_is_collected()
    {
        await using var webhooks = await WebhookReceiver.StartAsync();
        await using var telnyx = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = webhooks.Url });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = telnyx.ApiKey, BaseUrl = telnyx.BaseUrl });
        var call = telnyx.CreateCall();

        await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
        await client.Calls.Actions.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "recorder" });

        // Wait until every webhook produced so far was delivered, then take them all without waiting.
        await telnyx.WhenWebhooksDeliveredAsync();
        var verifier = new TelnyxWebhookVerifier(telnyx.PublicKey);
        var events = new List<TelnyxWebhookEvent>();
        while (webhooks.TryNext(out var webhook))
        {
            events.Add(verifier.Unwrap(webhook.Body, webhook.Headers));
        }

        Assert.That(events.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.started", "call.refer.completed", "siprec.started" }));
    }
}
