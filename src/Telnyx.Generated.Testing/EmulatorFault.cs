using System.Net;

namespace Telnyx.Generated.Testing;

/// <summary>How an injected failure behaves; see <see cref="TelnyxEmulator.FailNext"/>.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer with an HTTP status and a Telnyx-shaped error body, without running the command.</summary>
    Status,

    /// <summary>Wait, then handle the request normally (or not at all if the client gave up first).</summary>
    Delay,

    /// <summary>Close the connection without answering; the command is not run.</summary>
    Drop,
}

/// <summary>A failure injected into the emulator's next requests, for resilience tests.</summary>
public sealed record EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, int statusCode, TimeSpan delay, TimeSpan? retryAfter)
    {
        Kind = kind;
        StatusCode = statusCode;
        Delay = delay;
        RetryAfter = retryAfter;
    }

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>The status answered, for <see cref="EmulatorFaultKind.Status"/>.</summary>
    public int StatusCode { get; }

    /// <summary>The wait, for <see cref="EmulatorFaultKind.Delay"/>.</summary>
    public TimeSpan Delay { get; }

    /// <summary>A <c>Retry-After</c> header sent with a <see cref="EmulatorFaultKind.Status"/> fault, if set.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Answer with <paramref name="statusCode"/> (for example 503 or 429) and a Telnyx error body.</summary>
    /// <param name="statusCode">An HTTP status from 400 to 599.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> (whole seconds) when set.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Status(HttpStatusCode statusCode, TimeSpan? retryAfter = null)
    {
        if ((int)statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected failure status must be from 400 to 599.");
        }

        return new EmulatorFault(EmulatorFaultKind.Status, (int)statusCode, TimeSpan.Zero, retryAfter);
    }

    /// <summary>Hold the request for <paramref name="delay"/> before handling it (to exercise client timeouts).</summary>
    /// <param name="delay">How long to wait, from zero to one day.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delayed(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero || delay > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "An injected delay must be from zero to one day.");
        }

        return new EmulatorFault(EmulatorFaultKind.Delay, 0, delay, null);
    }

    /// <summary>Drop the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault Drop() => new(EmulatorFaultKind.Drop, 0, TimeSpan.Zero, null);
}
