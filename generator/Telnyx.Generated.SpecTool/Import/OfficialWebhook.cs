using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// One of Telnyx's <c>webhooks</c>: its key (<c>callHangup</c>), the <c>event_type</c> its <c>data</c> declares
/// (<c>call.hangup</c>), and its body, <c>data</c> and <c>data.payload</c> schemas as Telnyx wrote them.
/// </summary>
internal sealed record OfficialWebhook(string Key, string? EventType, IOpenApiSchema Body, IOpenApiSchema? Data, IOpenApiSchema? Payload)
{
    /// <summary>Every webhook of the document with a JSON body, in the document's order.</summary>
    public static IReadOnlyList<OfficialWebhook> All(SpecDocument official)
    {
        var webhooks = new List<OfficialWebhook>();
        foreach (var (key, item) in official.Document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            var body = (item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                .Select(o => o.RequestBody?.Content?.FirstOrDefault(c => c.Key.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Value?.Schema)
                .FirstOrDefault(s => s is not null);
            if (body is null)
            {
                continue;
            }

            var data = WebhookMap.Property(body, "data");
            webhooks.Add(new OfficialWebhook(key, EventTypeOf(WebhookMap.Property(data, "event_type")), body, data, WebhookMap.Property(data, "payload")));
        }

        return webhooks;
    }

    // Telnyx pins each event's type as a one-value enum; a const or the example says the same where it does not.
#pragma warning disable CS0618 // the singular `example` Telnyx writes is kept in the member marked obsolete for 3.1's `examples`
    private static string? EventTypeOf(IOpenApiSchema? eventType) =>
        new[] { eventType?.Enum?.FirstOrDefault(), eventType?.Const is { } c ? JsonValue.Create(c) : null, eventType?.Example }
            .OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var text) ? text : null).FirstOrDefault(t => !string.IsNullOrEmpty(t));
#pragma warning restore CS0618
}
