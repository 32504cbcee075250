using System.Text;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Which generated model each wire <c>event_type</c> parses into. Mirrors the <c>x-webhooks</c> map in
/// spec/telnyx-webhooks.yaml; a test fails if the two drift apart.
/// </summary>
internal static class TelnyxWebhookEventTypes
{
    public static readonly (string EventType, byte[] Utf8, Type Type)[] Known =
    [
        Entry(CallReferStartedEvent.EventTypeName, typeof(CallReferStartedEvent)),
        Entry(CallReferCompletedEvent.EventTypeName, typeof(CallReferCompletedEvent)),
        Entry(CallReferFailedEvent.EventTypeName, typeof(CallReferFailedEvent)),
        Entry(CallSiprecStartedEvent.EventTypeName, typeof(CallSiprecStartedEvent)),
        Entry(CallSiprecStoppedEvent.EventTypeName, typeof(CallSiprecStoppedEvent)),
        Entry(CallSiprecFailedEvent.EventTypeName, typeof(CallSiprecFailedEvent)),
    ];

    private static (string, byte[], Type) Entry(string eventType, Type type) => (eventType, Encoding.UTF8.GetBytes(eventType), type);
}
