namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// Sends one command on a call and awaits how it ended, as its webhooks say: the spec names, for each operation, the
/// events that are its success and its failure. Registered by <c>AddTelnyx</c>; with <c>AddTelnyxRedis</c> the outcome
/// may reach any app instance. See docs/outcomes.md.
/// </summary>
public interface ITelnyxCallOutcomes
{
    /// <summary>
    /// Runs <paramref name="command"/>, which must send exactly one command on <paramref name="callControlId"/> through
    /// the client it is given, then awaits that command's outcome event. Interest is registered before the command is
    /// sent, so an outcome delivered before Telnyx's answer is not missed.
    /// </summary>
    /// <param name="callControlId">The call the command is for.</param>
    /// <param name="command">Sends the command, for example <c>(calls, ct) =&gt; calls.ReferAsync(id, request, ct)</c>.</param>
    /// <param name="cancellationToken">Cancels the command and the wait.</param>
    /// <returns>The outcome: succeeded or failed, with its event; an operation without outcome events completes at Telnyx's 2xx.</returns>
    /// <exception cref="InvalidOperationException">The callback sent no command, a second command, or a command on another call; or a command of the same operation on this call is still awaiting its outcome.</exception>
    /// <exception cref="TelnyxException">The command failed, as <see cref="ICallActionsClient"/> reports it; nothing is left waiting.</exception>
    /// <exception cref="TelnyxOutcomeTimeoutException">Telnyx accepted the command, but no outcome arrived within <see cref="TelnyxOptions.OutcomeTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TelnyxCommandOutcome> SendAsync(
        string callControlId,
        Func<ICallActionsClient, CancellationToken, Task> command,
        CancellationToken cancellationToken = default);
}
