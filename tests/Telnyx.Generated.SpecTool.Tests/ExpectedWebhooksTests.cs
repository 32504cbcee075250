using System.Text.Json.Nodes;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// <c>x-telnyx-webhooks</c>: the events and roles import writes from Telnyx's "Expected Webhooks" prose, and that spec/
/// states exactly that for every operation, so what the library and emulator learn is what Telnyx documents.
/// </summary>
public sealed class ExpectedWebhooksTests
{
    private static readonly CuratedSpec Spec = CuratedSpec.Load(Repo.Path("spec"));

    private static string Official(string action) =>
        SpecDocument.Load(Repo.OfficialCallControl).Document.Paths![action.Length == 0 ? "/calls" : $"/calls/{{call_control_id}}/actions/{action}"].Operations!.Values.Single().Description!;

    private static string[] Roles(string action) =>
        [.. ExpectedWebhooks.Roles(Official(action)).Select(w => $"{w.EventType}: {WebhookRoles.Name(w.Role)}")];

    [Test]
    public void Telnyx_s_bullets_give_each_event_type_once_in_order_and_no_parameter_names()
    {
        Assert.That(ExpectedWebhooks.Listed(Official("")), Is.EqualTo(new[]
        {
            "call.initiated", "call.answered", "call.hangup", "call.hold", "call.unhold", "call.machine.detection.ended",
            "call.machine.greeting.ended", "call.machine.premium.detection.ended", "call.machine.premium.greeting.ended",
            "call.deepfake_detection.result", "call.deepfake_detection.error", "streaming.started", "streaming.stopped", "streaming.failed",
        }));
        Assert.That(ExpectedWebhooks.Listed(Official("bridge")), Is.EqualTo(new[] { "call.bridged" }), "listed twice, once per leg");
        Assert.That(ExpectedWebhooks.Listed(Official("record_pause")), Is.Empty, "'There are no webhooks associated with this command.'");
        Assert.That(ExpectedWebhooks.Listed(null), Is.Empty);
    }

    [TestCase("refer", "call.refer.started: progress", "call.refer.completed: success", "call.refer.failed: failure")]
    [TestCase("siprec_start", "siprec.started: success", "siprec.stopped: later", "siprec.failed: failure")]
    [TestCase("siprec_stop", "siprec.stopped: success")]
    [TestCase("hangup", "call.hangup: success", "call.recording.saved: later")]
    [TestCase("gather", "call.dtmf.received: progress", "call.gather.ended: success")]
    [TestCase("playback_stop", "call.playback.ended: success", "call.speak.ended: success")]
    [TestCase("record_start", "call.recording.saved: success", "call.recording.transcription.saved: later", "call.recording.error: failure")]
    [TestCase("", "call.initiated: progress", "call.answered: success", "call.hangup: failure", "call.hold: later", "call.unhold: later",
        "call.machine.detection.ended: later", "call.machine.greeting.ended: later", "call.machine.premium.detection.ended: later",
        "call.machine.premium.greeting.ended: later", "call.deepfake_detection.result: later", "call.deepfake_detection.error: later",
        "streaming.started: later", "streaming.stopped: later", "streaming.failed: later")]
    public void Roles_come_from_Telnyx_s_list_its_conditions_alternatives_and_the_event_names(string action, params string[] expected)
    {
        Assert.That(Roles(action), Is.EqualTo(expected));
    }

    [Test]
    public void Every_operation_of_the_whole_surface_gets_a_role_for_every_event_it_lists()
    {
        var official = SpecDocument.Load(Repo.OfficialCallControl).Document;
        var operations = official.Paths!.SelectMany(p => p.Value.Operations!.Values).ToList();

        Assert.Multiple(() =>
        {
            foreach (var operation in operations)
            {
                var roles = ExpectedWebhooks.Roles(operation.Description);
                Assert.That(roles.Select(r => r.EventType), Is.EqualTo(ExpectedWebhooks.Listed(operation.Description)), operation.OperationId);
                Assert.That(roles.Count == 0 || roles.Any(r => r.Role == WebhookRole.Success), Is.True, $"{operation.OperationId}: an operation with events has a successful outcome");
            }
        });
    }

    [Test]
    public void Every_operation_of_spec_states_the_curated_events_its_description_names_with_their_roles()
    {
        Assert.That(Spec.Operations, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var operation in Spec.Operations)
            {
                Assert.That(ExpectedWebhooks.Map(operation.Webhooks).ToJsonString(), Is.EqualTo(ExpectedWebhooks.Of(operation.Operation.Description, Spec.Curates).ToJsonString()),
                    $"{operation.Subject}: the curated events its description lists under Expected Webhooks, in order, with the roles Telnyx's list gives them");
            }
        });
        Assert.That(Spec.Operations.Single(o => o.OperationId == "Refer").Webhooks, Has.Count.EqualTo(3));
    }

    [Test]
    public void Refresh_recomputes_each_operation_s_map_when_an_event_is_curated_later_keeps_written_roles_and_touches_nothing_else()
    {
        var text = File.ReadAllText(Spec.Actions.Path);
        var corrected = text.Replace("call.refer.started: progress", "call.refer.started: later", StringComparison.Ordinal);
        var document = SpecDocument.Load(WriteTemp(corrected)).Document;

        var same = ExpectedWebhooks.Refresh(corrected, document, Spec.Curates);
        var fewer = ExpectedWebhooks.Refresh(corrected, document, e => Spec.Curates(e) && e != "siprec.stopped");

        Assert.That(same, Is.EqualTo(corrected), "what spec/ states is what Refresh computes, with the role a reviewer corrected kept");
        var removed = corrected.Split('\n').Except(fewer.Split('\n')).ToList();
        Assert.That(removed, Is.EqualTo(new[] { "        siprec.stopped: later", "        siprec.stopped: success" }), "siprec_start and siprec_stop, and nothing else");
        Assert.That(fewer.Split('\n').Except(corrected.Split('\n')), Is.Empty, string.Join("|", fewer.Split('\n').Except(corrected.Split('\n'))));
    }

    [Test]
    public void Import_states_the_events_Telnyx_lists_that_are_curated_with_their_roles_and_names_the_others()
    {
        var specDir = Directory.CreateTempSubdirectory("telnyx-webhooks-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Repo.Path("spec")))
            {
                File.Copy(file, Path.Combine(specDir, Path.GetFileName(file)));
            }

            // call.hangup curated (its schema does not matter here), call.recording.saved not.
            var webhooks = Path.Combine(specDir, SpecDirectory.WebhooksFile);
            File.WriteAllText(webhooks, File.ReadAllText(webhooks).Replace("x-webhooks:\n", "x-webhooks:\n  callHangup: { eventType: call.hangup, schema: '#/components/schemas/CallSiprecStartedEvent' }\n", StringComparison.Ordinal));
            using var output = new StringWriter();
            using var error = new StringWriter();

            ImportCommand.Run(Repo.OfficialCallControl, "/calls/{call_control_id}/actions/hangup", null, specDir, output, error);

            var hangup = CuratedSpec.Load(specDir).Operations.Single(o => o.OperationId == "Hangup");
            Assert.That(hangup.Webhooks, Is.EqualTo(new[] { new OperationWebhook("call.hangup", WebhookRole.Success) }), output.ToString() + error);
            Assert.That(File.ReadAllText(Path.Combine(specDir, SpecDirectory.ActionsFile)), Does.Contain("      x-telnyx-webhooks:\n        call.hangup: success\n"));
            Assert.That(output.ToString(), Does.Contain("x-telnyx-webhooks: {\"call.hangup\":\"success\"}").And.Contain("not curated: call.recording.saved"));
        }
        finally
        {
            Directory.Delete(specDir, recursive: true);
        }
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"telnyx-refresh-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
