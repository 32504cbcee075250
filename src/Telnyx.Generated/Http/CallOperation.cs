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
/// What the pipeline needs to know about a spec operation. The generated client attaches one to every request it
/// builds (templates Client.Class.Body and BeforeSend), so no table of actions is kept by hand.
/// </summary>
/// <param name="OperationId">The spec's operationId (<c>Refer</c>): a stable, low-cardinality name for spans and metrics.</param>
/// <param name="PathTemplate">The spec's path, for logs and messages: a call_control_id is a bearer token for the call.</param>
/// <param name="Safety">The operation's repeat rule.</param>
internal sealed record CallOperation(string OperationId, string PathTemplate, RepeatSafety Safety)
{
    public static readonly HttpRequestOptionsKey<CallOperation> Key = new("Telnyx.Generated.CallOperation");

    // Every request comes from the generated client; should one not, it is treated as unsafe to repeat.
    private static readonly CallOperation Unknown = new("Unknown", "(unknown operation)", RepeatSafety.NotIdempotent);

    /// <summary>The command span's name: <c>Telnyx Refer</c>.</summary>
    public string SpanName { get; } = "Telnyx " + OperationId;

    public static CallOperation Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var operation) ? operation : Unknown;
}
