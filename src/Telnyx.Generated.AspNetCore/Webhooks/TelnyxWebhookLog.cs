using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// One structured line per webhook outcome, with the event id and type (null when unknown). A body that fails
/// verification is never parsed, so its line has the reason, length and a hash prefix instead.
/// </summary>
internal static partial class TelnyxWebhookLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Telnyx webhook {EventId} ({EventType}) handled by {HandlerCount} handler(s): 200")]
    public static partial void Handled(ILogger logger, string? eventId, string? eventType, int handlerCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Telnyx webhook {EventId} ({EventType}) was already handled (or is being handled); handlers skipped: 200")]
    public static partial void Duplicate(ILogger logger, string? eventId, string? eventType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Telnyx webhook rejected: signature verification failed ({Reason}); body of {BodyLength} bytes, SHA-256 {BodySha256}..., not parsed: 401")]
    public static partial void VerificationFailed(ILogger logger, string reason, int bodyLength, string bodySha256);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Telnyx webhook {EventId} ({EventType}) rejected: the verified body is not a Telnyx event: 400. {Problem}")]
    public static partial void NotAnEvent(ILogger logger, string? eventId, string? eventType, string problem);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Telnyx webhook {EventId} ({EventType}) rejected: body larger than {Limit} bytes: 413")]
    public static partial void TooLarge(ILogger logger, string? eventId, string? eventType, long limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) failed in a handler: 500, so Telnyx will deliver it again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? eventId, string? eventType);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) failed and its id could not be released from the de-duplicator: a redelivery will be skipped until the claim expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string? eventId, string? eventType);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) could not be claimed: the de-duplication store failed; handlers not run: 500, so Telnyx will deliver it again")]
    public static partial void ClaimFailed(ILogger logger, Exception exception, string? eventId, string? eventType);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Telnyx webhook {EventId} ({EventType}) was handled but could not be marked done in the de-duplication store: a copy arriving after its claim expires would run again")]
    public static partial void CompleteFailed(ILogger logger, Exception exception, string? eventId, string? eventType);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) could not be passed to the other app instances: a SendAsync awaiting it elsewhere will time out")]
    public static partial void OutcomeRelayFailed(ILogger logger, Exception exception, string? eventId, string? eventType);
}
