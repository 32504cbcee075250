using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>The emulator's own HTTP endpoints, for apps driving a standalone emulator (telnyx-calls emulator).</summary>
public class ControlApiTests
{
    [Test]
    public async Task Calls_created_and_hung_up_over_http_behave_like_CreateCall_and_HangUp()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(emulator.BaseUrl.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });

        using var created = await http.PostAsync("/emulator/calls", new StringContent("""{"from":"+15550001111"}"""));
        var call = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("call_control_id").GetString()!;
        var live = await client.Calls.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" });
        using var hungUp = await http.PostAsync($"/emulator/calls/{Uri.EscapeDataString(call)}/hangup", null);
        var ended = await Assert.ThrowsAsync<TelnyxApiException>(() => client.Calls.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(live.Data?.Result, Is.EqualTo("ok"));
        Assert.That(hungUp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ended!.Errors.Single().Code, Is.EqualTo("90018"));
    }

    [Test]
    public async Task The_control_endpoints_require_the_api_key_too()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(emulator.BaseUrl, "/emulator/calls"), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"code\":\"10009\""));
    }
}
