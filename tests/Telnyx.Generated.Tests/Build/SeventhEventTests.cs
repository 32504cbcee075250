namespace Telnyx.Generated.Tests.Build;

/// <summary>
/// The proof that an event is one spec edit: call.hangup added to x-webhooks and components of a copy of the
/// repository, nothing else edited, gives a CallHangupEvent that Unwrap returns with the common members set, and its
/// endsCall reaches <see cref="TelnyxOperation.EndsCall"/>.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class SeventhEventTests
{
    private const string ConsumerProgram = """
        using Telnyx.Generated.Webhooks;

        const string Body = "{\"data\":{\"event_type\":\"call.hangup\",\"id\":\"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0\",\"record_type\":\"event\",\"payload\":{\"call_control_id\":\"v3:seventh\",\"client_state\":\"aGk=\",\"hangup_cause\":\"normal_clearing\"}}}";
        using var signer = new TelnyxWebhookSigner();
        var verifier = new TelnyxWebhookVerifier(signer.PublicKeyBase64);

        TelnyxWebhookEvent webhook = verifier.Unwrap(Body, signer.Sign(Body, DateTimeOffset.UtcNow));

        Console.WriteLine($"type {webhook.GetType().Name} {webhook.EventType} {CallHangupEvent.EventTypeName}");
        Console.WriteLine($"common {webhook.Id} {webhook.Payload?.CallControlId} {webhook.Payload?.ClientState}");
        if (webhook is CallHangupEvent hangup)
        {
            Console.WriteLine($"own {hangup.Data?.Payload?.HangupCause} same-payload {ReferenceEquals(hangup.Payload, hangup.Data?.Payload)}");
        }

        Console.WriteLine($"refer {TelnyxWebhookParser.Parse("{\"data\":{\"event_type\":\"call.refer.started\"}}").GetType().Name}");
        Console.WriteLine($"ends-call {Telnyx.Generated.TelnyxOperation.EndsCall("call.hangup")} {Telnyx.Generated.TelnyxOperation.EndsCall("call.refer.failed")}");
        """;

    private TempRepository _repo = null!;

    private string WebhooksSpec => Path.Combine(_repo.RepoRoot, "spec", "telnyx-webhooks.yaml");

    [OneTimeSetUp]
    public void CopyRepository() => _repo = new TempRepository();

    [OneTimeTearDown]
    public void DeleteCopy() => _repo.Dispose();

    [Test]
    public void Hangup_added_to_the_spec_alone_is_a_typed_event_Unwrap_returns_with_its_payload()
    {
        var spec = File.ReadAllText(WebhooksSpec);
        const string map = "\nx-webhooks:\n";
        Assert.That(spec, Does.Contain(map).And.EndWith("\n"));
        spec = spec.Replace(map, map + "  callHangup: { eventType: call.hangup, schema: '#/components/schemas/CallHangupEvent', endsCall: true }\n", StringComparison.Ordinal)
            + File.ReadAllText(Repo.Path("tests", "Telnyx.Generated.Tests", "Build", "Fixtures", "hangup-webhook.yaml"));
        File.WriteAllText(WebhooksSpec, spec);
        var consumer = _repo.CreateConsumer("hangup-webhook", ConsumerProgram);

        var build = TempRepository.Build(consumer, "q");
        Assert.That(build.ExitCode, Is.Zero, "CallHangupEvent and its members are generated: " + build.Output);
        var run = TempRepository.Dotnet(Path.GetDirectoryName(consumer)!, Path.Combine("bin", "Debug", "net10.0", "hangup-webhook.dll"));
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Does.Contain("type CallHangupEvent call.hangup call.hangup"), "Unwrap returns the typed event; EventTypeName is generated");
        Assert.That(lines, Does.Contain("common 0ccc7b54-4df3-4bca-a65a-3da1ecc777f0 v3:seventh aGk="), "Id and Payload read through the generated EventData and Payload");
        Assert.That(lines, Does.Contain("own normal_clearing same-payload True"));
        Assert.That(lines, Does.Contain("refer CallReferStartedEvent"), "the six still parse");
        Assert.That(lines, Does.Contain("ends-call True False"), "endsCall reaches the operation model");
    }
}
