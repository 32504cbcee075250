using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.AspNetCore;

/// <summary>One structured line per webhook outcome, always with the event id and type (null when unknown).</summary>
internal static partial class TelnyxWebhookLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Telnyx webhook {EventId} ({EventType}) handled by {HandlerCount} handler(s): 200")]
    public static partial void Handled(ILogger logger, string? eventId, string? eventType, int handlerCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Telnyx webhook {EventId} ({EventType}) was already handled (or is being handled); handlers skipped: 200")]
    public static partial void Duplicate(ILogger logger, string? eventId, string? eventType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Telnyx webhook {EventId} ({EventType}) rejected: signature verification failed ({Reason}): 401. Event id and type are as claimed by the unverified body.")]
    public static partial void VerificationFailed(ILogger logger, string? eventId, string? eventType, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Telnyx webhook {EventId} ({EventType}) rejected: the verified body is not a Telnyx event: 400. {Problem}")]
    public static partial void NotAnEvent(ILogger logger, string? eventId, string? eventType, string problem);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Telnyx webhook {EventId} ({EventType}) rejected: body larger than {Limit} bytes: 413")]
    public static partial void TooLarge(ILogger logger, string? eventId, string? eventType, long limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) failed in a handler: 500, so Telnyx will deliver it again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? eventId, string? eventType);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) failed and its id could not be released from the de-duplicator: a redelivery will be skipped until the window ends")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string? eventId, string? eventType);
}
