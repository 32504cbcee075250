using System.Collections.Concurrent;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>
/// A clock for retry tests: backoff timers fire at once (or never, to cancel mid-backoff) and their delays are
/// recorded, so a full retry schedule runs in milliseconds. Timers of <c>realDuration</c> (the per-attempt timeout)
/// run on the real clock; with none given, those fire at once too, which makes a hanging attempt time out immediately.
/// <c>alsoReal</c> is a second duration run on the real clock (a ResendAfter that must not fire before an answer).
/// </summary>
internal sealed class TestClock(TimeSpan? realDuration = null, bool holdDelays = false, TimeSpan? alsoReal = null) : TimeProvider
{
    private readonly TimeSpan? _realDuration = realDuration;
    private readonly TimeSpan? _alsoReal = alsoReal;
    private readonly bool _holdDelays = holdDelays;

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly TaskCompletionSource _delayRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every delay asked for, in order, except those run on the real clock.</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    /// <summary>Completes when the first instant or held delay is asked for.</summary>
    public Task DelayRequested => _delayRequested.Task;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(this, callback, state, dueTime);

    private sealed class Timer : ITimer
    {
        private readonly TestClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private ITimer? _real;

        public Timer(TestClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            (_clock, _callback, _state) = (clock, callback, state);
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _real?.Dispose();
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            if (dueTime == _clock._realDuration || dueTime == _clock._alsoReal)
            {
                _real = System.CreateTimer(_callback, _state, dueTime, Timeout.InfiniteTimeSpan);
                return true;
            }

            _clock.Delays.Enqueue(dueTime);
            _clock._delayRequested.TrySetResult();
            if (!_clock._holdDelays)
            {
                // Never inline: the caller may not have finished setting up what the callback completes.
                ThreadPool.QueueUserWorkItem(_ => _callback(_state));
            }

            return true;
        }

        public void Dispose() => _real?.Dispose();

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
