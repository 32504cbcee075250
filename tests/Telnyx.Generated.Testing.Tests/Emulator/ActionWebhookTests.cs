using System.Globalization;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Testing.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>Each action through TelnyxClient over real HTTP, with the webhooks a real call produces, verified and typed.</summary>
public partial class ActionWebhookTests
{
    private const string State = "aGF2ZSBhIG5pY2UgZGF5ID1d";

    [Test]
    public async Task Refer_delivers_refer_started_then_completed_signed_with_client_state_echoed()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();

        var response = await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com", ClientState = State });

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        var started = (CallReferStartedEvent)await f.NextEventAsync();
        var completed = (CallReferCompletedEvent)await f.NextEventAsync();
        Assert.That(started.Data!.EventType, Is.EqualTo("call.refer.started"));
        Assert.That(started.Data.Payload!.ClientState, Is.EqualTo(State));
        Assert.That(started.Data.Payload.CallControlId, Is.EqualTo(call));
        Assert.That(started.Data.Payload.SipNotifyResponse, Is.EqualTo(100));
        Assert.That(completed.Data!.Payload!.ClientState, Is.EqualTo(State));
        Assert.That(completed.Data.Payload.SipNotifyResponse, Is.EqualTo(200));
        Assert.That(completed.Data.RecordType, Is.EqualTo("event"));
        Assert.That(completed.Meta!.Attempt, Is.EqualTo(1));
        Assert.That(completed.Meta.DeliveredTo, Is.EqualTo(f.Receiver.Url.AbsoluteUri));
    }

    [Test]
    public async Task Refer_to_a_rejected_sip_address_delivers_refer_failed_with_603()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();
        f.Emulator.RejectSipAddress("sip:busy@example.com");

        await f.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:busy@example.com", ClientState = State });

        Assert.That(await f.NextEventAsync(), Is.InstanceOf<CallReferStartedEvent>());
        var failed = (CallReferFailedEvent)await f.NextEventAsync();
        Assert.That(failed.Data!.Payload!.SipNotifyResponse, Is.EqualTo(603));
        Assert.That(failed.Data.Payload.ClientState, Is.EqualTo(State));
    }

    [Test]
    public async Task Siprec_start_then_stop_deliver_started_and_stopped_with_hangup_cause()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();

        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "my-srs", ClientState = State, SiprecTrack = SiprecTrack.BothTracks });
        var started = (CallSiprecStartedEvent)await f.NextEventAsync();
        await f.Actions.StopSiprecAsync(call, new StopSiprecRequest { ClientState = "c3RvcHBlZA==" });
        var stopped = (CallSiprecStoppedEvent)await f.NextEventAsync();

        Assert.That(started.Data!.Payload!.ClientState, Is.EqualTo(State));
        Assert.That(stopped.Data!.Payload!.ClientState, Is.EqualTo("c3RvcHBlZA=="));
        Assert.That(stopped.Data.Payload.HangupCause, Is.EqualTo("normal_clearing"));
    }

    [Test]
    public async Task Siprec_start_told_to_fail_delivers_siprec_failed_with_the_failure_cause()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();
        f.Emulator.FailSiprecWith("no_answer");

        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest { ClientState = State });

        var failed = (CallSiprecFailedEvent)await f.NextEventAsync();
        Assert.That(failed.Data!.Payload!.FailureCause, Is.EqualTo("no_answer"));
        Assert.That(failed.Data.Payload.ClientState, Is.EqualTo(State));
    }

    [Test]
    public async Task Client_state_update_sets_the_state_echoed_by_later_webhooks()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();

        await f.Actions.UpdateClientStateAsync(call, new UpdateClientStateRequest { ClientState = State });
        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest());

        var started = (CallSiprecStartedEvent)await f.NextEventAsync();
        Assert.That(started.Data!.Payload!.ClientState, Is.EqualTo(State));
    }

    [Test]
    public async Task Actions_whose_spec_names_no_webhook_are_accepted_recorded_as_sent_and_produce_none()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();
        var quiet = SpecYaml.Operations.Where(o => TelnyxOperation.Find(SpecYaml.Scalar(o.Operation, "operationId")!)!.Webhooks.Count == 0).ToList();
        var examples = quiet.Select(o => (JObject)Json(o.Body["example"])).ToList();

        foreach (var (operation, example) in quiet.Zip(examples))
        {
            var method = typeof(ICallActionsClient).GetMethod(SpecYaml.Scalar(operation.Operation, "operationId") + "Async")!;
            example.Remove("command_id"); // the client's own is what is checked
            await (Task)method.Invoke(f.Actions, [call, example.ToObject(method.GetParameters()[1].ParameterType), CancellationToken.None])!;
        }

        await f.Emulator.WhenWebhooksDeliveredAsync();

        var commands = f.Emulator.Commands;
        Assert.That(quiet, Is.Not.Empty);
        Assert.That(commands.Select(c => c.Action), Is.EqualTo(quiet.Select(o => o.Action)));
        Assert.That(commands.Select(c => c.StatusCode), Is.All.EqualTo(200));
        foreach (var (command, operation, example) in commands.Zip(quiet, examples))
        {
            var recorded = JObject.Parse(command.Body);
            foreach (var value in example.Descendants().OfType<JValue>())
            {
                Assert.That(JToken.DeepEquals(recorded.SelectToken(value.Path), value), $"{command.Action} sent {value.Path} = {value}: {command.Body}");
            }

            if (SpecYaml.Properties(operation.Body).Any(p => p.Name == "command_id"))
            {
                Assert.That(command.CommandId, Is.Not.Null, $"the client adds a command_id to {command.Action}");
            }
        }

        Assert.That(f.Emulator.Events, Is.Empty);
        Assert.That(f.Receiver.Received, Is.Empty);
    }

    [Test]
    public async Task A_repeated_command_id_is_accepted_but_produces_no_second_set_of_webhooks()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();
        var request = new ReferRequest { SipAddress = "sip:agent@example.com", CommandId = "891510ac-f3e4-11e8-af5b-de00688a4901" };

        var first = await f.Actions.ReferAsync(call, request);
        var replay = await f.Actions.ReferAsync(call, request);
        await f.Emulator.WhenWebhooksDeliveredAsync();

        Assert.That(first.Data?.Result, Is.EqualTo("ok"));
        Assert.That(replay.Data?.Result, Is.EqualTo("ok"));
        Assert.That(f.Receiver.Received.Select(r => SignedWebhooks.VerifyAndParse(r, f.Emulator.PublicKey).GetType()),
            Is.EqualTo(new[] { typeof(CallReferStartedEvent), typeof(CallReferCompletedEvent) }));
        Assert.That(f.Emulator.Commands.Count(c => c.Action == "refer"), Is.EqualTo(2), "both were received");
    }

    [Test]
    public async Task A_recorded_command_keeps_the_sip_password_out_of_its_description()
    {
        await using var f = await EmulatorFixture.StartAsync();

        await f.Actions.ReferAsync(f.Emulator.CreateCall(), new ReferRequest { SipAddress = "sip:a@b.c", SipAuthUsername = "user", SipAuthPassword = "s3cret-pw" });

        var recorded = f.Emulator.Commands.Single();
        Assert.That(recorded.StringField("sip_auth_password"), Is.EqualTo("s3cret-pw"), "the body is there for assertions");
        Assert.That(recorded.ToString(), Does.Contain("refer").And.Not.Contain("s3cret-pw"));
    }

    /// <summary>A spec example as JSON: plain scalars typed as YAML reads them (500, true), quoted ones as strings.</summary>
    private static JToken Json(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, Json(c.Value)))),
        YamlSequenceNode list => new JArray(list.Children.Select(Json)),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } when long.TryParse(text, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } when double.TryParse(text, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar => scalar.Value == "true",
        YamlScalarNode scalar => scalar.Value!,
        _ => throw new AssertionException($"unexpected YAML node {node}"),
    };
}
