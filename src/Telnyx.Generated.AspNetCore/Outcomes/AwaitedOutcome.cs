using System.Collections.Concurrent;
using Telnyx.Generated.Http;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// What the spec says ends a command (<see cref="TelnyxOperation.Webhooks"/>): the events of its operation whose role is
/// <see cref="TelnyxWebhookRole.Success"/> or <see cref="TelnyxWebhookRole.Failure"/>. Progress and later events never
/// do; an event that ends the call (<see cref="TelnyxOperation.EndsCall"/>) ends every command on it.
/// </summary>
internal sealed class AwaitedOutcome
{
    private static readonly ConcurrentDictionary<TelnyxOperation, AwaitedOutcome?> ByOperation = new();

    // Every event type that is some operation's success or failure: the only ones worth routing, with the call enders.
    private static readonly HashSet<string> Completing =
        [.. TelnyxOperation.All.SelectMany(o => o.Webhooks).Where(w => w.Role is TelnyxWebhookRole.Success or TelnyxWebhookRole.Failure).Select(w => w.EventType)];

    private readonly Func<string, bool> _endsCall;

    // endsCall: the spec's TelnyxOperation.EndsCall, or a test's stand-in (the curated spec has no call-ending event yet).
    internal AwaitedOutcome(string operationId, string[] success, string[] failure, Func<string, bool> endsCall)
    {
        _endsCall = endsCall;
        OperationId = operationId;
        Success = success;
        Failure = failure;
        Awaited = [.. success, .. failure];
    }

    public string OperationId { get; }

    public string[] Success { get; }

    public string[] Failure { get; }

    /// <summary>The success then the failure events, in spec order: what a timeout says was awaited.</summary>
    public string[] Awaited { get; }

    /// <summary>The operation's outcome, or null when it has no outcome event (it is complete at Telnyx's 2xx).</summary>
    public static AwaitedOutcome? For(CallOperation operation) =>
        ByOperation.GetOrAdd(operation.Spec, static spec => spec.HasOutcome
            ? new AwaitedOutcome(spec.OperationId, Events(spec, TelnyxWebhookRole.Success), Events(spec, TelnyxWebhookRole.Failure), TelnyxOperation.EndsCall)
            : null);

    /// <summary>Whether the event can end some command: a success or failure of any operation, or the end of the call.</summary>
    public static bool CanComplete(string eventType) => Completing.Contains(eventType) || TelnyxOperation.EndsCall(eventType);

    /// <summary>Succeeded (true), failed (false) or not an outcome of this command (null).</summary>
    public bool? Completes(string eventType) =>
        Success.Contains(eventType) ? true : Failure.Contains(eventType) || _endsCall(eventType) ? false : null;

    private static string[] Events(TelnyxOperation spec, TelnyxWebhookRole role) =>
        [.. spec.Webhooks.Where(w => w.Role == role).Select(w => w.EventType)];
}
