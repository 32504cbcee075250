using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// The webhooks an operation produces. Telnyx says it in prose, under "Expected Webhooks" in the operation's description
/// (<c>- `call.refer.started`</c>, <c>- `call.answered` or `call.hangup`</c>); spec/ says it as the structured
/// <c>x-telnyx-webhooks</c>: the listed event types that spec/telnyx-webhooks.yaml curates, in Telnyx's order. The
/// emulator delivers what it says.
/// </summary>
internal static partial class ExpectedWebhooks
{
    public const string Extension = "x-telnyx-webhooks";

    /// <summary>Every event type the description lists under "Expected Webhooks", in order, once each.</summary>
    public static IReadOnlyList<string> Listed(string? description)
    {
        var start = description?.IndexOf("Expected Webhooks", StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return [];
        }

        // Only bullet lines list events; the backticked words in them that are not event types (`stream_url`) have no dot.
        return [.. description![start..].Split('\n')
            .Where(line => line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            .SelectMany(line => Backticked().Matches(line).Select(m => m.Groups[1].Value))
            .Where(word => EventType().IsMatch(word))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The event types spec/telnyx-webhooks.yaml curates: the <c>eventType</c> of each <c>x-webhooks</c> entry.</summary>
    public static IReadOnlySet<string> Curated(OpenApiDocument webhooks) =>
        webhooks.Extensions is { } extensions && extensions.TryGetValue("x-webhooks", out var webhookMap) && webhookMap is JsonNodeExtension { Node: JsonObject map }
            ? map.Select(entry => entry.Value?["eventType"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The value of <c>x-telnyx-webhooks</c> for an operation so described.</summary>
    public static JsonArray Of(string? description, IReadOnlySet<string> curated) =>
        [.. Listed(description).Where(curated.Contains).Select(type => (JsonNode)type)];

    /// <summary>
    /// The curated spec's text with every operation's <c>x-telnyx-webhooks</c> line recomputed from its description,
    /// for a webhook curated after the operations that produce it; the rest of the text is untouched.
    /// </summary>
    public static string Refresh(string actionsText, OpenApiDocument actions, IReadOnlySet<string> curated)
    {
        var operations = (actions.Paths ?? new OpenApiPaths()).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var lines = Line().Matches(actionsText);
        if (lines.Count != operations.Count)
        {
            throw new SpecInputException($"The curated spec has {operations.Count} operations but {lines.Count} '{Extension}:' lines; give every operation one.");
        }

        // Document order is text order: the n-th line belongs to the n-th operation.
        var i = lines.Count;
        foreach (var line in lines.Reverse())
        {
            var value = YamlText.Entries(new JsonObject { [Extension] = Of(operations[--i].Description, curated) }, line.Groups[1].Length).TrimEnd('\n');
            actionsText = string.Concat(actionsText.AsSpan(0, line.Index), value, actionsText.AsSpan(line.Index + line.Length));
        }

        return actionsText;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
    private static partial Regex EventType();

    [GeneratedRegex(@"^( *)" + Extension + ":.*$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
