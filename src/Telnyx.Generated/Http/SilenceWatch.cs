namespace Telnyx.Generated.Http;

/// <summary>
/// One timer for every command of a client that is waiting for its first answer, instead of one timer per command:
/// .NET's timer queue is shared by the process, and arming and disarming a timer per command showed in throughput
/// under load. Entries are kept in the order they were added, which is also the order they fall due (every entry waits
/// the same <c>after</c>), so a tick takes them from the front. The timer runs only while something is watched and
/// fires at most every tenth of <c>after</c>, so a silence is noticed up to that much late.
/// </summary>
internal sealed class SilenceWatch(TimeSpan after, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly long _afterTicks = (long)(after.TotalSeconds * clock.TimestampFrequency);
    private readonly TimeSpan _granularity = after / 10;
    private ITimer? _timer;
    private Entry? _head;
    private Entry? _tail;
    private long _armedFor;
    private bool _armed;

    /// <summary>Watches <paramref name="entry"/>: its <see cref="Entry.OnSilence"/> runs once <c>after</c> from now, unless it is removed first.</summary>
    public void Add(Entry entry)
    {
        lock (_lock)
        {
            entry.Due = clock.GetTimestamp() + _afterTicks;
            entry.Previous = _tail;
            entry.Next = null;
            entry.Watched = true;
            if (_tail is null)
            {
                _head = entry;
            }
            else
            {
                _tail.Next = entry;
            }

            _tail = entry;
            if (!_armed)
            {
                _armed = true;
                _armedFor = entry.Due;
                _timer ??= clock.CreateTimer(static watch => ((SilenceWatch)watch!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(after, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Stops watching <paramref name="entry"/>, if it still is (the timer is left to find the list empty).</summary>
    public void Remove(Entry entry)
    {
        lock (_lock)
        {
            if (entry.Watched)
            {
                Unlink(entry);
            }
        }
    }

    private void Tick()
    {
        List<(Entry Entry, int Use)>? due = null; // a few per tick; an entry's links are its next use's once unlinked
        lock (_lock)
        {
            // The time this tick was armed for counts as reached: a timer may fire a little early (and a test clock at once).
            var now = Math.Max(clock.GetTimestamp(), _armedFor);
            while (_head is { } entry && entry.Due <= now)
            {
                Unlink(entry);
                (due ??= []).Add((entry, entry.Use));
            }

            if (_head is null)
            {
                _armed = false;
            }
            else
            {
                var wait = TimeSpan.FromSeconds((double)(_head.Due - now) / clock.TimestampFrequency);
                wait = wait > _granularity ? wait : _granularity;
                _armedFor = now + (long)(wait.TotalSeconds * clock.TimestampFrequency);
                _timer!.Change(wait, Timeout.InfiniteTimeSpan);
            }
        }

        // Outside the lock: a silence starts a resend, which must not hold up the commands being added meanwhile.
        foreach (var (entry, use) in due ?? [])
        {
            entry.OnSilence(use);
        }
    }

    private void Unlink(Entry entry)
    {
        if (entry.Previous is null)
        {
            _head = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }

        if (entry.Next is null)
        {
            _tail = entry.Previous;
        }
        else
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Previous = entry.Next = null;
        entry.Watched = false;
    }

    /// <summary>Something to watch; its links live in it, so watching allocates nothing.</summary>
    internal abstract class Entry
    {
        internal Entry? Previous;
        internal Entry? Next;
        internal long Due;
        internal bool Watched;

        /// <summary>Which use of a reused entry this is; the owner changes it, under a lock on the entry, between uses.</summary>
        internal int Use;

        /// <summary>Runs on the timer's thread when the entry's <paramref name="use"/> has waited <c>after</c> without being removed.</summary>
        public abstract void OnSilence(int use);
    }
}
