using System.Text.Json.Nodes;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Delivers events as Telnyx usually does: concurrently across calls and in order within a call (started before
/// completed, even while one of them is retried). Each call with pending events has one lane, a task that delivers
/// them one after the other and ends when none is left. Each event goes to the target set when it was produced; with
/// none set, it is only recorded.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly WebhookSender _sender;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    // Sequence numbers of the deliveries not yet done, so an idle waiter waits for exactly those produced before it.
    private readonly SortedSet<long> _pending = [];
    private readonly Queue<(long UpTo, TaskCompletionSource Waiter)> _idleWaiters = new();
    private long _sequence;
    private bool _disposed;
    private WebhookTarget? _target;

    public WebhookDispatcher(WebhookSigner signer, TelnyxEmulatorOptions options) => _sender = new WebhookSender(signer, options);

    /// <summary>Where events produced from now on are delivered.</summary>
    public Uri? Url => Volatile.Read(ref _target)?.Url;

    /// <summary>Delivers later events to <paramref name="url"/>, through <paramref name="handler"/> (not disposed here) or the network.</summary>
    public void DeliverTo(Uri url, HttpMessageHandler? handler) => Volatile.Write(ref _target, new WebhookTarget(url, _sender.ClientFor(handler)));

    /// <summary>
    /// Queues events of one call behind that call's earlier ones; the task completes when each was delivered or given
    /// up on (at once when there is no target, and when the dispatcher is disposed).
    /// </summary>
    public Task Enqueue(IReadOnlyList<(EmulatedEvent Event, JsonObject Data)> events)
    {
        if (events.Count == 0 || Volatile.Read(ref _target) is not { } target)
        {
            return Task.CompletedTask; // recorded in Events only, as documented for an emulator without a webhook target
        }

        var done = new List<Task>(events.Count);
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.CompletedTask;
            }

            foreach (var (emulatedEvent, data) in events)
            {
                var delivery = new Delivery(emulatedEvent, data, target, ++_sequence);
                _pending.Add(delivery.Sequence);
                done.Add(delivery.Done.Task);
                if (_lanes.TryGetValue(emulatedEvent.CallControlId, out var lane))
                {
                    lane.Queue.Enqueue(delivery);
                }
                else
                {
                    lane = new Lane(emulatedEvent.CallControlId);
                    lane.Queue.Enqueue(delivery);
                    _lanes[lane.CallControlId] = lane;
                    lane.Running = Task.Run(() => RunAsync(lane, delivery));
                }
            }
        }

        return Task.WhenAll(done);
    }

    /// <summary>Completes when every event enqueued so far was delivered or given up on, or the dispatcher was disposed.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending.Count == 0 || _disposed)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Enqueue((_sequence, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Abandons pending deliveries (their waiters complete) and waits for the lanes to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            running = [.. _lanes.Values.Select(lane => lane.Running)];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var delivery in _lanes.Values.SelectMany(lane => lane.Queue))
            {
                delivery.Done.TrySetResult();
            }

            _lanes.Clear();
            _pending.Clear();
            ReleaseIdleWaiters();
        }

        _sender.Dispose();
        _stopping.Dispose();
    }

    // Delivers the lane's events one after the other; ends when none is left, or on disposal.
    // The head of the queue stays in it while it is delivered, for DisposeAsync to complete.
    private async Task RunAsync(Lane lane, Delivery delivery)
    {
        while (true)
        {
            try
            {
                await _sender.DeliverAsync(delivery.Event, delivery.Data, delivery.Target, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            lock (_gate)
            {
                lane.Queue.Dequeue();
                delivery.Done.TrySetResult();
                _pending.Remove(delivery.Sequence);
                ReleaseIdleWaiters();
                if (!lane.Queue.TryPeek(out delivery!))
                {
                    _lanes.Remove(lane.CallControlId);
                    return;
                }
            }
        }
    }

    // Under _gate: every waiter whose deliveries are all done, in the order they started waiting.
    private void ReleaseIdleWaiters()
    {
        var firstPending = _pending.Count == 0 ? long.MaxValue : _pending.Min;
        while (_idleWaiters.TryPeek(out var idle) && (idle.UpTo < firstPending || _disposed))
        {
            _idleWaiters.Dequeue().Waiter.TrySetResult();
        }
    }

    /// <summary>One call's pending deliveries, the first being delivered, and the task delivering them.</summary>
    private sealed class Lane(string callControlId)
    {
        public string CallControlId { get; } = callControlId;

        public Queue<Delivery> Queue { get; } = new();

        public Task Running { get; set; } = Task.CompletedTask;
    }

    private sealed record Delivery(EmulatedEvent Event, JsonObject Data, WebhookTarget Target, long Sequence)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Where a webhook goes: the URL it is addressed (and <c>meta.delivered_to</c>) to, and what sends it.</summary>
internal sealed record WebhookTarget(Uri Url, HttpClient Client);
