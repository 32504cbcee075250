namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// What the emulator serves: the operations of the call control spec, each with the roles of the curated events it
/// delivers, the events of the webhook spec, and which of them end a call.
/// </summary>
internal sealed record EmulatorSpec(IReadOnlyDictionary<string, EmulatedOperation> Operations, WebhookCatalog Webhooks, Func<string, bool> EndsCall)
{
    /// <summary>
    /// The two spec files embedded in this assembly (the ones the client was generated from), with what each operation
    /// delivers as the generated model says it (<see cref="TelnyxOperation"/>).
    /// </summary>
    public static EmulatorSpec Embedded { get; } = Read(
        CallControlSpec.EmbeddedText(CallControlSpec.ResourceName),
        CallControlSpec.EmbeddedText(WebhookCatalog.ResourceName),
        operationId => TelnyxOperation.Find(operationId)?.Webhooks.Select(w => new EmulatedWebhook(w.EventType, w.Role)).ToList() ?? [],
        TelnyxOperation.EndsCall);

    /// <summary>
    /// Reads two spec files from their text, with the roles the model gives each operation's events and the events
    /// that end a call: for the embedded spec, the generated model's; for another (tests), the model it would generate.
    /// Events the webhook spec does not curate are left out: the emulator has no example to build them from.
    /// </summary>
    public static EmulatorSpec Read(string callControlYaml, string webhooksYaml, Func<string, IReadOnlyList<EmulatedWebhook>> roles, Func<string, bool> endsCall)
    {
        var catalog = WebhookCatalog.Read(webhooksYaml);
        var operations = CallControlSpec.Read(callControlYaml, operationId => [.. roles(operationId).Where(w => catalog.Contains(w.EventType))]);
        return new EmulatorSpec(operations, catalog, endsCall);
    }

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

/// <summary>An event an operation delivers and what it means for the operation, as the spec model says.</summary>
internal sealed record EmulatedWebhook(string EventType, TelnyxWebhookRole Role);
