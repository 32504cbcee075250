using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// The webhooks an operation produces and what each means for it. Telnyx says it in prose, under "Expected Webhooks"
/// in the operation's description (<c>- `call.refer.started`</c>, <c>- `call.answered` or `call.hangup`</c>,
/// <c>... if `stream_url` was set</c>); spec/ says it as the structured <c>x-telnyx-webhooks</c>: the listed event
/// types that spec/telnyx-webhooks.yaml curates, in Telnyx's order, each with its role. The imports write the roles
/// read here into the spec, where a reviewer sees and may correct them.
/// </summary>
internal static partial class ExpectedWebhooks
{
    public const string Extension = CuratedSpec.WebhooksExtension;

    // Last words of events that begin something or report along the way, never a command's outcome on their own.
    private static readonly string[] Beginnings = ["started", "initiated", "received"];

    /// <summary>Every event type the description lists under "Expected Webhooks", in order, once each.</summary>
    public static IReadOnlyList<string> Listed(string? description) => [.. Lines(description).SelectMany(l => l.Events).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every listed event with its role for the operation, in order:
    /// <list type="bullet">
    /// <item>an event listed on a condition (<c>if `stream_url` was set</c>) is <c>later</c>: another feature's news;</item>
    /// <item><c>*.failed</c> and <c>*.error</c> are <c>failure</c>, and so is an event that ends the call offered as
    /// the alternative to another (<c>`call.answered` or `call.hangup`</c>);</item>
    /// <item><c>*.stopped</c> when its <c>*.started</c> is listed is <c>later</c>: another command stops what this one started;</item>
    /// <item>of the rest, the first that is not a beginning (<c>started</c>, <c>initiated</c>, <c>received</c>, or
    /// delivered many times), with its alternatives, is <c>success</c> (else the last); those before it are
    /// <c>progress</c> and those after it <c>later</c>.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<OperationWebhook> Roles(string? description)
    {
        var lines = Lines(description);
        var listed = Listed(description);
        var line = listed.ToDictionary(e => e, e => lines.First(l => l.Events.Contains(e)));
        var roles = listed.ToDictionary(e => e, e => Fixed(e, line[e], listed));
        var open = listed.Where(e => roles[e] is null).ToList();
        if (open.Count > 0)
        {
            var outcome = open.FirstOrDefault(e => !Beginnings.Contains(Word(e)) && !line[e].Many) ?? open[^1];
            var success = open.Where(e => e == outcome || (line[e] == line[outcome] && line[e].Alternatives)).ToList();
            var first = open.IndexOf(success[0]);
            foreach (var e in open)
            {
                roles[e] = success.Contains(e) ? WebhookRole.Success : open.IndexOf(e) < first ? WebhookRole.Progress : WebhookRole.Later;
            }
        }

        return [.. listed.Select(e => new OperationWebhook(e, roles[e]!.Value))];
    }

    /// <summary>Whether an event type ends the call (<c>call.hangup</c>): what <c>import-webhook</c> writes as <c>endsCall</c>.</summary>
    public static bool EndsCall(string eventType) => Word(eventType) == "hangup";

    /// <summary>The value of <c>x-telnyx-webhooks</c> for an operation so described: the curated events with their roles.</summary>
    public static JsonObject Of(string? description, Func<string, bool> curated) =>
        Map(Roles(description).Where(w => curated(w.EventType)));

    /// <summary>The YAML value of <c>x-telnyx-webhooks</c> for these events.</summary>
    public static JsonObject Map(IEnumerable<OperationWebhook> webhooks) =>
        new(webhooks.Select(w => KeyValuePair.Create(w.EventType, (JsonNode?)WebhookRoles.Name(w.Role))));

    /// <summary>
    /// The curated spec's text with every operation's <c>x-telnyx-webhooks</c> recomputed from its description, for a
    /// webhook curated after the operations that produce it; roles already written (perhaps corrected by a reviewer)
    /// are kept, and the rest of the text is untouched.
    /// </summary>
    public static string Refresh(string actionsText, OpenApiDocument actions, Func<string, bool> curated)
    {
        var operations = (actions.Paths ?? new OpenApiPaths()).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var blocks = Block().Matches(actionsText);
        if (blocks.Count != operations.Count)
        {
            throw new SpecInputException($"The curated spec has {operations.Count} operations but {blocks.Count} '{Extension}:' entries; give every operation one.");
        }

        // Document order is text order: the n-th block belongs to the n-th operation.
        var i = blocks.Count;
        foreach (var block in blocks.Reverse())
        {
            var operation = operations[--i];
            var written = operation.Extensions?.TryGetValue(Extension, out var e) == true && e is JsonNodeExtension { Node: JsonObject map } ? map : [];
            var roles = Roles(operation.Description).Where(w => curated(w.EventType))
                .Select(w => WebhookRoles.Parse(WebhookMap.Text(written[w.EventType])) is { } kept ? w with { Role = kept } : w);
            var value = YamlText.Entries(new JsonObject { [Extension] = Map(roles) }, block.Groups[1].Length).TrimEnd('\n');
            actionsText = string.Concat(actionsText.AsSpan(0, block.Index), value, actionsText.AsSpan(block.Index + block.Length));
        }

        return actionsText;
    }

    private static WebhookRole? Fixed(string eventType, ListLine line, IReadOnlyList<string> listed) =>
        line.Conditional ? WebhookRole.Later
        : Word(eventType) is "failed" or "error" ? WebhookRole.Failure
        : EndsCall(eventType) && line.Alternatives && line.Events[0] != eventType ? WebhookRole.Failure
        : Word(eventType) == "stopped" && listed.Contains(Kind(eventType) + ".started") ? WebhookRole.Later
        : null;

    private sealed record ListLine(IReadOnlyList<string> Events, bool Conditional, bool Alternatives, bool Many);

    // Only bullet lines list events; the backticked words in them that are not event types (`stream_url`) have no dot.
    private static List<ListLine> Lines(string? description)
    {
        var start = description?.IndexOf("Expected Webhooks", StringComparison.Ordinal) ?? -1;
        return start < 0 ? [] : [.. description![start..].Split('\n')
            .Where(line => line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            .Select(line => (Text: line, Events: Backticked().Matches(line).Select(m => m.Groups[1].Value).Where(w => EventType().IsMatch(w)).ToList()))
            .Where(line => line.Events.Count > 0)
            .Select(line => new ListLine(line.Events, Conditional().IsMatch(line.Text), line.Events.Count > 1 && line.Text.Contains(" or ", StringComparison.Ordinal), line.Text.Contains("many", StringComparison.Ordinal)))];
    }

    // call.refer.failed: kind call.refer, word failed.
    private static string Kind(string eventType) => eventType[..Math.Max(eventType.LastIndexOf('.'), 0)];

    private static string Word(string eventType) => eventType[(eventType.LastIndexOf('.') + 1)..];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)+$")]
    private static partial Regex EventType();

    [GeneratedRegex(@"[ (]if ")]
    private static partial Regex Conditional();

    // The key line and the more indented lines of its block map.
    [GeneratedRegex(@"^( *)" + Extension + @":.*(?:\n\1  +\S.*)*", RegexOptions.Multiline)]
    private static partial Regex Block();
}
