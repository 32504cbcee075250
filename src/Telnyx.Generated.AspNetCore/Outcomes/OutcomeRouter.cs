using Microsoft.Extensions.Options;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// This instance's waiters, per call in registration order, and the events that complete them. At most one waiter per
/// operation and call: Telnyx's events carry no command id, so the outcomes of two refers in flight on one call could
/// not be told apart; the second is refused before it is sent. An event id completes nothing again while its call has
/// waiters, nor for <see cref="TelnyxOptions.OutcomeTimeout"/> after it completed one: the de-duplicator stops copies
/// of a handled event, but a copy of one whose handler threw (released, so delivered again) reaches the router twice.
/// </summary>
internal sealed class OutcomeRouter(IOptions<TelnyxOptions> options, TimeProvider? timeProvider = null)
{
    private readonly Dictionary<string, CallWaiters> _calls = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly TimeSpan _remember = options.Value.OutcomeTimeout;

    // The ids of events that completed a waiter, oldest first, forgotten after _remember.
    private readonly Queue<(string Id, long At)> _completedOrder = new();
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);

    /// <summary>How many waiters are registered: none may outlive its <c>SendAsync</c>.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _calls.Values.Sum(call => call.Waiters.Count);
            }
        }
    }

    public bool IsWaiting(string callControlId)
    {
        lock (_gate)
        {
            return _calls.ContainsKey(callControlId);
        }
    }

    /// <exception cref="InvalidOperationException">A command of the same operation on this call is still awaiting its outcome here.</exception>
    public OutcomeWaiter Register(string callControlId, AwaitedOutcome awaited)
    {
        var waiter = new OutcomeWaiter(callControlId, awaited);
        lock (_gate)
        {
            if (!_calls.TryGetValue(callControlId, out var call))
            {
                _calls[callControlId] = call = new CallWaiters();
            }
            else if (call.Waiters.Any(w => w.Awaited.OperationId == awaited.OperationId))
            {
                throw SameOperationInFlight(awaited.OperationId);
            }

            call.Waiters.Add(waiter);
        }

        return waiter;
    }

    public void Remove(OutcomeWaiter waiter)
    {
        lock (_gate)
        {
            if (_calls.TryGetValue(waiter.CallControlId, out var call) && call.Waiters.Remove(waiter) && call.Waiters.Count == 0)
            {
                _calls.Remove(waiter.CallControlId);
            }
        }
    }

    /// <summary>Completes every waiter on the call that <paramref name="webhookEvent"/> ends; returns how many.</summary>
    public int Route(string callControlId, TelnyxWebhookEvent webhookEvent)
    {
        var completed = new List<(OutcomeWaiter Waiter, bool Succeeded)>();
        lock (_gate)
        {
            var id = webhookEvent.Id;
            if (!_calls.TryGetValue(callControlId, out var call) || (id is not null && (!call.Seen.Add(id) || _completed.Contains(id))))
            {
                return 0;
            }

            foreach (var waiter in call.Waiters)
            {
                if (waiter.Awaited.Completes(webhookEvent.EventType) is { } succeeded)
                {
                    completed.Add((waiter, succeeded));
                }
            }

            call.Waiters.RemoveAll(w => completed.Exists(c => c.Waiter == w));
            if (call.Waiters.Count == 0)
            {
                _calls.Remove(callControlId);
            }

            if (id is not null && completed.Count > 0)
            {
                Remember(id);
            }
        }

        // Outside the lock: continuations run asynchronously anyway, but nothing user-visible runs under it.
        foreach (var (waiter, succeeded) in completed)
        {
            waiter.Complete(succeeded, webhookEvent);
        }

        return completed.Count;
    }

    private void Remember(string id)
    {
        var now = _time.GetTimestamp();
        while (_completedOrder.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.At, now) > _remember)
        {
            _completed.Remove(_completedOrder.Dequeue().Id);
        }

        _completed.Add(id);
        _completedOrder.Enqueue((id, now));
    }

    /// <summary>The rule for two commands of one operation on one call, in one place for this instance and for Redis.</summary>
    public static InvalidOperationException SameOperationInFlight(string operationId) => new(
        $"A {operationId} command on this call is still awaiting its outcome. Telnyx's events carry no command id, so two " +
        $"{operationId} outcomes on one call could not be told apart: await the first before sending the next.");

    private sealed class CallWaiters
    {
        public List<OutcomeWaiter> Waiters { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>One <c>SendAsync</c> awaiting its command's outcome on one call.</summary>
internal sealed class OutcomeWaiter(string callControlId, AwaitedOutcome awaited)
{
    private readonly TaskCompletionSource<TelnyxCommandOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string CallControlId { get; } = callControlId;

    public AwaitedOutcome Awaited { get; } = awaited;

    public Task<TelnyxCommandOutcome> Outcome => _outcome.Task;

    public void Complete(bool succeeded, TelnyxWebhookEvent webhookEvent) =>
        _outcome.TrySetResult(new TelnyxCommandOutcome(Awaited.OperationId, succeeded, webhookEvent));
}
