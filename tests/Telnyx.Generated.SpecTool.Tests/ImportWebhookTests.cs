using Microsoft.OpenApi;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// <c>import-webhook</c> into a temporary copy of spec/, in process: what it writes follows the curated six's
/// conventions and leaves the rest as it was, drift is clean afterwards, and what it refuses it refuses without writing.
/// </summary>
public sealed class ImportWebhookTests
{
    private string _specDir = null!;

    private string Webhooks => Path.Combine(_specDir, "telnyx-webhooks.yaml");

    private string Deviations => Path.Combine(_specDir, "DEVIATIONS.md");

    [SetUp]
    public void CopySpec()
    {
        _specDir = Directory.CreateTempSubdirectory("telnyx-import-webhook-").FullName;
        foreach (var file in Directory.GetFiles(Repo.Path("spec")))
        {
            File.Copy(file, Path.Combine(_specDir, Path.GetFileName(file)));
        }
    }

    [TearDown]
    public void DeleteSpec() => Directory.Delete(_specDir, recursive: true);

    private (int Exit, string Output, string Error) Import(string eventType, string? official = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ImportWebhookCommand.Run(official ?? Repo.OfficialCallControl, eventType, _specDir, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private OpenApiDocument Imported() => SpecDocument.Load(Webhooks).Document;

    private IOpenApiSchema Schema(string name) => Imported().Components!.Schemas![name];

    [Test]
    public void Hangup_is_imported_like_the_six_and_shows_no_drift()
    {
        var result = Import("call.hangup");

        Assert.That(result.Exit, Is.Zero, result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("x-webhooks: callHangup -> CallHangupEvent").And.Contain("drift: no drift for webhook callHangup."));
        Assert.That(File.ReadAllText(Webhooks), Does.Contain("  callHangup: { eventType: call.hangup, schema: '#/components/schemas/CallHangupEvent', endsCall: true }\n"));
        Assert.That(WebhookMap.Read(SpecDocument.Load(Webhooks)).Select(w => (w.Key, w.EventType, w.Schema)),
            Does.Contain(("callHangup", "call.hangup", "CallHangupEvent")));

        Assert.That(Base("CallHangupEvent"), Is.EqualTo("TelnyxWebhookEvent"), "the envelope, with meta");
        Assert.That(Base("CallHangup"), Is.EqualTo("WebhookEventData"), "event_type, id, occurred_at, record_type as the six have them");
        Assert.That(Base("CallHangupPayload"), Is.EqualTo("CallEventPayload"), "Payload.CallControlId and the other call fields");
        var own = Schema("CallHangupPayload").AllOf![1].Properties!;
        Assert.That(own.Keys, Does.Contain("hangup_cause").And.Contain("call_quality_stats"));
        Assert.That(own.Keys, Has.None.AnyOf("call_control_id", "call_leg_id", "call_session_id", "client_state", "connection_id"), "inherited, not repeated");
        Assert.That(Schema("CallHangup").AllOf![1].Properties!.Keys, Is.EqualTo(new[] { "payload" }), "event_type stays WebhookEventData's plain string");
#pragma warning disable CS0618 // the singular example, as written
        Assert.That(Schema("CallHangup").Example?["payload"]?["hangup_cause"]?.GetValue<string>(), Is.EqualTo("call_rejected"), "Telnyx's example, for the emulator and the contract tests");
#pragma warning restore CS0618
        Assert.That(File.ReadAllText(Webhooks), Does.Contain("occurred_at: '2018-02-02T22:25:27.521992Z'"), "a timestamp stays a string in YAML");
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, _specDir), Is.Empty);
    }

    [Test]
    public void Running_it_again_writes_nothing()
    {
        Import("call.hangup");
        var webhooks = File.ReadAllText(Webhooks);
        var deviations = File.ReadAllText(Deviations);

        var again = Import("call.hangup");

        Assert.That(again.Exit, Is.EqualTo(2));
        Assert.That(again.Error, Does.Contain("already curated").And.Contain("CallHangupEvent"));
        Assert.That(File.ReadAllText(Webhooks), Is.EqualTo(webhooks));
        Assert.That(File.ReadAllText(Deviations), Is.EqualTo(deviations));
    }

    [Test]
    public void A_curated_event_is_refused()
    {
        var before = File.ReadAllText(Webhooks);

        var result = Import("call.refer.started");

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("already curated").And.Contain("CallReferStartedEvent"));
        Assert.That(File.ReadAllText(Webhooks), Is.EqualTo(before));
    }

    [Test]
    public void The_rest_of_both_files_is_left_as_it_was()
    {
        var before = File.ReadAllLines(Webhooks);
        var deviationsBefore = File.ReadAllLines(Deviations);

        Assert.That(Import("call.deepfake_detection.error").Exit, Is.Zero);

        foreach (var (original, now) in new[] { (before, File.ReadAllLines(Webhooks)), (deviationsBefore, File.ReadAllLines(Deviations)) })
        {
            var next = 0;
            foreach (var line in now)
            {
                if (next < original.Length && line == original[next])
                {
                    next++;
                }
            }

            Assert.That(next, Is.EqualTo(original.Length), "every original line, comments included, is still there in order");
            Assert.That(now, Has.Length.GreaterThan(original.Length));
        }
    }

    [Test]
    public void Call_fields_Telnyx_types_differently_are_shared_with_a_deviation_each()
    {
        // Telnyx gives call_leg_id and call_session_id format uuid and client_state nullable for this event alone.
        var result = Import("call.deepfake_detection.error");

        Assert.That(result.Exit, Is.Zero, result.Output + result.Error);
        Assert.That(Base("CallDeepfakeDetectionErrorPayload"), Is.EqualTo("CallEventPayload"));
        var rows = DeviationsFile.Drift(Deviations).Where(d => d.Pattern.StartsWith("webhook callDeepfakeDetectionError ", StringComparison.Ordinal))
            .Select(d => $"{d.Pattern} {d.Kind}");
        Assert.That(rows, Is.EquivalentTo(new[]
        {
            "webhook callDeepfakeDetectionError data.payload.call_leg_id format",
            "webhook callDeepfakeDetectionError data.payload.call_session_id format",
            "webhook callDeepfakeDetectionError data.payload.client_state nullable",
        }));
        Assert.That(result.Output, Does.Contain("deviation added to DEVIATIONS.md: `webhook callDeepfakeDetectionError data.payload.call_leg_id` (format)"));
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, _specDir), Is.Empty);
    }

    [Test]
    public void A_payload_lacking_a_call_field_still_shares_the_others_with_a_deviation()
    {
        // Telnyx's call.recording.saved payload has every call field but call_control_id.
        var result = Import("call.recording.saved");

        Assert.That(result.Exit, Is.Zero, result.Output + result.Error);
        Assert.That(Base("CallRecordingSavedPayload"), Is.EqualTo("CallEventPayload"), "Payload.ClientState, CallLegId, ... read it");
        Assert.That(DeviationsFile.Drift(Deviations).Where(d => d.Pattern.Contains("callRecordingSaved", StringComparison.Ordinal)).Select(d => $"{d.Pattern} {d.Kind}"),
            Is.EqualTo(new[] { "webhook callRecordingSaved data.payload.call_control_id extra" }));
        Assert.That(DriftCommand.Findings(Repo.OfficialCallControl, _specDir), Is.Empty);
    }

    [Test]
    public void A_payload_with_none_of_the_call_fields_is_a_class_of_its_own_and_its_event_has_no_Payload()
    {
        using var copy = new OfficialSpecCopy(Repo.OfficialCallControl);
        var payload = copy.Map("components", "schemas", "CallHangup", "properties", "payload", "properties");
        foreach (var field in new[] { "call_control_id", "call_leg_id", "call_session_id", "client_state", "connection_id" })
        {
            payload.Children.Remove(new YamlScalarNode(field));
        }

        var official = copy.Save();
        using var output = new StringWriter();
        var exit = ImportWebhookCommand.Run(official, "call.hangup", _specDir, output, TextWriter.Null);

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("CallHangupPayload, not a CallEventPayload because it has none of CallEventPayload's fields"));
        Assert.That(Base("CallHangupPayload"), Is.Null);
        Assert.That(WebhookEventsCode.Generate(CuratedSpec.Load(_specDir)), Does.Match(
            @"class CallHangupEvent\s*\{[^}]*EventTypeName = ""call.hangup"";\s*///[^\n]*\n\s*public override string EventType => EventTypeName;\s*private protected override WebhookEventData\? EventData => Data;"),
            "no Payload override: the base's null");
        Assert.That(DriftCommand.Findings(official, _specDir), Is.Empty);
    }

    [Test]
    public void A_payload_of_exactly_the_call_fields_is_CallEventPayload()
    {
        var result = Import("call.speak.started");

        Assert.That(result.Exit, Is.Zero, result.Output + result.Error);
        Assert.That(WebhookMap.ReferenceId(Schema("CallSpeakStarted").AllOf![1].Properties!["payload"]), Is.EqualTo("CallEventPayload"));
        Assert.That(Imported().Components!.Schemas!.Keys, Does.Not.Contain("CallSpeakStartedPayload"));
    }

    [TestCase("call.hangupp", "Closest: call.hangup, call.hold, call.unhold.")]
    [TestCase("callHangup", "pass the event_type: import-webhook <official-spec> call.hangup")]
    public void An_unknown_event_type_names_the_closest_ones_Telnyx_has(string eventType, string hint)
    {
        var before = File.ReadAllText(Webhooks);

        var result = Import(eventType);

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain(hint));
        Assert.That(File.ReadAllText(Webhooks), Is.EqualTo(before));
    }

    [Test]
    public void An_event_whose_schema_has_no_payload_is_refused_and_nothing_is_written()
    {
        using var copy = new OfficialSpecCopy(Repo.OfficialCallControl);
        copy.Map("components", "schemas", "CallHangup", "properties").Children.Remove(new YamlScalarNode("payload"));
        var before = Directory.GetFiles(_specDir).ToDictionary(f => f, File.ReadAllText);

        var result = Import("call.hangup", copy.Save());

        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("call.hangup (callHangup) has no data.payload"));
        Assert.That(Directory.GetFiles(_specDir).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before));
    }

    [Test]
    public void A_malformed_official_spec_is_refused_and_nothing_is_written()
    {
        var broken = Path.Combine(_specDir, "..", $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, File.ReadAllText(Repo.OfficialCallControl).Replace("\nwebhooks:\n", "\nwebhooks: [\n", StringComparison.Ordinal));
        var before = Directory.GetFiles(_specDir).ToDictionary(f => f, File.ReadAllText);
        try
        {
            var result = Import("call.hangup", broken);

            Assert.That(result.Exit, Is.EqualTo(2));
            Assert.That(result.Error, Does.StartWith("error: ").And.Contain("is not a readable OpenAPI document"));
            Assert.That(Directory.GetFiles(_specDir).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private string? Base(string schema) =>
        Schema(schema).AllOf?.OfType<OpenApiSchemaReference>().Select(r => r.Reference.Id).FirstOrDefault();
}
