using System.Text.Json;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Which generated model each wire <c>event_type</c> parses into. Mirrors the <c>x-webhooks</c> map in
/// spec/telnyx-webhooks.yaml; a test fails if the two drift apart.
/// </summary>
internal static class TelnyxWebhookEventTypes
{
    public static readonly (string EventType, Type Type)[] Known =
    [
        (CallReferStartedEvent.EventTypeName, typeof(CallReferStartedEvent)),
        (CallReferCompletedEvent.EventTypeName, typeof(CallReferCompletedEvent)),
        (CallReferFailedEvent.EventTypeName, typeof(CallReferFailedEvent)),
        (CallSiprecStartedEvent.EventTypeName, typeof(CallSiprecStartedEvent)),
        (CallSiprecStoppedEvent.EventTypeName, typeof(CallSiprecStoppedEvent)),
        (CallSiprecFailedEvent.EventTypeName, typeof(CallSiprecFailedEvent)),
    ];

    /// <summary>The model for the string token under <paramref name="reader"/>, or null.</summary>
    public static Type? Find(ref Utf8JsonReader reader)
    {
        foreach (var (eventType, type) in Known)
        {
            if (reader.ValueTextEquals(eventType))
            {
                return type;
            }
        }

        return null;
    }
}
