using System.Text.Json;

namespace Telnyx.Generated.Webhooks;

/// <summary>
/// Which generated model each wire <c>event_type</c> parses into. <c>Known</c> is generated at build time from the
/// <c>x-webhooks</c> map in spec/telnyx-webhooks.yaml (generator/Telnyx.Generated.SpecTool, codegen), so the
/// spec is the one list of events.
/// </summary>
internal static partial class TelnyxWebhookEventTypes
{
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
