using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

/// <summary>The emulator signs and delivers webhooks as Telnyx does; the endpoint must accept exactly those.</summary>
public class EmulatorDeliveryTests
{
    [Test]
    public async Task Webhooks_the_emulator_delivers_for_a_refer_are_verified_and_dispatched()
    {
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var seen = new ConcurrentQueue<TelnyxWebhookEvent>();
        await using var app = await WebhookApp.StartAsync(
            s => s.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((e, _, _) =>
            {
                seen.Enqueue(e);
                return Task.CompletedTask;
            }),
            signingSeed: seed);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions
        {
            WebhookUrl = app.WebhookUrl,
            SigningKeySeed = seed,
            WebhookRetryDelays = [],
        });
        using var client = new TelnyxClient(new TelnyxClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        var call = emulator.CreateCall();

        await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
        await emulator.WhenWebhooksDeliveredAsync();

        Assert.That(emulator.PublicKey, Is.EqualTo(app.Signer.PublicKeyBase64));
        Assert.That(seen.Select(e => e.EventType), Does.Contain(CallReferStartedEvent.EventTypeName));
        Assert.That(seen.OfType<CallReferStartedEvent>().Single().Data?.Payload?.CallControlId, Is.EqualTo(call));
        Assert.That(seen.Select(e => e.Id), Is.Unique);
    }
}
