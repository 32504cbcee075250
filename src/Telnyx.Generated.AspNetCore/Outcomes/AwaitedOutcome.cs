using Telnyx.Generated.Http;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// What the spec says ends a command: the events of its operation whose role is success or failure. Progress and
/// later events never do; an event that ends the call (the webhooks spec's <c>endsCall</c>) ends every command on it.
/// </summary>
internal sealed class AwaitedOutcome
{
    private static readonly Dictionary<string, AwaitedOutcome?> ByOperation = new(StringComparer.Ordinal);

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
    public static AwaitedOutcome? For(CallOperation operation)
    {
        lock (ByOperation)
        {
            if (!ByOperation.TryGetValue(operation.OperationId, out var outcome))
            {
                var (success, failure) = SpecModelAdapter.Roles(operation.OperationId);
                outcome = success.Length + failure.Length == 0 ? null : new AwaitedOutcome(operation.OperationId, success, failure, EndsCall);
                ByOperation[operation.OperationId] = outcome;
            }

            return outcome;
        }
    }

    /// <summary>Whether the event can end some command: a success or failure of any operation, or the end of the call.</summary>
    public static bool CanComplete(string eventType) => SpecModelAdapter.Completing.Contains(eventType) || SpecModelAdapter.EndsCall(eventType);

    /// <summary>Whether the event ends the call, and so every command still waiting on it.</summary>
    public static bool EndsCall(string eventType) => SpecModelAdapter.EndsCall(eventType);

    /// <summary>Succeeded (true), failed (false) or not an outcome of this command (null).</summary>
    public bool? Completes(string eventType) =>
        Success.Contains(eventType) ? true : Failure.Contains(eventType) || _endsCall(eventType) ? false : null;
}
