namespace Telnyx.Generated.Cli;

/// <summary>What <c>telnyx-calls</c> exits with, so scripts can branch on the kind of failure.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked (the demo: every expected webhook arrived and verified).</summary>
    public const int Ok = 0;

    /// <summary>The operation ran and failed: Telnyx answered an error, a webhook did not verify, an expected event did not arrive.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments: unknown command or option, missing required option, malformed key.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached (connection refused, DNS, timeout).</summary>
    public const int Unreachable = 3;

    /// <summary>The server rejected the API key (401/403).</summary>
    public const int Unauthorized = 4;
}
