using System.Net;
using System.Text;
using System.Text.Json;
using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>The emulator rejects what Telnyx rejects, in Telnyx's error shape, surfacing as the client's typed exceptions.</summary>
public class ErrorTests
{
    [Test]
    public async Task A_wrong_api_key_gets_401_in_telnyx_shape_as_an_authentication_exception()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY_wrong", BaseUrl = emulator.BaseUrl, ResendAfter = null }); // recorded once, however slow

        var ex = await Assert.ThrowsAsync<TelnyxAuthenticationException>(() => client.Calls.Actions.ReferAsync(emulator.CreateCall(), new ReferRequest { SipAddress = "sip:a@b.c" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(401));
        Assert.That(ex.Errors.Single().Code, Is.EqualTo("10009"));
        Assert.That(emulator.Commands.Single().StatusCode, Is.EqualTo(401));
        Assert.That(emulator.Events, Is.Empty);
    }

    [Test]
    public async Task A_missing_required_field_gets_422_10004_with_its_pointer()
    {
        await using var f = await EmulatorFixture.StartAsync();

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.ReferAsync(f.Emulator.CreateCall(), new ReferRequest { SipAddress = null! }));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Errors.Single().Code, Is.EqualTo("10004"));
        Assert.That(ex.Errors.Single().Title, Is.EqualTo("Missing required parameter"));
        Assert.That(ex.Errors.Single().Source?.Pointer, Is.EqualTo("/sip_address"));
    }

    [Test]
    public async Task An_unknown_enum_value_gets_422_10032_listing_the_spec_values()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var request = new StartNoiseSuppressionRequest();
        request.AdditionalProperties["direction"] = "sideways";

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.StartNoiseSuppressionAsync(f.Emulator.CreateCall(), request));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        var error = ex.Errors.Single();
        Assert.That(error.Code, Is.EqualTo("10032"));
        Assert.That(error.Source?.Pointer, Is.EqualTo("/direction"));
        Assert.That(error.Detail, Is.EqualTo("The value must be one of: inbound, outbound, both."));
    }

    [Test]
    public async Task Nested_values_are_validated_with_a_pointer_into_the_body()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl, $"calls/{Uri.EscapeDataString(emulator.CreateCall())}/actions/suppression_start"))
        {
            Content = new StringContent("""{"noise_suppression_engine_config":{"attenuation_limit":101,"mode":"turbo"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", emulator.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("source").GetProperty("pointer").GetString())).ToList();
        Assert.That(errors, Is.EquivalentTo(new (string?, string?)[] { ("10033", "/noise_suppression_engine_config/attenuation_limit"), ("10032", "/noise_suppression_engine_config/mode") }));
    }

    [Test]
    public async Task An_unknown_call_gets_422_90015_and_an_ended_call_90018()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();
        f.Emulator.HangUp(call);

        var unknown = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.SendDtmfAsync("v3:no-such-call", new SendDtmfRequest { Digits = "1" }));
        var ended = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }));

        Assert.That(unknown!.Errors.Single().Code, Is.EqualTo("90015"));
        Assert.That(unknown.Errors.Single().Source?.Pointer, Is.EqualTo("/call_control_id"));
        Assert.That(ended!.StatusCode, Is.EqualTo(422));
        Assert.That(ended.Errors.Single().Code, Is.EqualTo("90018"));
    }

    [Test]
    public void HangUp_of_a_call_the_emulator_never_made_is_a_clear_argument_error()
    {
        Assert.That(async () =>
        {
            await using var emulator = await TelnyxEmulator.StartAsync();
            emulator.HangUp("v3:made-up");
        }, Throws.ArgumentException.With.Message.Contains("CreateCall()"));
    }
}
