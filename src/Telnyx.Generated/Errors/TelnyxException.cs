namespace Telnyx.Generated;

/// <summary>The base of everything <see cref="TelnyxClient"/> throws for a call that did not succeed.</summary>
public abstract class TelnyxException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, free of secrets.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    private protected TelnyxException(string message, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many HTTP attempts were made before giving up (1 when nothing was retried).</summary>
    public int Attempts { get; internal set; }
}

/// <summary>No HTTP response arrived at all (refused connection, DNS failure, reset) on any attempt.</summary>
public sealed class TelnyxConnectionException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last network failure.</param>
    public TelnyxConnectionException(string message, int attempts, Exception? innerException)
        : base(message, attempts, innerException)
    {
    }
}

/// <summary>The last attempt took longer than <see cref="TelnyxClientOptions.Timeout"/>.</summary>
public sealed class TelnyxTimeoutException : TelnyxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="timeout">The per-attempt limit that was exceeded.</param>
    /// <param name="innerException">The underlying cancellation.</param>
    public TelnyxTimeoutException(string message, int attempts, TimeSpan timeout, Exception? innerException)
        : base(message, attempts, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The per-attempt limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}
