using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// One entry of <c>x-webhooks</c>: Telnyx's webhook key, its wire <c>event_type</c>, our envelope schema, and whether
/// the event ends the call (<c>endsCall: true</c>, as <c>call.hangup</c>).
/// </summary>
internal sealed record CuratedWebhook(string Key, string EventType, string Schema, bool EndsCall = false);

/// <summary>
/// The <c>x-webhooks</c> map of spec/telnyx-webhooks.yaml, the one list of events: drift compares through it,
/// <c>import-webhook</c> adds to it and the build generates the event members and the parser's map from it.
/// </summary>
internal static partial class WebhookMap
{
    public const string Extension = "x-webhooks";
    public const string SchemaPrefix = "#/components/schemas/";

    /// <summary>The envelope every event derives from (it carries <c>meta</c>).</summary>
    public const string EnvelopeBase = "TelnyxWebhookEvent";

    /// <summary>The <c>data</c> schema every event's derives from (<c>event_type</c>, <c>id</c>, <c>occurred_at</c>, <c>record_type</c>).</summary>
    public const string DataBase = "WebhookEventData";

    /// <summary>The call's fields every call event's payload shares, which the event's <c>Payload</c> reads.</summary>
    public const string PayloadBase = "CallEventPayload";

    /// <summary>The entries in the spec's order; a malformed entry is a <see cref="SpecInputException"/> naming it.</summary>
    public static IReadOnlyList<CuratedWebhook> Read(SpecDocument curated)
    {
        if (!(curated.Document.Extensions?.TryGetValue(Extension, out var extension) ?? false))
        {
            return [];
        }

        if (extension is not JsonNodeExtension { Node: JsonObject map })
        {
            throw new SpecInputException($"{curated.Path}: {Extension} is not a map of webhook key to {{ eventType, schema }}.");
        }

        var entries = new List<CuratedWebhook>();
        foreach (var (key, entry) in map)
        {
            var schema = Text(entry?["schema"]);
            if (schema is null || !schema.StartsWith(SchemaPrefix, StringComparison.Ordinal))
            {
                throw new SpecInputException($"{curated.Path}: {Extension}.{key} has no 'schema' reference to {SchemaPrefix}...");
            }

            var eventType = Text(entry?["eventType"]);
            if (string.IsNullOrWhiteSpace(eventType))
            {
                throw new SpecInputException($"{curated.Path}: {Extension}.{key} has no 'eventType' (the wire data.event_type, such as call.hangup).");
            }

            if (!EventTypeText().IsMatch(eventType))
            {
                throw new SpecInputException($"{curated.Path}: {Extension}.{key}: eventType '{eventType}' is not an event type (letters, digits, '.', '_' and '-').");
            }

            var endsCall = entry?["endsCall"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                var other => throw new SpecInputException($"{curated.Path}: {Extension}.{key}: endsCall must be true or false, not {other.ToJsonString()}."),
            };

            if (entries.FirstOrDefault(e => e.EventType == eventType) is { } twice)
            {
                throw new SpecInputException($"{curated.Path}: {Extension}.{key} and {Extension}.{twice.Key} both have eventType {eventType}.");
            }

            entries.Add(new CuratedWebhook(key, eventType, schema[SchemaPrefix.Length..], endsCall));
        }

        return entries;
    }

    /// <summary>The schema a property or body refers to: a bare <c>$ref</c>, or our <c>description</c> + <c>allOf: [$ref]</c>.</summary>
    public static string? ReferenceId(IOpenApiSchema? schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id,
        { AllOf: [OpenApiSchemaReference only] } when schema.Properties is not { Count: > 0 } => only.Reference.Id,
        _ => null,
    };

    /// <summary>A property of a schema or of one of its allOf parts, references followed.</summary>
    public static IOpenApiSchema? Property(IOpenApiSchema? schema, string name, int depth = 0)
    {
        if (schema is null || depth > 32)
        {
            return null;
        }

        if (schema.Properties?.TryGetValue(name, out var property) == true)
        {
            return property;
        }

        return (schema.AllOf ?? []).Select(part => Property(part, name, depth + 1)).FirstOrDefault(p => p is not null);
    }

    /// <summary>Whether the schema named <paramref name="name"/> is <paramref name="ancestor"/> or derives from it through allOf references.</summary>
    public static bool DerivesFrom(OpenApiDocument document, string? name, string ancestor, int depth = 0)
    {
        if (name is null || depth > 32)
        {
            return false;
        }

        if (name == ancestor)
        {
            return true;
        }

        var schema = document.Components?.Schemas?.TryGetValue(name, out var found) == true ? found : null;
        return (schema?.AllOf ?? []).OfType<OpenApiSchemaReference>().Any(part => DerivesFrom(document, part.Reference.Id, ancestor, depth + 1));
    }

    /// <summary>A YAML scalar that is a string, else null (a number, a map, or nothing).</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // Written into C# string literals and XML docs as is, so only characters that need no escaping there.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex EventTypeText();
}
