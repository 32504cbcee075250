using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing.Tests.Support;

/// <summary>
/// The repository's two spec files with Telnyx's hangup operation and its <c>call.hangup</c> webhook added, as
/// <c>import</c> and <c>import-webhook</c> add them (Fixtures/), served by an emulator without building a client for it,
/// with the roles the spec model would then say: hangup's <c>call.hangup</c> is its success, and it ends the call.
/// </summary>
internal static class FixtureSpec
{
    public static EmulatorSpec WithHangup()
    {
        var actions = Insert(File.ReadAllText(Repo.Path("spec", "telnyx-call-control.yaml")), ("\ncomponents:\n", "hangup-operation.yaml", true), ("\n  schemas:\n", "hangup-schema.yaml", false));
        var webhooks = Insert(File.ReadAllText(Repo.Path("spec", "telnyx-webhooks.yaml")), ("\n  schemas:\n", "call-hangup-webhook.yaml", false))
            .Replace("\nx-webhooks:\n", "\nx-webhooks:\n  callHangup: { eventType: call.hangup, schema: '#/components/schemas/CallHangupEvent' }\n", StringComparison.Ordinal);
        return EmulatorSpec.Read(
            actions,
            webhooks,
            operationId => operationId == "Hangup" ? [new("call.hangup", TelnyxWebhookRole.Success)] : EmulatorSpec.Embedded.Operations.Values.SingleOrDefault(o => o.OperationId == operationId)?.Webhooks ?? [],
            eventType => eventType == "call.hangup");
    }

    // Each fixture goes before (or after) the first line that is the anchor.
    private static string Insert(string text, params (string Anchor, string Fixture, bool Before)[] parts)
    {
        foreach (var (anchor, fixture, before) in parts)
        {
            Assert.That(text, Does.Contain(anchor), $"spec layout changed: no '{anchor.Trim()}' for {fixture}");
            var at = text.IndexOf(anchor, StringComparison.Ordinal) + (before ? 1 : anchor.Length);
            text = text.Insert(at, File.ReadAllText(Repo.Path("tests", "Telnyx.Generated.Testing.Tests", "Fixtures", fixture)));
        }

        return text;
    }
}
