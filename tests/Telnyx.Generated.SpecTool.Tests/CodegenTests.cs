namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// The build step that writes what NSwag cannot from spec/: the event members of x-webhooks and the operation model.
/// What it writes for the curated spec, and the clear error (exit 2, nothing written) for a spec the C# cannot be made from.
/// </summary>
public sealed class CodegenTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("telnyx-webhook-events-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Every_event_of_x_webhooks_gets_its_members_and_a_place_in_the_map_in_the_spec_s_order()
    {
        var exit = CodegenCommand.Run(Repo.Path("spec"), _folder, TextWriter.Null);

        Assert.That(exit, Is.Zero);
        var code = File.ReadAllText(Path.Combine(_folder, CodegenCommand.WebhookEventsFile));
        var events = WebhookMap.Read(SpecDocument.Load(Repo.Path("spec", "telnyx-webhooks.yaml")));
        Assert.That(events, Has.Count.EqualTo(6));
        var positions = events.Select(e => code.IndexOf($"({e.Schema}.EventTypeName, typeof({e.Schema}))", StringComparison.Ordinal)).ToList();
        Assert.That(positions, Has.All.GreaterThan(0));
        Assert.That(positions, Is.Ordered, "the map lists x-webhooks in order");
        foreach (var e in events)
        {
            Assert.That(code, Does.Contain($"public partial class {e.Schema}\n{{\n    /// <summary>The wire <c>event_type</c> of this event: <c>{e.EventType}</c>.</summary>\n    public const string EventTypeName = \"{e.EventType}\";"));
        }

        Assert.That(code.Split("public override CallEventPayload? Payload => Data?.Payload;").Length - 1, Is.EqualTo(6), "all six payloads are call events' payloads");
    }

    [TestCase("callReferStarted: { eventType: call.refer.started, schema: '#/components/schemas/CallReferStartedEvent' }",
        "callReferStarted: { eventType: call.refer.started, schema: '#/components/schemas/CallReferStarted' }",
        "CallReferStarted must derive from TelnyxWebhookEvent")]
    [TestCase("callReferStarted: { eventType: call.refer.started, schema: '#/components/schemas/CallReferStartedEvent' }",
        "callReferStarted: { eventType: call.refer.started, schema: '#/components/schemas/NoSuchEvent' }",
        "schema NoSuchEvent is not in components.schemas")]
    [TestCase("callReferStarted: { eventType: call.refer.started, schema: '#/components/schemas/CallReferStartedEvent' }",
        "callReferStarted: { eventType: call.refer.completed, schema: '#/components/schemas/CallReferStartedEvent' }",
        "both have eventType call.refer.completed")]
    [TestCase("callReferStarted: { eventType: call.refer.started, schema: '#/components/schemas/CallReferStartedEvent' }",
        "callReferStarted: { eventType: 'call \"refer\"', schema: '#/components/schemas/CallReferStartedEvent' }",
        "is not an event type")]
    [TestCase("                - $ref: '#/components/schemas/CallReferStarted'\n",
        "                - $ref: '#/components/schemas/CallReferPayload'\n",
        "must refer to a schema deriving from WebhookEventData")]
    public void An_entry_the_CSharp_cannot_be_made_from_is_exit_2_with_the_reason_and_no_output(string original, string broken, string reason)
    {
        AssertRefused(SpecDirectory.WebhooksFile, original, broken, reason);
    }

    [TestCase("      x-telnyx-webhooks: {}\n      summary: Send DTMF", "      x-telnyx-webhooks: []\n      summary: Send DTMF", "x-telnyx-webhooks must be a map from each event type")]
    [TestCase("        call.refer.completed: success", "        call.refer.completed: done", "x-telnyx-webhooks.call.refer.completed must be a role (progress, success, failure, later), not '\"done\"'")]
    [TestCase("        call.refer.completed: success", "        call.refer.completed: success\n        call.hangup: success", "lists call.hangup, which telnyx-webhooks.yaml does not curate")]
    [TestCase("      x-telnyx-idempotency: command-id\n      x-telnyx-webhooks:\n        call.refer.started", "      x-telnyx-idempotency: maybe\n      x-telnyx-webhooks:\n        call.refer.started", "POST /calls/{call_control_id}/actions/refer: x-telnyx-idempotency must be one of command-id, idempotent, none")]
    [TestCase("      operationId: Refer", "      operationId: refer", "operationId 'refer' is not a PascalCase C# name")]
    public void An_operation_the_CSharp_cannot_be_made_from_is_exit_2_with_the_reason_and_no_output(string original, string broken, string reason)
    {
        AssertRefused(SpecDirectory.ActionsFile, original, broken, reason);
    }

    [Test]
    public void The_operation_model_lists_every_operation_in_order_with_its_roles_repeat_rule_and_the_events_that_end_a_call()
    {
        var curated = CuratedSpec.Load(Repo.Path("spec"));
        var webhooks = File.ReadAllText(Repo.Path("spec", SpecDirectory.WebhooksFile))
            .Replace("callSiprecFailed: { eventType: siprec.failed, schema: '#/components/schemas/CallSiprecFailedEvent' }",
                "callSiprecFailed: { eventType: siprec.failed, schema: '#/components/schemas/CallSiprecFailedEvent', endsCall: true }", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, SpecDirectory.WebhooksFile), webhooks);
        File.Copy(curated.Actions.Path, Path.Combine(_folder, SpecDirectory.ActionsFile));

        var code = OperationsCode.Generate(CuratedSpec.Load(_folder));

        var positions = curated.Operations.Select(o => code.IndexOf($"new(\"{o.OperationId}\", \"{o.Method}\", \"{o.Path}\", [", StringComparison.Ordinal)).ToList();
        Assert.That(positions, Has.All.GreaterThan(0));
        Assert.That(positions, Is.Ordered);
        Assert.That(code, Does.Contain(
            "                new(\"call.refer.started\", TelnyxWebhookRole.Progress),\n" +
            "                new(\"call.refer.completed\", TelnyxWebhookRole.Success),\n" +
            "                new(\"call.refer.failed\", TelnyxWebhookRole.Failure),\n"));
        Assert.That(code, Does.Contain("private static readonly string[] CallEnders = [\"siprec.failed\"];"));
        Assert.That(code, Does.Contain("public static readonly CallOperation StartSiprec = new(TelnyxOperation.All[3], RepeatSafety.NotIdempotent);"));
    }

    private void AssertRefused(string file, string original, string broken, string reason)
    {
        var specDir = Path.Combine(_folder, "spec");
        Directory.CreateDirectory(specDir);
        foreach (var name in new[] { SpecDirectory.ActionsFile, SpecDirectory.WebhooksFile })
        {
            var text = File.ReadAllText(Repo.Path("spec", name));
            if (name == file)
            {
                Assert.That(text, Does.Contain(original));
                text = ReplaceFirst(text, original, broken);
            }

            File.WriteAllText(Path.Combine(specDir, name), text);
        }

        var output = Path.Combine(_folder, "out");
        using var error = new StringWriter();

        var exit = CodegenCommand.Run(specDir, output, error);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.StartWith("error: ").And.Contain(reason));
        Assert.That(output, Does.Not.Exist);
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + original.Length)..];
    }
}
