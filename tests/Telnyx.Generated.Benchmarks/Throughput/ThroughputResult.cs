namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>One concurrency level of benchmark 4: TelnyxClient and the hand-written baseline, measured in alternating rounds.</summary>
/// <param name="Callers">Concurrent callers, each awaiting its previous command before sending the next.</param>
/// <param name="Ours">TelnyxClient with default options.</param>
/// <param name="Raw">A hand-written HttpClient + Newtonsoft call against the same emulator.</param>
/// <param name="RoundRatios">Ours / raw commands per second of each pair of alternating rounds.</param>
public sealed record ThroughputResult(int Callers, ThroughputRun Ours, ThroughputRun Raw, IReadOnlyList<double> RoundRatios)
{
    /// <summary>Ours / raw commands per second over all rounds: 1.0 means the client costs nothing a socket can see.</summary>
    public double Ratio => Raw.CommandsPerSecond > 0 ? Ours.CommandsPerSecond / Raw.CommandsPerSecond : 0;

    /// <summary>
    /// The median of <see cref="RoundRatios"/>: on a shared machine a burst of someone else's load slows one round of a
    /// fraction of a second by half, which moves <see cref="Ratio"/> but not the median of the pairs.
    /// </summary>
    public double MedianRatio
    {
        get
        {
            var sorted = RoundRatios.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}

/// <summary>What one client did at one concurrency level, summed over its rounds.</summary>
/// <param name="Commands">Commands completed in the measured windows.</param>
/// <param name="Errors">Commands that threw (the emulator answered with an error or the socket failed).</param>
/// <param name="Seconds">Total length of the measured windows.</param>
/// <param name="P50Milliseconds">Median latency of one command, send to typed response.</param>
/// <param name="P99Milliseconds">99th percentile latency.</param>
/// <param name="CpuMicrosecondsPerCommand">Process CPU time (client and emulator) per completed command: less sensitive than wall time to other load on the machine.</param>
/// <param name="KilobytesPerCommand">Bytes allocated in the process (client and emulator) per command, in KB.</param>
/// <param name="GcPauseMicrosecondsPerCommand">Time the process spent paused for garbage collection, per command.</param>
public sealed record ThroughputRun(int Commands, int Errors, double Seconds, double P50Milliseconds, double P99Milliseconds, double CpuMicrosecondsPerCommand, double KilobytesPerCommand, double GcPauseMicrosecondsPerCommand)
{
    /// <summary>Completed commands per second over the measured windows.</summary>
    public double CommandsPerSecond => Seconds > 0 ? Commands / Seconds : 0;
}
