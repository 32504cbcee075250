using Microsoft.Extensions.Logging;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

/// <summary>The webhook endpoint's log lines, as the endpoint tests read them from a <see cref="WebhookApp"/>.
/// </summary>
internal static class EndpointLog
{
    public const string EndpointCategory = "Telnyx.Generated.AspNetCore";

    public static void AssertLogged(WebhookApp app, LogLevel level, string? eventId, string? eventType, string? contains = null)
    {
        var entries = app.Logs.For(EndpointCategory);
        Assert.That(
            entries,
            Has.Some.Matches<CapturingLoggerProvider.LogEntry>(e =>
                e is not null && e.Level == level
                && e.Values.TryGetValue("EventId", out var id) && Equals(id, eventId)
                && e.Values.TryGetValue("EventType", out var type) && Equals(type, eventType)
                && (contains is null || e.Message.Contains(contains, StringComparison.Ordinal))),
            () => string.Join(Environment.NewLine, entries.Select(e => $"{e.Level}: {e.Message}")));
    }
}
