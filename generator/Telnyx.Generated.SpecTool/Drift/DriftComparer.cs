using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// Compares the curated fragment with an official Telnyx spec: the curated operations (matched by path and method)
/// and the curated webhooks (matched through <c>x-webhooks</c> to the official <c>webhooks</c> keys), fact by fact.
/// </summary>
internal static class DriftComparer
{
    public static (List<DriftFinding> Findings, int Operations, int Webhooks) Compare(SpecDocument official, SpecDocument curatedActions, SpecDocument curatedWebhooks)
    {
        var findings = new List<DriftFinding>();
        var operations = 0;
        foreach (var (path, pathItem) in curatedActions.Document.Paths)
        {
            foreach (var (method, ours) in pathItem.Operations ?? [])
            {
                operations++;
                var subject = $"{method.Method.ToUpperInvariant()} {path}";
                if (official.Document.Paths.GetValueOrDefault(path) is not { } theirItem || theirItem.Operations?.GetValueOrDefault(method) is not { } theirs)
                {
                    findings.Add(new(subject, "", DriftKind.Missing, "Telnyx's spec has no such operation any more (removed or moved)."));
                    continue;
                }

                Compare(WireContract.OfOperation(official.Document, theirItem, theirs), WireContract.OfOperation(curatedActions.Document, pathItem, ours), subject, findings);
            }
        }

        var webhooks = 0;
        // Our webhook headers are the header parameters the webhook fragment declares; every webhook carries them all.
        var ourHeaders = (curatedWebhooks.Document.Components?.Parameters?.Values ?? []).Where(p => p.In == ParameterLocation.Header).ToList();
        foreach (var (key, _, schema, _) in WebhookMap.Read(curatedWebhooks))
        {
            webhooks++;
            var subject = $"webhook {key}";
            var ours = Get(curatedWebhooks.Document.Components?.Schemas, schema)
                ?? throw new SpecInputException($"{curatedWebhooks.Path}: x-webhooks.{key} refers to '{WebhookMap.SchemaPrefix}{schema}', which is not a schema there.");
            var theirs = (Get(official.Document.Webhooks, key)?.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
                .Select(operation => (Operation: operation, Body: JsonSchema(operation.RequestBody?.Content)))
                .FirstOrDefault(o => o.Body is not null);
            if (theirs.Body is null)
            {
                findings.Add(new(subject, "", DriftKind.Missing, "Telnyx's spec has no such webhook (or it has no JSON body) any more."));
                continue;
            }

            var theirHeaders = (theirs.Operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Header);
            Compare(WireContract.OfWebhook(theirs.Body, theirHeaders), WireContract.OfWebhook(ours, ourHeaders), subject, findings);
        }

        return (findings, operations, webhooks);
    }

    private static TValue? Get<TValue>(IDictionary<string, TValue>? map, string key) => map is not null && map.TryGetValue(key, out var value) ? value : default;

    private static IOpenApiSchema? JsonSchema(IDictionary<string, IOpenApiMediaType>? content) =>
        content?.FirstOrDefault(c => c.Key.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;

    private static void Compare(WireContract theirs, WireContract ours, string subject, List<DriftFinding> findings)
    {
        foreach (var location in theirs.Nodes.Keys.Union(ours.Nodes.Keys).Order(StringComparer.Ordinal))
        {
            theirs.Nodes.TryGetValue(location, out var their);
            ours.Nodes.TryGetValue(location, out var our);
            // Only the outermost absent location is reported: a missing object's properties are part of it.
            if (our is null)
            {
                if (their!.Parent is null || ours.Nodes.ContainsKey(their.Parent))
                {
                    findings.Add(new(subject, location, their.IsResponse ? DriftKind.ResponseMissing : DriftKind.Missing, $"Telnyx's spec has {their.Label} ({their.Describe()}); spec/ does not."));
                }

                continue;
            }

            if (their is null)
            {
                if (our.Parent is null || theirs.Nodes.ContainsKey(our.Parent))
                {
                    findings.Add(new(subject, location, our.IsResponse ? DriftKind.ResponseExtra : DriftKind.Extra, $"spec/ has {our.Label} ({our.Describe()}); Telnyx's spec does not."));
                }

                continue;
            }

            foreach (var kind in their.Facts.Keys.Union(our.Facts.Keys).Order(StringComparer.Ordinal))
            {
                var theirValue = their.Facts.GetValueOrDefault(kind);
                var ourValue = our.Facts.GetValueOrDefault(kind);
                if (theirValue != ourValue)
                {
                    findings.AddRange(Differences(kind, their, theirValue, ourValue).Select(d => new DriftFinding(subject, location, d.Kind, d.Detail)));
                }
            }
        }
    }

    private static IEnumerable<(string Kind, string Detail)> Differences(string kind, WireContract.Node node, string? theirs, string? ours)
    {
        switch (kind)
        {
            case DriftKind.Required:
                yield return (kind, $"Telnyx's spec says {node.Label} is {Optionality(theirs)}; spec/ says {Optionality(ours)}.");
                break;
            case DriftKind.Enum when theirs is null || ours is null:
                yield return (kind, theirs is not null
                    ? $"Telnyx's spec restricts the value to [{string.Join(", ", WireContract.EnumValues(theirs))}]; spec/ does not."
                    : $"spec/ restricts the value to [{string.Join(", ", WireContract.EnumValues(ours!))}]; Telnyx's spec does not.");
                break;
            case DriftKind.Enum:
                var theirValues = WireContract.EnumValues(theirs).ToList();
                var ourValues = WireContract.EnumValues(ours).ToList();
                foreach (var value in theirValues.Except(ourValues))
                {
                    yield return (DriftKind.EnumMissing, $"Telnyx's spec allows '{value}'; spec/ does not.");
                }

                foreach (var value in ourValues.Except(theirValues))
                {
                    yield return (DriftKind.EnumExtra, $"spec/ allows '{value}'; Telnyx's spec does not.");
                }

                break;
            case DriftKind.OneOf or DriftKind.AnyOf:
                var theirVariants = theirs?.Split('\n') ?? [];
                var ourVariants = ours?.Split('\n') ?? [];
                yield return (kind, $"Telnyx's spec only: [{string.Join(" | ", theirVariants.Except(ourVariants))}]; spec/ only: [{string.Join(" | ", ourVariants.Except(theirVariants))}].");
                break;
            default:
                yield return (kind, $"Telnyx's spec: {theirs ?? "(none)"}; spec/: {ours ?? "(none)"}.");
                break;
        }
    }

    private static string Optionality(string? required) => required is null ? "optional" : "required";
}
