using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.AspNetCore;

/// <summary>The queued path's lines (<see cref="TelnyxOptions.QueueWebhooks"/>), numbered after <see cref="TelnyxWebhookLog"/>'s.</summary>
internal static partial class TelnyxWebhookQueueLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Telnyx webhook {EventId} ({EventType}) queued: 200")]
    public static partial void Queued(ILogger logger, string? eventId, string? eventType);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Telnyx webhook {EventId} ({EventType}) could not be queued: the queue's store failed: 500, so Telnyx will deliver it again")]
    public static partial void EnqueueFailed(ILogger logger, Exception exception, string? eventId, string? eventType);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Queued Telnyx webhook {EventId} ({EventType}) handled by {HandlerCount} handler(s) on attempt {Attempt}")]
    public static partial void Handled(ILogger logger, string? eventId, string? eventType, int handlerCount, int attempt);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Queued Telnyx webhook {EventId} ({EventType}) failed in a handler on attempt {Attempt} of {MaxAttempts}")]
    public static partial void AttemptFailed(ILogger logger, Exception exception, string? eventId, string? eventType, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 24, Level = LogLevel.Error, Message = "Queued Telnyx webhook {EventId} ({EventType}) moved to the dead letters after {Attempts} attempt(s)")]
    public static partial void DeadLettered(ILogger logger, string? eventId, string? eventType, int attempts);

    [LoggerMessage(EventId = 25, Level = LogLevel.Warning, Message = "The Telnyx webhook queue's store failed ({Step}); retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string step, TimeSpan delay);

    [LoggerMessage(EventId = 26, Level = LogLevel.Error, Message = "Queued Telnyx webhook entry {EntryId} is not a Telnyx event and moved to the dead letters")]
    public static partial void Unreadable(ILogger logger, Exception exception, string entryId);
}
