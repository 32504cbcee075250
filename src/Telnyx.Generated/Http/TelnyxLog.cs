using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.Http;

/// <summary>One structured line per attempt. Never the body, the Authorization header, the call id or SIP credentials.</summary>
internal static class TelnyxLog
{
    private static readonly Action<ILogger, string, string, int, string, double, string?, Exception?> AttemptLine =
        LoggerMessage.Define<string, string, int, string, double, string?>(
            LogLevel.Information,
            new EventId(1, "TelnyxAttempt"),
            "Telnyx {Method} {Path} attempt {Attempt}: {Status} in {ElapsedMs:0.0} ms (command_id {CommandId})");

    // Status codes below 300 format to cached strings, so a success costs no allocation when logging is off.
    public static void Attempt(ILogger? logger, TelnyxCall call, int attempt, System.Net.HttpStatusCode status, TimeSpan elapsed) =>
        Attempt(logger, call, attempt, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), elapsed);

    public static void Attempt(ILogger? logger, TelnyxCall call, int attempt, string status, TimeSpan elapsed)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Information))
        {
            AttemptLine(logger, call.Method, call.Operation.PathTemplate, attempt, status, elapsed.TotalMilliseconds, call.CommandId, null);
        }
    }
}
