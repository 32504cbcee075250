using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Telnyx.Generated.Testing;

namespace MyApp.Tests;

public class TransferEndpointTests
{
    [Test]
    public async Task Transfer_refers_the_call_and_the_app_handles_the_signed_webhooks()
    {
        // A local Telnyx first, then the app configured to call it and to verify its signatures.
        await using var telnyx = await TelnyxEmulator.StartAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Telnyx:ApiKey", telnyx.ApiKey)
            .UseSetting("Telnyx:BaseUrl", telnyx.BaseUrl.AbsoluteUri)
            .UseSetting("Telnyx:PublicKey", telnyx.PublicKey));

        // Webhooks go to the app's endpoint through the in-memory test server: no port.
        telnyx.DeliverWebhooksTo(new Uri(app.Server.BaseAddress, "webhooks/telnyx"), app.Server.CreateHandler());
        var call = telnyx.CreateCall();

        using var response = await app.CreateClient().PostAsync($"calls/{call}/transfer", content: null);
        Assert.That((int)response.StatusCode, Is.EqualTo(202));

        // Every webhook of the refer was answered, so the app's handler has run for each.
        await telnyx.WhenWebhooksDeliveredAsync();
        var handled = app.Services.GetRequiredService<CallLog>().Events;
        Assert.That(handled.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.started", "call.refer.completed" }));
        Assert.That(handled.Select(e => e.Payload?.CallControlId), Is.All.EqualTo(call));
    }
}
