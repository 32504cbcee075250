namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Telnyx accepted a command sent through <see cref="ITelnyxCallOutcomes.SendAsync"/>, but none of its outcome events
/// arrived within <see cref="TelnyxOptions.OutcomeTimeout"/>. The command may still complete later; its webhooks
/// still reach the registered handlers. <see cref="TelnyxException.Attempts"/> is 0: no request failed.
/// </summary>
public sealed class TelnyxOutcomeTimeoutException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationId">The spec's operationId of the command.</param>
    /// <param name="awaitedEvents">The event types that would have ended the wait.</param>
    /// <param name="timeout">How long the wait lasted.</param>
    public TelnyxOutcomeTimeoutException(string operationId, IReadOnlyList<string> awaitedEvents, TimeSpan timeout)
        : base(
            $"Telnyx accepted the {operationId} command, but none of its outcome events ({string.Join(", ", awaitedEvents ?? [])}) arrived within {timeout} (Telnyx:OutcomeTimeout).",
            0,
            null)
    {
        OperationId = operationId;
        AwaitedEvents = awaitedEvents ?? [];
        Timeout = timeout;
    }

    /// <summary>The spec's operationId of the command, such as <c>Refer</c>.</summary>
    public string OperationId { get; }

    /// <summary>The event types that would have ended the wait, such as <c>call.refer.completed</c> and <c>call.refer.failed</c>.</summary>
    public IReadOnlyList<string> AwaitedEvents { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Timeout { get; }
}
