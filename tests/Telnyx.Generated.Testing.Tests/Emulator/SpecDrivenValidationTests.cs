using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>
/// Read from spec/telnyx-call-control.yaml in the repository, so a spec change cannot outrun the emulator: every action
/// is served with its method, every required field is enforced, every enum accepts exactly the spec's values.
/// </summary>
public class SpecDrivenValidationTests
{
    public static IEnumerable<TestCaseData> Actions() =>
        SpecYaml.Operations.Select(o => new TestCaseData(o.Action, o.Method, SpecYaml.Strings(o.Body, "required")).SetArgDisplayNames(o.Action));

    public static IEnumerable<TestCaseData> Enums() =>
        from operation in SpecYaml.Operations
        from property in SpecYaml.Properties(operation.Body)
        let values = SpecYaml.Strings(SpecYaml.Resolve(property.Schema), "enum")
        where values.Length > 0
        select new TestCaseData(operation.Action, operation.Method, property.Name, values).SetArgDisplayNames(operation.Action, property.Name);

    public static IEnumerable<TestCaseData> ClientStates() =>
        from operation in SpecYaml.Operations
        where SpecYaml.Properties(operation.Body).Any(p => p.Name == "client_state")
        select new TestCaseData(operation.Action, operation.Method).SetArgDisplayNames(operation.Action);

    [TestCaseSource(nameof(Actions))]
    public async Task An_empty_body_is_rejected_for_each_required_field_and_otherwise_accepted(string action, string method, string[] required)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var (status, body) = await SendAsync(emulator, method, action, "{}");

        if (required.Length == 0)
        {
            Assert.That(status, Is.EqualTo(200), body);
            return;
        }

        Assert.That(status, Is.EqualTo(422), body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.That(errors.Select(e => e.GetProperty("code").GetString()), Is.All.EqualTo("10004"));
        Assert.That(errors.Select(e => e.GetProperty("source").GetProperty("pointer").GetString()), Is.EquivalentTo(required.Select(r => "/" + r)));
    }

    [TestCaseSource(nameof(Enums))]
    public async Task Each_enum_accepts_every_spec_value_and_rejects_others_with_10032(string action, string method, string property, string[] values)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        foreach (var value in values)
        {
            var (ok, okBody) = await SendAsync(emulator, method, action, JsonSerializer.Serialize(new Dictionary<string, string> { [property] = value }));
            Assert.That(ok, Is.EqualTo(200), $"{property}={value}: {okBody}");
        }

        var (status, body) = await SendAsync(emulator, method, action, JsonSerializer.Serialize(new Dictionary<string, string> { [property] = "not-a-value" }));
        Assert.That(status, Is.EqualTo(422));
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("10032"));
        Assert.That(error.GetProperty("source").GetProperty("pointer").GetString(), Is.EqualTo("/" + property));
        Assert.That(error.GetProperty("detail").GetString(), Is.EqualTo($"The value must be one of: {string.Join(", ", values)}."));
    }

    [TestCaseSource(nameof(ClientStates))]
    public async Task A_client_state_that_is_not_Base64_is_rejected_with_10015_at_its_pointer(string action, string method)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        foreach (var bad in new[] { "not base64!", "aGk", "aGk=aGk=", "aG-k" })
        {
            var (status, body) = await SendAsync(emulator, method, action, JsonSerializer.Serialize(new { client_state = bad }));
            Assert.That(status, Is.EqualTo(422), bad);
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray()
                .Where(e => e.TryGetProperty("source", out var source) && source.GetProperty("pointer").GetString() == "/client_state").ToList();
            Assert.That(errors.Select(e => e.GetProperty("code").GetString()), Is.EqualTo(new[] { "10015" }), $"{bad}: {body}");
        }

        foreach (var good in new[] { "aGk=", "aGF2ZSBhIG5pY2UgZGF5ID1d", "c3RvcHBlZA==" })
        {
            var (_, body) = await SendAsync(emulator, method, action, JsonSerializer.Serialize(new { client_state = good }));
            Assert.That(body, Does.Not.Contain("/client_state"), good);
        }
    }

    [Test]
    public async Task The_client_sends_a_bad_client_state_and_surfaces_Telnyxs_422_naming_the_field()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, ResendAfter = null }); // recorded once, however slow

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => client.Calls.Actions.ReferAsync(emulator.CreateCall(), new ReferRequest { SipAddress = "sip:agent@example.com", ClientState = "not base64!" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Errors.Select(e => (e.Code, e.Source?.Pointer)), Is.EqualTo(new[] { ("10015", "/client_state") }));
        Assert.That(emulator.Commands.Select(c => c.StatusCode), Is.EqualTo(new[] { 422 }), "sent once (validation is Telnyx's), not retried");
    }

    private static async Task<(int Status, string Body)> SendAsync(TelnyxEmulator emulator, string method, string action, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(emulator.BaseUrl, $"calls/{Uri.EscapeDataString(emulator.CreateCall())}/actions/{action}"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
