using Microsoft.Extensions.Options;
using Telnyx.Generated.Http;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// <see cref="ITelnyxCallOutcomes"/> on the app's own <see cref="TelnyxClient"/>: the pipeline tells it which command
/// the callback sent (<see cref="CommandObserver"/>), it registers a waiter for that operation's outcome events before
/// the first attempt, then awaits it, bounded by <see cref="TelnyxOptions.OutcomeTimeout"/>.
/// </summary>
internal sealed class TelnyxCallOutcomes(
    TelnyxClient client,
    OutcomeRouter router,
    IOutcomeRelay relay,
    OutcomeTelemetry telemetry,
    IOptions<TelnyxOptions> options,
    TimeProvider? timeProvider = null) : ITelnyxCallOutcomes
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<TelnyxCommandOutcome> SendAsync(
        string callControlId,
        Func<ICallActionsClient, CancellationToken, Task> command,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callControlId);
        ArgumentNullException.ThrowIfNull(command);
        await using var one = new OneCommand(callControlId, router, relay, _time);
        using var trace = telemetry.Start(_time);
        try
        {
            CommandObserver.Active = one; // set inside this async method, so it ends with it
            await command(client.Calls.Actions, cancellationToken).ConfigureAwait(false);
            CommandObserver.Active = null;
            var (operation, waiter) = one.Sent();
            trace.Sent(operation.OperationId, waiter?.Awaited, one.SentAt);
            if (waiter is null)
            {
                return trace.Done(new TelnyxCommandOutcome(operation.OperationId, succeeded: true, @event: null));
            }

            var timeout = options.Value.OutcomeTimeout;
            try
            {
                return trace.Done(await waiter.Outcome.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false));
            }
            catch (TimeoutException)
            {
                throw new TelnyxOutcomeTimeoutException(operation.OperationId, waiter.Awaited.Awaited, timeout);
            }
        }
        catch (Exception failure)
        {
            trace.Failed(failure, cancellationToken);
            throw;
        }
    }

    /// <summary>The observer of one <c>SendAsync</c>: accepts exactly one command, on its call, and owns its waiter.</summary>
    private sealed class OneCommand(string call, OutcomeRouter router, IOutcomeRelay relay, TimeProvider time) : CommandObserver, IAsyncDisposable
    {
        private int _commands;
        private CallOperation? _operation;
        private OutcomeWaiter? _waiter;
        private IAsyncDisposable? _watch;

        /// <summary>When the command was about to be sent (<see cref="TimeProvider.GetTimestamp"/>).</summary>
        public long SentAt { get; private set; }

        public (CallOperation Operation, OutcomeWaiter? Waiter) Sent() => (_commands, _operation) switch
        {
            (1, { } operation) => (operation, _waiter),
            (0, _) => throw new InvalidOperationException("The SendAsync callback sent no command: send exactly one command on the call through the ICallActionsClient it is given."),
            _ => throw new InvalidOperationException("The SendAsync callback did not send exactly one command on the call; its outcome cannot be known."),
        };

        public async ValueTask DisposeAsync()
        {
            if (_waiter is { } waiter)
            {
                router.Remove(waiter);
            }

            if (_watch is { } watch)
            {
                await watch.DisposeAsync().ConfigureAwait(false);
            }
        }

        protected override async ValueTask SendingAsync(CallOperation operation, string? callControlId, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _commands) > 1)
            {
                throw new InvalidOperationException(
                    $"The SendAsync callback sent a second command ({operation.OperationId}) after {_operation?.OperationId}: send one command per SendAsync, so its outcome is known.");
            }

            if (!string.Equals(callControlId, call, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The SendAsync callback sent {operation.OperationId} on another call than the one given to SendAsync: send the command on that call.");
            }

            _operation = operation;
            SentAt = time.GetTimestamp();
            if (AwaitedOutcome.For(operation) is not { } awaited)
            {
                return; // complete at Telnyx's 2xx
            }

            var waiter = router.Register(call, awaited);
            try
            {
                _watch = await relay.WatchAsync(waiter, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                router.Remove(waiter);
                throw;
            }

            _waiter = waiter;
        }
    }
}
