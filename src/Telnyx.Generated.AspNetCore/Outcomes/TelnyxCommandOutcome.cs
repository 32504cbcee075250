using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>How a command sent through <see cref="ITelnyxCallOutcomes.SendAsync"/> ended.</summary>
public sealed class TelnyxCommandOutcome
{
    /// <summary>Creates an outcome (public so tests of code that awaits outcomes can build one).</summary>
    /// <param name="operationId">The spec's operationId of the command.</param>
    /// <param name="succeeded">Whether the command succeeded.</param>
    /// <param name="event">The outcome event; null when the operation has none.</param>
    public TelnyxCommandOutcome(string operationId, bool succeeded, TelnyxWebhookEvent? @event)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        OperationId = operationId;
        Succeeded = succeeded;
        Event = @event;
    }

    /// <summary>The spec's operationId of the command, such as <c>Refer</c>.</summary>
    public string OperationId { get; }

    /// <summary>
    /// True when the operation's success event arrived (or, for an operation without outcome events, Telnyx answered
    /// 2xx); false when its failure event arrived or the call ended first.
    /// </summary>
    public bool Succeeded { get; }

    /// <summary>The outcome event (cast it, e.g. <c>outcome.Event as CallReferFailedEvent</c>); null when the operation has none.</summary>
    public TelnyxWebhookEvent? Event { get; }

    /// <summary>Describes the outcome: operation, result and event type.</summary>
    /// <returns>For example <c>Refer succeeded (call.refer.completed)</c>.</returns>
    public override string ToString() =>
        $"{OperationId} {(Succeeded ? "succeeded" : "failed")}{(Event is null ? string.Empty : $" ({Event.EventType})")}";
}
