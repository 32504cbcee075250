namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// The build step that writes the event members from x-webhooks: what it writes for the curated spec, and the clear
/// error (exit 2, nothing written) for an x-webhooks entry the C# cannot be made from.
/// </summary>
public sealed class WebhookEventsTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("telnyx-webhook-events-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Every_event_of_x_webhooks_gets_its_members_and_a_place_in_the_map_in_the_spec_s_order()
    {
        var output = Path.Combine(_folder, "WebhookEvents.g.cs");

        var exit = WebhookEventsCommand.Run(Repo.Path("spec", "telnyx-webhooks.yaml"), output, TextWriter.Null);

        Assert.That(exit, Is.Zero);
        var code = File.ReadAllText(output);
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
        var text = File.ReadAllText(Repo.Path("spec", "telnyx-webhooks.yaml"));
        Assert.That(text, Does.Contain(original));
        var spec = Path.Combine(_folder, "telnyx-webhooks.yaml");
        File.WriteAllText(spec, ReplaceFirst(text, original, broken));
        var output = Path.Combine(_folder, "WebhookEvents.g.cs");
        using var error = new StringWriter();

        var exit = WebhookEventsCommand.Run(spec, output, error);

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
