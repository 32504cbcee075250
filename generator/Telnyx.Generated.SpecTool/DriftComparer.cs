namespace Telnyx.Generated.SpecTool;

/// <summary>
/// Compares the curated fragment with an official Telnyx spec: the curated operations (matched by path and method)
/// and the curated webhooks (matched through <c>x-webhooks</c> to the official <c>webhooks</c> keys).
/// </summary>
internal static class DriftComparer
{
    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete"];

    public static (List<DriftFinding> Findings, int Operations, int Webhooks) Compare(SpecDocument official, SpecDocument curatedActions, SpecDocument curatedWebhooks)
    {
        var findings = new List<DriftFinding>();
        var operations = 0;
        foreach (var (path, pathItem) in Map(curatedActions.Root, "paths"))
        {
            foreach (var method in Methods)
            {
                if (Map(curatedActions.Deref(pathItem)).GetValueOrDefault(method) is not Dictionary<string, object?> ours)
                {
                    continue;
                }

                operations++;
                var subject = $"{method.ToUpperInvariant()} {path}";
                var theirs = Map(official.Deref(Map(official.Root, "paths").GetValueOrDefault(path))).GetValueOrDefault(method);
                if (theirs is not Dictionary<string, object?> theirOperation)
                {
                    findings.Add(new(subject, "", DriftKind.Missing, "Telnyx's spec has no such operation any more (removed or moved)."));
                    continue;
                }

                CompareOperation(official, theirOperation, curatedActions, ours, subject, findings);
            }
        }

        var webhooks = 0;
        var officialWebhooks = Map(official.Root, "webhooks");
        foreach (var (key, entry) in Map(curatedWebhooks.Root, "x-webhooks"))
        {
            webhooks++;
            var subject = $"webhook {key}";
            if (Map(entry).GetValueOrDefault("schema") is not string reference)
            {
                throw new SpecInputException($"{curatedWebhooks.Path}: x-webhooks.{key} has no 'schema' reference.");
            }

            var theirBody = Map(official.Deref(officialWebhooks.GetValueOrDefault(key))).Values
                .OfType<Dictionary<string, object?>>()
                .Select(operation => JsonSchemaOf(official, operation.GetValueOrDefault("requestBody")))
                .FirstOrDefault(schema => schema is not null);
            if (theirBody is null)
            {
                findings.Add(new(subject, "", DriftKind.Missing, "Telnyx's spec has no such webhook (or it has no JSON body) any more."));
                continue;
            }

            CompareSchema(FlatSchema.Flatten(official, theirBody), FlatSchema.Flatten(curatedWebhooks, new Dictionary<string, object?> { ["$ref"] = reference }), subject, "", findings);
        }

        return (findings, operations, webhooks);
    }

    private static void CompareOperation(SpecDocument official, Dictionary<string, object?> theirs, SpecDocument curated, Dictionary<string, object?> ours, string subject, List<DriftFinding> findings)
    {
        var theirBody = Map(official.Deref(theirs.GetValueOrDefault("requestBody")));
        var ourBody = Map(curated.Deref(ours.GetValueOrDefault("requestBody")));
        if (IsTrue(theirBody.GetValueOrDefault("required")) != IsTrue(ourBody.GetValueOrDefault("required")))
        {
            findings.Add(new(subject, "request", DriftKind.Required, $"Telnyx's spec says the body is {Optionality(IsTrue(theirBody.GetValueOrDefault("required")))}; spec/ says {Optionality(IsTrue(ourBody.GetValueOrDefault("required")))}."));
        }

        CompareSchema(
            FlatSchema.Flatten(official, JsonSchemaOf(official, theirBody)),
            FlatSchema.Flatten(curated, JsonSchemaOf(curated, ourBody)),
            subject, "request", findings);

        var theirResponses = Map(theirs, "responses");
        var ourResponses = Map(ours, "responses");
        foreach (var status in theirResponses.Keys.Union(ourResponses.Keys).Order(StringComparer.Ordinal))
        {
            var path = $"response {status}";
            if (!ourResponses.ContainsKey(status))
            {
                findings.Add(new(subject, path, DriftKind.ResponseMissing, $"Telnyx's spec documents a {status} response ({Describe(official, theirResponses[status])}); spec/ does not."));
                continue;
            }

            if (!theirResponses.ContainsKey(status))
            {
                findings.Add(new(subject, path, DriftKind.ResponseExtra, $"spec/ documents a {status} response; Telnyx's spec does not."));
                continue;
            }

            CompareSchema(
                FlatSchema.Flatten(official, JsonSchemaOf(official, theirResponses[status])),
                FlatSchema.Flatten(curated, JsonSchemaOf(curated, ourResponses[status])),
                subject, path, findings);
        }
    }

    private static void CompareSchema(FlatSchema theirs, FlatSchema ours, string subject, string path, List<DriftFinding> findings)
    {
        void Add(string kind, string detail) => findings.Add(new(subject, path, kind, detail));

        if (theirs.Type != ours.Type)
        {
            Add(DriftKind.Type, $"Telnyx's spec: {theirs.Type ?? "any"}; spec/: {ours.Type ?? "any"}.");
        }

        if (theirs.Format != ours.Format)
        {
            Add(DriftKind.Format, $"Telnyx's spec: {theirs.Format ?? "(none)"}; spec/: {ours.Format ?? "(none)"}.");
        }

        if (theirs.Default != ours.Default)
        {
            Add(DriftKind.Default, $"Telnyx's spec: {theirs.Default ?? "(none)"}; spec/: {ours.Default ?? "(none)"}.");
        }

        if ((theirs.Enum is null) != (ours.Enum is null))
        {
            Add(DriftKind.Enum, theirs.Enum is not null
                ? $"Telnyx's spec restricts the value to [{string.Join(", ", theirs.Enum)}]; spec/ accepts any {ours.Type ?? "value"}."
                : $"spec/ restricts the value to [{string.Join(", ", ours.Enum!)}]; Telnyx's spec accepts any {theirs.Type ?? "value"}.");
        }
        else if (theirs.Enum is not null && ours.Enum is not null)
        {
            foreach (var value in theirs.Enum.Except(ours.Enum))
            {
                Add(DriftKind.EnumMissing, $"Telnyx's spec allows '{value}'; spec/ does not.");
            }

            foreach (var value in ours.Enum.Except(theirs.Enum))
            {
                Add(DriftKind.EnumExtra, $"spec/ allows '{value}'; Telnyx's spec does not.");
            }
        }

        foreach (var name in theirs.Properties.Keys.Union(ours.Properties.Keys).Order(StringComparer.Ordinal))
        {
            var child = Join(path, name);
            var inTheirs = theirs.Properties.TryGetValue(name, out var theirProperty);
            var inOurs = ours.Properties.TryGetValue(name, out var ourProperty);
            if (!inOurs)
            {
                findings.Add(new(subject, child, DriftKind.Missing, $"Telnyx's spec has {Optionality(theirs.Required.Contains(name))} property '{name}' ({theirProperty!.Describe()}); spec/ does not."));
                continue;
            }

            if (!inTheirs)
            {
                findings.Add(new(subject, child, DriftKind.Extra, $"spec/ has property '{name}' ({ourProperty!.Describe()}); Telnyx's spec does not."));
                continue;
            }

            if (theirs.Required.Contains(name) != ours.Required.Contains(name))
            {
                findings.Add(new(subject, child, DriftKind.Required, $"Telnyx's spec says '{name}' is {Optionality(theirs.Required.Contains(name))}; spec/ says {Optionality(ours.Required.Contains(name))}."));
            }

            CompareSchema(theirProperty!, ourProperty!, subject, child, findings);
        }

        if (theirs.Items is not null || ours.Items is not null)
        {
            CompareSchema(theirs.Items ?? new FlatSchema(), ours.Items ?? new FlatSchema(), subject, path + "[]", findings);
        }
    }

    // "request" and "response 422" are roots: their properties follow a space, nested properties a dot.
    private static string Join(string path, string name) => path.Length == 0 ? name : IsRoot(path) ? $"{path} {name}" : $"{path}.{name}";

    private static bool IsRoot(string path) => path == "request" || path.StartsWith("response ", StringComparison.Ordinal) && path.Split(' ').Length == 2;

    private static string Optionality(bool required) => required ? "required" : "optional";

    private static bool IsTrue(object? value) => value is "true";

    private static string Describe(SpecDocument document, object? response)
    {
        var schema = JsonSchemaOf(document, response);
        return schema is null ? "no JSON body" : FlatSchema.Flatten(document, schema).Describe();
    }

    /// <summary>The application/json schema of a request body or response (after following its $ref).</summary>
    private static object? JsonSchemaOf(SpecDocument document, object? bodyOrResponse)
    {
        var content = Map(Map(document.Deref(bodyOrResponse)), "content");
        return Map(content.GetValueOrDefault("application/json") ?? content.Values.FirstOrDefault()).GetValueOrDefault("schema");
    }

    private static Dictionary<string, object?> Map(object? node, string key) => Map(Map(node).GetValueOrDefault(key));

    private static Dictionary<string, object?> Map(object? node) => node as Dictionary<string, object?> ?? [];
}
