using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Telnyx.Generated.Testing.Internal;
using Telnyx.Generated.Testing.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>
/// The webhooks come from the spec: each operation delivers the curated events the spec model gives it, by their roles
/// (<c>x-telnyx-webhooks</c>), built from the event's example in spec/telnyx-webhooks.yaml with the call's own values,
/// so an imported operation and webhook need no emulator code.
/// </summary>
public class SpecWebhookTests
{
    private const string State = "aGF2ZSBhIG5pY2UgZGF5ID1d";

    [Test]
    public async Task An_imported_hangup_delivers_call_hangup_from_its_example_and_ends_the_call()
    {
        await using var f = await EmulatorFixture.StartAsync(spec: FixtureSpec.WithHangup());
        var call = f.Emulator.CreateCall();
        await f.Actions.UpdateClientStateAsync(call, new UpdateClientStateRequest { ClientState = "c3RhdGUtNDI=" });

        using var hangup = await PostAsync(f.Emulator, $"calls/{Uri.EscapeDataString(call)}/actions/hangup", "{}");
        var data = await f.NextDataAsync();
        var ended = await Assert.ThrowsAsync<TelnyxApiException>(() => f.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }));

        Assert.That(hangup.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await hangup.Content.ReadAsStringAsync(), Is.EqualTo("""{"data":{"result":"ok"}}"""));
        Assert.That(data.GetProperty("event_type").GetString(), Is.EqualTo("call.hangup"));
        var payload = data.GetProperty("payload");
        Assert.That(payload.GetProperty("call_control_id").GetString(), Is.EqualTo(call));
        Assert.That(payload.GetProperty("client_state").GetString(), Is.EqualTo("c3RhdGUtNDI="), "the call's current client_state");
        Assert.That(payload.GetProperty("hangup_cause").GetString(), Is.EqualTo("call_rejected"), "the rest is the example's");
        Assert.That(ended!.StatusCode, Is.EqualTo(422));
        Assert.That(ended.Errors.Single().Code, Is.EqualTo("90018"));
        Assert.That(ended.Errors.Single().Title, Is.EqualTo("Call has already ended"));
        Assert.That(f.Emulator.Events.Select(e => e.EventType), Is.EqualTo(new[] { "call.hangup" }));
    }

    [Test]
    public async Task HangUp_delivers_call_hangup_only_when_the_webhook_spec_curates_it()
    {
        await using var curated = await EmulatorFixture.StartAsync(spec: FixtureSpec.WithHangup());
        await using var product = await EmulatorFixture.StartAsync();
        var call = curated.Emulator.CreateCall();

        curated.Emulator.HangUp(call);
        curated.Emulator.HangUp(call);
        product.Emulator.HangUp(product.Emulator.CreateCall());
        var data = await curated.NextDataAsync();
        await curated.Emulator.WhenWebhooksDeliveredAsync();

        Assert.That(data.GetProperty("payload").GetProperty("call_control_id").GetString(), Is.EqualTo(call));
        Assert.That(curated.Emulator.Events, Has.Count.EqualTo(1), "a call ends once");
        Assert.That(product.Emulator.Events, Is.Empty, "spec/ curates no call.hangup");
    }

    [Test]
    public async Task Every_delivered_event_is_its_spec_example_with_the_call_s_values_a_fresh_id_and_the_time()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall("+13125550111", "+13125550122");
        f.Emulator.RejectSipAddress("sip:busy@example.com");

        await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com", ClientState = State });
        await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:busy@example.com" });
        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest());
        await f.Actions.StopSiprecAsync(call, new StopSiprecRequest());
        f.Emulator.FailSiprecWith("no_answer");
        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest());
        await f.Emulator.WhenWebhooksDeliveredAsync();

        var delivered = f.Receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data")).ToList();
        Assert.That(delivered.Select(d => d.GetProperty("event_type").GetString()), Is.EqualTo(new[]
        {
            "call.refer.started", "call.refer.completed", "call.refer.started", "call.refer.failed", "siprec.started", "siprec.stopped", "siprec.failed",
        }));
        var emulatedCall = new Dictionary<string, string> { ["call_control_id"] = call, ["client_state"] = State, ["from"] = "+13125550111", ["to"] = "+13125550122" };
        Assert.Multiple(() =>
        {
            foreach (var data in delivered)
            {
                var type = data.GetProperty("event_type").GetString()!;
                var example = Example(type);
                Assert.That(Names(data), Is.EquivalentTo(Names(example)), $"{type}: the example's fields");
                Assert.That(data.GetProperty("id").GetString(), Is.Not.EqualTo(example.GetProperty("id").GetString()).And.Length.EqualTo(36), $"{type}: a fresh id");
                Assert.That(data.GetProperty("occurred_at").GetString(), Is.Not.EqualTo(example.GetProperty("occurred_at").GetString()), $"{type}: the time it happened");
                var payload = data.GetProperty("payload");
                var examplePayload = example.GetProperty("payload");
                Assert.That(Names(payload), Is.EquivalentTo(Names(examplePayload)), $"{type}: the example's payload fields");
                foreach (var field in payload.EnumerateObject())
                {
                    if (emulatedCall.TryGetValue(field.Name, out var own))
                    {
                        Assert.That(field.Value.GetString(), Is.EqualTo(own), $"{type}: payload.{field.Name} is the call's");
                    }
                    else if (field.Name is "call_leg_id" or "call_session_id" or "connection_id")
                    {
                        Assert.That(field.Value.GetString(), Is.Not.Empty.And.Not.EqualTo(examplePayload.GetProperty(field.Name).GetString()), $"{type}: payload.{field.Name} is the call's");
                    }
                    else
                    {
                        var expected = type == "siprec.failed" && field.Name == "failure_cause" ? "no_answer" : examplePayload.GetProperty(field.Name).ToString();
                        Assert.That(field.Value.ToString(), Is.EqualTo(expected), $"{type}: payload.{field.Name} is the example's");
                    }
                }
            }
        });
        Assert.That(delivered.Select(d => d.GetProperty("payload").GetProperty("call_leg_id").GetString()).Distinct().Count(), Is.EqualTo(1), "one call, one leg");
    }

    [Test]
    public async Task FailWith_makes_operations_that_list_a_failure_event_deliver_it_in_place_of_success()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();

        f.Emulator.FailWith("call.refer.failed");
        await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
        f.Emulator.FailWith("call.refer.failed", fail: false);
        await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
        await f.Emulator.WhenWebhooksDeliveredAsync();

        Assert.That(f.Emulator.Events.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.started", "call.refer.failed", "call.refer.started", "call.refer.completed" }));
        var error = Assert.Throws<ArgumentException>(() => f.Emulator.FailWith("call.refer.completed"));
        Assert.That(error!.Message, Does.Contain("call.refer.failed, siprec.failed"), "names the failure events the spec's operations list");
    }

    public static IEnumerable<TestCaseData> Outcomes() =>
        from operation in TelnyxOperation.All
        from failed in operation.Webhooks.Any(w => w.Role == TelnyxWebhookRole.Failure) ? new[] { false, true } : [false]
        select new TestCaseData(operation.OperationId, failed).SetArgDisplayNames(operation.OperationId, failed ? "failed" : "succeeded");

    [TestCaseSource(nameof(Outcomes))]
    public async Task Each_operation_delivers_its_progress_then_its_success_or_failure_events_as_the_model_gives_their_roles(string operationId, bool failed)
    {
        var model = TelnyxOperation.Find(operationId)!;
        var served = TelnyxEmulator.Operations.Single(o => o.OperationId == operationId);
        var expected = model.Webhooks.Where(w => w.Role == TelnyxWebhookRole.Progress || w.Role == (failed ? TelnyxWebhookRole.Failure : TelnyxWebhookRole.Success)).Select(w => w.EventType).ToList();
        await using var emulator = await TelnyxEmulator.StartAsync();
        foreach (var failure in model.Webhooks.Where(w => failed && w.Role == TelnyxWebhookRole.Failure))
        {
            emulator.FailWith(failure.EventType);
        }

        var body = served.ExampleBody();
        body.Remove("command_id");
        var path = model.Path.Replace("{call_control_id}", Uri.EscapeDataString(emulator.CreateCall()), StringComparison.Ordinal).TrimStart('/');
        using var response = await SendAsync(emulator, new HttpMethod(model.Method), path, body.ToJsonString());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(emulator.Events.Select(e => e.EventType), Is.EqualTo(expected));
        Assert.That(served.EventsDelivered(failed), Is.EqualTo(expected));
    }

    private static Task<HttpResponseMessage> PostAsync(TelnyxEmulator emulator, string path, string body) => SendAsync(emulator, HttpMethod.Post, path, body);

    private static async Task<HttpResponseMessage> SendAsync(TelnyxEmulator emulator, HttpMethod method, string path, string body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(emulator.BaseUrl, path)) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>The example data of an event in spec/telnyx-webhooks.yaml, read with a plain YAML parser: x-webhooks, its schema, that schema's data.</summary>
    private static JsonElement Example(string eventType)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Repo.Path("spec", "telnyx-webhooks.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var schemas = (YamlMappingNode)root["components"]["schemas"];
        var entry = ((YamlMappingNode)root["x-webhooks"]).Children.Values.Cast<YamlMappingNode>().Single(e => ((YamlScalarNode)e["eventType"]).Value == eventType);
        var eventSchema = (YamlMappingNode)schemas[Last(((YamlScalarNode)entry["schema"]).Value!)];
        var dataRef = ((YamlSequenceNode)eventSchema["allOf"]).Children.Cast<YamlMappingNode>().Select(p => p.Children.TryGetValue("properties", out var props) ? props : null).OfType<YamlMappingNode>().Single()["data"]["allOf"][0]["$ref"];
        var example = schemas[Last(((YamlScalarNode)dataRef).Value!)]["example"];
        return JsonDocument.Parse(Json(example)).RootElement.Clone();
    }

    private static string Last(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    private static string Json(YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(c => JsonSerializer.Serialize(((YamlScalarNode)c.Key).Value) + ":" + Json(c.Value))) + "}",
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var text } when long.TryParse(text, out _) => text!,
        YamlScalarNode scalar => JsonSerializer.Serialize(scalar.Value),
        _ => throw new AssertionException($"unexpected YAML node {node}"),
    };
}
