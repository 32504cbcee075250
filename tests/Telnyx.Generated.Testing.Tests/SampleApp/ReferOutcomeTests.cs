using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Testing.Tests.SampleApp;

/// <summary>The sample app's send-then-await endpoint under WebApplicationFactory: the refer's outcome, as the emulator delivers it.</summary>
public class ReferOutcomeTests
{
    [Test]
    public async Task A_refer_that_reaches_the_agent_answers_with_its_success_event()
    {
        await using var telnyx = await TelnyxEmulator.StartAsync();
        await using var app = Start(telnyx);

        var result = await ReferAsync(app, telnyx.CreateCall());

        Assert.That(result, Is.EqualTo(new ReferResult(true, "call.refer.completed")));
    }

    [Test]
    public async Task A_refer_that_Telnyx_reports_failed_answers_with_its_failure_event()
    {
        await using var telnyx = await TelnyxEmulator.StartAsync();
        await using var app = Start(telnyx);
        telnyx.FailWith("call.refer.failed");

        var result = await ReferAsync(app, telnyx.CreateCall());

        Assert.That(result, Is.EqualTo(new ReferResult(false, "call.refer.failed")));
    }

    private static WebApplicationFactory<Program> Start(TelnyxEmulator telnyx)
    {
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Telnyx:ApiKey", telnyx.ApiKey)
            .UseSetting("Telnyx:BaseUrl", telnyx.BaseUrl.AbsoluteUri)
            .UseSetting("Telnyx:PublicKey", telnyx.PublicKey));
        telnyx.DeliverWebhooksTo(new Uri(app.Server.BaseAddress, "webhooks/telnyx"), app.Server.CreateHandler());
        return app;
    }

    private static async Task<ReferResult?> ReferAsync(WebApplicationFactory<Program> app, string call)
    {
        using var response = await app.CreateClient().PostAsync($"calls/{call}/refer", content: null);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return await response.Content.ReadFromJsonAsync<ReferResult>();
    }
}
