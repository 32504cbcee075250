using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>The Redis queue's own lines, numbered after <c>TelnyxWebhookQueueLog</c>'s.</summary>
internal static partial class RedisQueueLog
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "Removed {Count} departed consumer(s) from the Telnyx webhook queue's group")]
    public static partial void ConsumersForgotten(ILogger logger, int count);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Could not remove departed consumers from the Telnyx webhook queue's group; trying again in {Delay}")]
    public static partial void ForgetFailed(ILogger logger, Exception exception, TimeSpan delay);
}
