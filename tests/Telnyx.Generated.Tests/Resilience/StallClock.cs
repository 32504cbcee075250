namespace Telnyx.Generated.Tests.Resilience;

/// <summary>
/// The emulator's clock: the real one, except that a wait of exactly <c>stall</c> (an <c>EmulatorFault.Delayed</c>)
/// never ends by itself. <see cref="Release"/> ends it; <see cref="Abandoned"/> completes when the emulator stops
/// waiting without it, which it does when the client gives up on the request (the connection is closed).
/// </summary>
internal sealed class StallClock(TimeSpan stall) : TimeProvider
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HeldTimer? _held;

    /// <summary>Completes when a request is being held.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when the held request was given up on before <see cref="Release"/>.</summary>
    public Task Abandoned => _abandoned.Task;

    public void Release() => _held?.Fire();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != stall)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        _held = new HeldTimer(this, callback, state);
        _started.TrySetResult();
        return _held;
    }

    private sealed class HeldTimer(StallClock clock, TimerCallback callback, object? state) : ITimer
    {
        private int _fired;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        // Task.Delay disposes its timer when it ends either way: only an unfired one was abandoned.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                clock._abandoned.TrySetResult();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
