namespace Telnyx.Generated.Benchmarks.Throughput;

/// <summary>One concurrency level of benchmark 4.</summary>
/// <param name="Callers">Concurrent callers, each awaiting its previous command before sending the next.</param>
/// <param name="Commands">Commands completed in the measured window.</param>
/// <param name="Errors">Commands that threw (the emulator answered with an error or the socket failed).</param>
/// <param name="Seconds">Length of the measured window.</param>
/// <param name="P50Milliseconds">Median latency of one command, send to typed response.</param>
/// <param name="P99Milliseconds">99th percentile latency.</param>
public sealed record ThroughputResult(int Callers, int Commands, int Errors, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>Completed commands per second over the measured window.</summary>
    public double CommandsPerSecond => Seconds > 0 ? Commands / Seconds : 0;
}
