using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>One event an operation lists in <c>x-telnyx-webhooks</c>, with what it means for that operation.</summary>
internal sealed record OperationWebhook(string EventType, WebhookRole Role);

/// <summary>One operation of spec/telnyx-call-control.yaml as the model reads it.</summary>
internal sealed record CuratedOperation(string OperationId, string Method, string Path, RepeatRule Repeat, IReadOnlyList<OperationWebhook> Webhooks, OpenApiOperation Operation)
{
    /// <summary>How drift and messages name it: <c>POST /calls/{call_control_id}/actions/refer</c>.</summary>
    public string Subject => $"{Method} {Path}";
}

/// <summary>
/// The one model of the curated spec: both files of spec/ read together, every operation with its repeat rule
/// (<c>x-telnyx-idempotency</c>) and its events with their roles (<c>x-telnyx-webhooks</c>), and every curated event
/// (<c>x-webhooks</c>). The build generates the library's operation model and event members from it; drift and the
/// imports read spec/ through it. A spec it cannot read is a <see cref="SpecInputException"/> naming the place.
/// </summary>
internal sealed class CuratedSpec
{
    public const string WebhooksExtension = "x-telnyx-webhooks";

    private CuratedSpec(SpecDocument actions, SpecDocument webhooks, IReadOnlyList<CuratedWebhook> events)
    {
        Actions = actions;
        Webhooks = webhooks;
        Events = events;
        Operations = [.. ReadOperations()];
    }

    public SpecDocument Actions { get; }

    public SpecDocument Webhooks { get; }

    /// <summary>Every operation, in the spec's order.</summary>
    public IReadOnlyList<CuratedOperation> Operations { get; }

    /// <summary>Every curated event (<c>x-webhooks</c>), in the spec's order.</summary>
    public IReadOnlyList<CuratedWebhook> Events { get; }

    public static CuratedSpec Load(string specDirectory) =>
        Read(SpecDocument.Load(Path.Combine(specDirectory, SpecDirectory.ActionsFile)), SpecDocument.Load(Path.Combine(specDirectory, SpecDirectory.WebhooksFile)));

    public static CuratedSpec Read(SpecDocument actions, SpecDocument webhooks) => new(actions, webhooks, WebhookMap.Read(webhooks));

    /// <summary>Whether spec/telnyx-webhooks.yaml curates the event type.</summary>
    public bool Curates(string eventType) => Events.Any(e => e.EventType == eventType);

    private IEnumerable<CuratedOperation> ReadOperations()
    {
        foreach (var (path, item) in Actions.Document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var subject = $"{method.Method.ToUpperInvariant()} {path}";
                var where = $"{Actions.Path}: {subject}";
                if (string.IsNullOrWhiteSpace(operation.OperationId))
                {
                    throw new SpecInputException($"{where} has no operationId.");
                }

                var repeat = RepeatRules.Parse(WebhookMap.Text(Extension(operation, RepeatRules.Extension)))
                    ?? throw new SpecInputException($"{where}: {RepeatRules.Extension} must be one of {RepeatRules.AllNames} (how Telnyx treats a repeat, which decides the client's retries).");
                yield return new CuratedOperation(operation.OperationId, method.Method.ToUpperInvariant(), path, repeat, [.. Roles(operation, where)], operation);
            }
        }
    }

    private IEnumerable<OperationWebhook> Roles(OpenApiOperation operation, string where)
    {
        if (Extension(operation, WebhooksExtension) is not JsonObject map)
        {
            throw new SpecInputException($"{where}: {WebhooksExtension} must be a map from each event type the operation produces to its role ({WebhookRoles.AllNames}), {{}} for none.");
        }

        foreach (var (eventType, value) in map)
        {
            if (!Curates(eventType))
            {
                throw new SpecInputException($"{where}: {WebhooksExtension} lists {eventType}, which {SpecDirectory.WebhooksFile} does not curate (x-webhooks); import it with import-webhook, or remove it.");
            }

            var role = WebhookRoles.Parse(WebhookMap.Text(value))
                ?? throw new SpecInputException($"{where}: {WebhooksExtension}.{eventType} must be a role ({WebhookRoles.AllNames}), not '{value?.ToJsonString()}'.");
            yield return new OperationWebhook(eventType, role);
        }
    }

    private static JsonNode? Extension(OpenApiOperation operation, string name) =>
        operation.Extensions?.TryGetValue(name, out var extension) == true && extension is JsonNodeExtension { Node: var node } ? node : null;
}
