namespace Telnyx.Generated.Http;

/// <summary>How Telnyx treats a repeat of an operation (the spec's <c>x-telnyx-idempotency</c>), which decides what may be retried.</summary>
internal enum RepeatSafety
{
    /// <summary><c>command-id</c>: Telnyx drops a repeated <c>command_id</c>, the client always sends one, so any failure may be retried.</summary>
    CommandId,

    /// <summary><c>idempotent</c>: a repeat is harmless (the PUT client_state_update), so any failure may be retried.</summary>
    Idempotent,

    /// <summary><c>none</c>: retry only when the request surely was not processed (not sent, 429, 503).</summary>
    NotIdempotent,
}

/// <summary>
/// What the pipeline needs to know about a spec operation. One per operation is generated from the spec
/// (<c>CallOperations</c>, in obj/.../Generated/Operations.g.cs) and the generated client attaches it to every request it
/// builds (template Client.Class.BeforeSend), so no table of actions is kept by hand.
/// </summary>
/// <param name="Spec">The operation as the spec states it: its operationId, path and events with their roles.</param>
/// <param name="Safety">The operation's repeat rule.</param>
internal sealed record CallOperation(TelnyxOperation Spec, RepeatSafety Safety)
{
    public static readonly HttpRequestOptionsKey<CallOperation> Key = new("Telnyx.Generated.CallOperation");

    // Every request comes from the generated client; should one not, it is treated as unsafe to repeat.
    private static readonly CallOperation Unknown = new(new TelnyxOperation("Unknown", "", "(unknown operation)", []), RepeatSafety.NotIdempotent);

    /// <summary>The spec's operationId (<c>Refer</c>): a stable, low-cardinality name for spans and metrics.</summary>
    public string OperationId => Spec.OperationId;

    /// <summary>The spec's path without its leading slash, for logs and messages: a call_control_id is a bearer token for the call.</summary>
    public string PathTemplate { get; } = Spec.Path.TrimStart('/');

    /// <summary>The command span's name: <c>Telnyx Refer</c>.</summary>
    public string SpanName { get; } = "Telnyx " + Spec.OperationId;

    public static CallOperation Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var operation) ? operation : Unknown;
}
