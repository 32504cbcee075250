using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Telnyx.Generated.Tests.Actions;

public class ReferSmokeTests
{
    [Test]
    public async Task Refer_sends_authenticated_json_to_the_escaped_path_and_parses_ok()
    {
        using var mock = new MockHttpMessageHandler();
        string? body = null;
        mock.Expect(HttpMethod.Post, "https://api.telnyx.com/v2/calls/v3%3Aabc%2Fdef/actions/refer")
            .WithHeaders("Authorization", "Bearer KEY_test")
            .With(r => { body = r.Content!.ReadAsStringAsync().Result; return true; })
            .Respond("application/json", """{"data":{"result":"ok"}}""");
        using var client = new TelnyxClient(mock.ToHttpClient(), new TelnyxClientOptions { ApiKey = "KEY_test" });

        var response = await client.Calls.Actions.ReferAsync("v3:abc/def", new ReferRequest { SipAddress = "sip:a@b.c" });

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        mock.VerifyNoOutstandingExpectation();
        var json = JObject.Parse(body!);
        Assert.That(json["sip_address"]!.Value<string>(), Is.EqualTo("sip:a@b.c"));
        Assert.That(Guid.TryParse(json["command_id"]!.Value<string>(), out _), Is.True, "refer gets a command_id");
    }

    [Test]
    public async Task Refer_422_surfaces_parsed_telnyx_errors()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.UnprocessableEntity, "application/json",
            """{"errors":[{"code":"10004","title":"Missing required parameter","source":{"pointer":"/sip_address"}}]}""");
        using var client = new TelnyxClient(mock.ToHttpClient(), new TelnyxClientOptions { ApiKey = "KEY_test" });

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => client.Calls.Actions.ReferAsync("id", new ReferRequest()));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Errors.Single().Code, Is.EqualTo("10004"));
        Assert.That(ex.Errors.Single().Source?.Pointer, Is.EqualTo("/sip_address"));
        Assert.That(ex.Message, Does.Not.Contain("KEY_test"));
    }
}
