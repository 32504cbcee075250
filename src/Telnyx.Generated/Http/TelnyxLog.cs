using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.Http;

/// <summary>One structured line per attempt. Never the body, the Authorization header, the call id or SIP credentials.</summary>
internal static partial class TelnyxLog
{
    public static void Attempt(ILogger? logger, TelnyxCall call, in Attempt attempt, HttpStatusCode status, TimeSpan elapsed)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Information))
        {
            Attempt(logger, call, attempt, Status(status), elapsed);
        }
    }

    /// <summary>A status as logs and telemetry spell it. Codes below 300 format to cached strings: no allocation for a success.</summary>
    public static string Status(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    public static void Attempt(ILogger? logger, TelnyxCall call, in Attempt attempt, string status, TimeSpan elapsed)
    {
        if (logger is not null && logger.IsEnabled(LogLevel.Information))
        {
            AttemptLine(logger, call.Method, call.Operation.PathTemplate, attempt.Number, Reason(attempt.Reason), status, elapsed.TotalMilliseconds, call.CommandId);
        }
    }

    /// <summary>The reason as logs and telemetry spell it: <c>first</c>, <c>retry</c> or <c>silence</c>.</summary>
    public static string Reason(AttemptReason reason) => reason switch
    {
        AttemptReason.First => "first",
        AttemptReason.Retry => "retry",
        _ => "silence",
    };

    [LoggerMessage(EventId = 1, EventName = "TelnyxAttempt", Level = LogLevel.Information,
        Message = "Telnyx {Method} {Path} attempt {Attempt} ({Reason}): {Status} in {ElapsedMs:0.0} ms (command_id {CommandId})")]
    private static partial void AttemptLine(ILogger logger, string method, string path, int attempt, string reason, string status, double elapsedMs, string? commandId);
}
