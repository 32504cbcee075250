using System.Text;
using System.Text.Json;

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

    /// <summary>The model for the string token under <paramref name="reader"/>, or null; compared as UTF-8, so a known type costs no string.</summary>
    public static Type? Find(ref Utf8JsonReader reader)
    {
        foreach (var (_, utf8, type) in Known)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return type;
            }
        }

        return null;
    }

    private static (string, byte[], Type) Entry(string eventType, Type type) => (eventType, Encoding.UTF8.GetBytes(eventType), type);
}
