namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// <c>x-telnyx-webhooks</c>: what import writes from Telnyx's "Expected Webhooks" prose, and that spec/ states exactly
/// that for every operation, so the emulator delivers what Telnyx documents.
/// </summary>
public sealed class ExpectedWebhooksTests
{
    private static readonly IReadOnlySet<string> Curated =
        ExpectedWebhooks.Curated(SpecDocument.Load(Repo.Path("spec", DriftCommand.WebhooksFile)).Document);

    private static string Official(string path) =>
        SpecDocument.Load(Repo.OfficialCallControl).Document.Paths![path].Operations!.Values.Single().Description!;

    [Test]
    public void Telnyx_s_bullets_give_each_event_type_once_in_order_and_no_parameter_names()
    {
        Assert.That(ExpectedWebhooks.Listed(Official("/calls")), Is.EqualTo(new[]
        {
            "call.initiated", "call.answered", "call.hangup", "call.hold", "call.unhold", "call.machine.detection.ended",
            "call.machine.greeting.ended", "call.machine.premium.detection.ended", "call.machine.premium.greeting.ended",
            "call.deepfake_detection.result", "call.deepfake_detection.error", "streaming.started", "streaming.stopped", "streaming.failed",
        }));
        Assert.That(ExpectedWebhooks.Listed(Official("/calls/{call_control_id}/actions/bridge")), Is.EqualTo(new[] { "call.bridged" }), "listed twice, once per leg");
        Assert.That(ExpectedWebhooks.Listed(Official("/calls/{call_control_id}/actions/record_pause")), Is.Empty, "'There are no webhooks associated with this command.'");
        Assert.That(ExpectedWebhooks.Listed(null), Is.Empty);
    }

    [Test]
    public void Every_operation_of_spec_lists_the_curated_events_its_description_names()
    {
        var actions = SpecDocument.Load(Repo.Path("spec", DriftCommand.ActionsFile)).Document;
        var operations = actions.Paths!.SelectMany(p => p.Value.Operations!.Select(o => (Subject: $"{o.Key.Method} {p.Key}", Operation: o.Value))).ToList();

        Assert.That(operations, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (subject, operation) in operations)
            {
                var stated = operation.Extensions?.TryGetValue(ExpectedWebhooks.Extension, out var value) == true && value is Microsoft.OpenApi.JsonNodeExtension { Node: System.Text.Json.Nodes.JsonArray list }
                    ? list.Select(e => e!.GetValue<string>()).ToList()
                    : null;
                Assert.That(stated, Is.Not.Null, $"{subject} states {ExpectedWebhooks.Extension}");
                Assert.That(stated, Is.SubsetOf(Curated), $"{subject}: every event it lists is curated in {DriftCommand.WebhooksFile}'s x-webhooks");
                Assert.That(stated, Is.EqualTo(ExpectedWebhooks.Of(operation.Description, Curated).Select(e => e!.GetValue<string>())),
                    $"{subject}: the curated events its description lists under Expected Webhooks, in order");
            }
        });
        Assert.That(operations.Where(o => o.Subject.EndsWith("/refer", StringComparison.Ordinal)).Select(o => ExpectedWebhooks.Of(o.Operation.Description, Curated).Count), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Refresh_recomputes_each_operation_s_line_when_an_event_is_curated_later_and_touches_nothing_else()
    {
        var path = Repo.Path("spec", DriftCommand.ActionsFile);
        var text = File.ReadAllText(path);
        var document = SpecDocument.Load(path).Document;

        var same = ExpectedWebhooks.Refresh(text, document, Curated);
        var fewer = ExpectedWebhooks.Refresh(text, document, Curated.Where(e => e != "siprec.stopped").ToHashSet());

        Assert.That(same, Is.EqualTo(text), "what spec/ states is what Refresh computes");
        var changed = text.Split('\n').Zip(fewer.Split('\n')).Where(pair => pair.First != pair.Second).ToList();
        Assert.That(fewer.Split('\n'), Has.Length.EqualTo(text.Split('\n').Length));
        Assert.That(changed.Select(pair => pair.Second), Is.EqualTo(new[] { "      x-telnyx-webhooks: [siprec.started, siprec.failed]", "      x-telnyx-webhooks: []" }),
            "siprec_start and siprec_stop, and nothing else");
    }

    [Test]
    public void Import_states_the_events_Telnyx_lists_that_are_curated_and_names_the_others()
    {
        var specDir = Directory.CreateTempSubdirectory("telnyx-webhooks-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Repo.Path("spec")))
            {
                File.Copy(file, Path.Combine(specDir, Path.GetFileName(file)));
            }

            // call.hangup curated (its schema does not matter here), call.recording.saved not.
            var webhooks = Path.Combine(specDir, DriftCommand.WebhooksFile);
            File.WriteAllText(webhooks, File.ReadAllText(webhooks).Replace("x-webhooks:\n", "x-webhooks:\n  callHangup: { eventType: call.hangup, schema: '#/components/schemas/CallSiprecStartedEvent' }\n", StringComparison.Ordinal));
            using var output = new StringWriter();
            using var error = new StringWriter();

            ImportCommand.Run(Repo.OfficialCallControl, "/calls/{call_control_id}/actions/hangup", null, specDir, output, error);

            var hangup = SpecDocument.Load(Path.Combine(specDir, DriftCommand.ActionsFile)).Document.Paths!["/calls/{call_control_id}/actions/hangup"].Operations!.Values.Single();
            Assert.That(((Microsoft.OpenApi.JsonNodeExtension)hangup.Extensions![ExpectedWebhooks.Extension]).Node.ToJsonString(), Is.EqualTo("[\"call.hangup\"]"), output.ToString() + error);
            Assert.That(output.ToString(), Does.Contain("x-telnyx-webhooks: [\"call.hangup\"]").And.Contain("not curated: call.recording.saved"));
        }
        finally
        {
            Directory.Delete(specDir, recursive: true);
        }
    }
}
