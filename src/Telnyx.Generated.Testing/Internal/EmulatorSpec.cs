namespace Telnyx.Generated.Testing.Internal;

/// <summary>What the emulator serves: the operations of the call control spec and the events of the webhook spec.</summary>
internal sealed record EmulatorSpec(IReadOnlyDictionary<string, EmulatedOperation> Operations, WebhookCatalog Webhooks)
{
    /// <summary>The two spec files embedded in this assembly (the ones the client was generated from).</summary>
    public static EmulatorSpec Embedded { get; } = new(CallControlSpec.Operations, WebhookCatalog.Embedded);

    /// <summary>Reads the two spec files from their text, for a spec other than the embedded one (tests).</summary>
    public static EmulatorSpec Read(string callControlYaml, string webhooksYaml) =>
        new(CallControlSpec.Read(callControlYaml), WebhookCatalog.Read(webhooksYaml));

    /// <summary>The curated events one command of <paramref name="operation"/> delivers (see <see cref="EventOutcomes"/>).</summary>
    public IReadOnlyList<string> Delivered(EmulatedOperation operation, bool failing) =>
        EventOutcomes.Delivered([.. operation.Webhooks.Where(Webhooks.Contains)], failing);

    /// <summary>The operations a request path (after <c>/v2</c>) is for, each method's, and the call it names.</summary>
    public (IReadOnlyList<EmulatedOperation> Operations, string? CallControlId) Route(IReadOnlyList<string> segments)
    {
        string? callControlId = null;
        var operations = new List<EmulatedOperation>();
        foreach (var operation in Operations.Values)
        {
            if (operation.Matches(segments, out var named))
            {
                operations.Add(operation);
                callControlId ??= named;
            }
        }

        return (operations, callControlId);
    }
}
