using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// <c>import &lt;official-spec&gt; &lt;path&gt; [--operation-id Name]</c>: copies one of Telnyx's operations, and every schema it
/// needs that spec/ lacks, into spec/telnyx-call-control.yaml following our conventions, then checks the result with
/// <c>drift</c>. Exit codes: 0 imported, 1 imported but drift remains (a bug to report), 2 nothing written (bad
/// input, or the operation is already curated, so running it again changes nothing).
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var official = CommonArguments.OfficialSpec();
        var path = new Argument<string>("path") { Description = "The official path to import, e.g. /calls/{call_control_id}/actions/hangup." };
        var operationId = new Option<string?>("--operation-id") { Description = "Our operationId (the C# method name without Async); default: derived from Telnyx's." };
        var specDir = CommonArguments.SpecDir();
        var command = new Command("import", "Copy one operation of Telnyx's spec, and the schemas it needs, into spec/ following its conventions. Exit code 0: imported, 1: imported but drift remains, 2: nothing written (unusable input or already curated).")
        {
            official, path, operationId, specDir,
        };
        command.SetAction(parse => Run(parse.GetValue(official)!.FullName, parse.GetValue(path)!, parse.GetValue(operationId), parse.GetValue(specDir)?.FullName, Console.Out, Console.Error));
        return command;
    }

    public const int Imported = 0;

    private const string ParameterPrefix = "#/components/parameters/";
    private const string ResponsePrefix = "#/components/responses/";

    public static int Run(string officialPath, string path, string? operationId, string? specDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            var specDir = SpecDirectory.Resolve(specDirectory);
            var actionsFile = Path.Combine(specDir, SpecDirectory.ActionsFile);
            var official = SpecDocument.Load(officialPath);
            var spec = CuratedSpec.Load(specDir);
            var curated = spec.Actions;
            var pathItem = official.Document.Paths.GetValueOrDefault(path)
                ?? throw new SpecInputException($"{officialPath} has no path '{path}' (paths are written as Telnyx writes them, e.g. /calls/{{call_control_id}}/actions/hangup).");
            if (pathItem.Operations is not { Count: 1 } operations)
            {
                throw new SpecInputException($"'{path}' has {pathItem.Operations?.Count ?? 0} operations in {officialPath}; import takes a path with exactly one.");
            }

            var (method, operation) = operations.Single();
            var subject = $"{method.Method.ToUpperInvariant()} {path}";
            if (curated.Document.Paths.GetValueOrDefault(path)?.Operations?.GetValueOrDefault(method) is { } existing)
            {
                throw new SpecInputException($"{subject} is already curated in spec/{SpecDirectory.ActionsFile} as {existing.OperationId}; nothing imported. Edit it there (`drift` shows how it differs from Telnyx's).");
            }

            var name = operationId ?? Naming.OperationId(operation.OperationId ?? Naming.Pascal(path));
            if (curated.Document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Any(o => o.OperationId == name))
            {
                throw new SpecInputException($"spec/ already has an operation named {name}; choose another with --operation-id.");
            }

            var importer = new SchemaImporter(curated.Document);
            var (written, idempotency, reused) = Operation(official.Document, path, pathItem, method, operation, curated.Document, importer, name, spec.Curates);

            var text = File.ReadAllText(actionsFile);
            text = YamlText.AppendToSection(text, YamlText.Entries(new JsonObject { [path] = new JsonObject { [method.Method.ToLowerInvariant()] = written } }, 2), "paths");
            if (importer.Added.Count > 0)
            {
                text = YamlText.AppendToSection(text, YamlText.Entries(importer.Added, 4), "components", "schemas");
            }

            var deviationsFile = Path.Combine(specDir, SpecDirectory.DeviationsFile);
            SpecFiles.Write(specDir, new Dictionary<string, string>
            {
                [SpecDirectory.ActionsFile] = text,
                [SpecDirectory.DeviationsFile] = DeviationsFile.Append(File.ReadAllText(deviationsFile), deviationsFile, [], importer.LintDeviations),
            });

            output.WriteLine($"Imported {subject} into {actionsFile}:");
            output.WriteLine($"  operationId: {name}   (Telnyx's: {operation.OperationId}; the C# method is {name}Async; choose another with --operation-id)");
            output.WriteLine($"  x-telnyx-idempotency: {idempotency}   ({IdempotencyReason(idempotency)}; review it)");
            var listed = ExpectedWebhooks.Listed(operation.Description);
            var uncurated = listed.Where(e => !spec.Curates(e)).ToList();
            output.WriteLine($"  {ExpectedWebhooks.Extension}: {written[ExpectedWebhooks.Extension]!.ToJsonString()}   (the events Telnyx lists that spec/{SpecDirectory.WebhooksFile} curates, with their roles read from Telnyx's list; review them{(uncurated.Count == 0 ? "" : $"; not curated: {string.Join(", ", uncurated)}")})");
            output.WriteLine($"  new schemas: {(importer.Added.Count == 0 ? "none" : string.Join(", ", importer.Added.Select(a => a.Key)))}");
            output.WriteLine($"  reused from spec/: {string.Join(", ", reused.Concat(importer.Reused).Distinct().Order(StringComparer.Ordinal))}");
            foreach (var lint in importer.LintDeviations)
            {
                output.WriteLine($"  lint deviation (in {SpecDirectory.DeviationsFile}): {lint.Rule} at {lint.Location}: {lint.Reason}");
            }

            if (importer.InventedDescriptions.Count > 0)
            {
                output.WriteLine($"  descriptions made from names (Telnyx gave none; improve them): {string.Join(", ", importer.InventedDescriptions)}");
            }

            var findings = DriftCommand.Findings(officialPath, specDir).Where(f => f.Subject == subject).ToList();
            foreach (var finding in findings)
            {
                output.WriteLine($"  drift: {finding}");
            }

            output.WriteLine(findings.Count == 0 ? $"drift: no drift for {subject}." : "drift remains after import: please report it.");
            output.WriteLine("Next: dotnet build Telnyx.Generated.sln, review the new API, then run the tests.");
            return findings.Count == 0 ? Imported : ExitCode.Drift;
        }
        catch (SpecInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCode.BadInput;
        }
    }

    private static (JsonObject Operation, string Idempotency, List<string> Reused) Operation(
        OpenApiDocument official, string path, IOpenApiPathItem pathItem, HttpMethod method, OpenApiOperation operation, OpenApiDocument curated, SchemaImporter importer, string name, Func<string, bool> curatedEvents)
    {
        var reused = new List<string>();
        var written = new JsonObject { ["operationId"] = name };
        Set(written, "summary", operation.Summary);
        Set(written, "description", operation.Description);
        var ourTags = curated.Tags?.Select(t => t.Name).OfType<string>().ToList() ?? [];
        var tag = operation.Tags?.Select(t => t.Name).OfType<string>().FirstOrDefault(ourTags.Contains) ?? ourTags.FirstOrDefault();
        if (tag is not null)
        {
            written["tags"] = new JsonArray(tag);
        }

        var hasCommandId = WireContract.OfOperation(official, pathItem, operation).Nodes.ContainsKey("request command_id");
        var idempotency = hasCommandId ? "command-id" : method == HttpMethod.Put ? "idempotent" : "none";
        written["x-telnyx-idempotency"] = idempotency;
        written[ExpectedWebhooks.Extension] = ExpectedWebhooks.Of(operation.Description, curatedEvents);

        var parameters = new JsonArray();
        foreach (var parameter in (pathItem.Parameters ?? []).Concat(operation.Parameters ?? []))
        {
            parameters.Add(Shared(curated.Components?.Parameters, parameter, WireContract.OfParameter, p => p.Description, ParameterPrefix, reused)
                ?? Parameter(parameter, importer, name));
        }

        if (parameters.Count > 0)
        {
            written["parameters"] = parameters;
        }

        if (operation.RequestBody is { } requestBody)
        {
            var request = new JsonObject { ["x-name"] = "request" };
            Set(request, "description", requestBody.Description);
            request["required"] = requestBody.Required;
            request["content"] = Content(requestBody.Content, importer, name + "Request", $"The body of the {path.Split('/')[^1]} command.");
            written["requestBody"] = request;
        }

        var responses = new JsonObject();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            responses[status] = Shared(curated.Components?.Responses, response, WireContract.OfResponse, r => r.Description, ResponsePrefix, reused)
                ?? new JsonObject { ["description"] = response.Description ?? $"{status} response", ["content"] = Content(response.Content, importer, $"{name}Response{(status == "200" ? "" : Naming.Pascal(status))}") };
        }

        written["responses"] = responses;
        return (written, idempotency, reused);
    }

    // A shared component of spec/ that means exactly the same on the wire, referenced instead of copied; when several
    // do (the 422 and default error responses share a body), the one Telnyx describes the same way.
    private static JsonObject? Shared<T>(IDictionary<string, T>? components, T theirs, Func<T, WireContract> contractOf, Func<T, string?> description, string prefix, List<string> reused)
    {
        var contract = contractOf(theirs).ToString();
        var match = (components ?? new Dictionary<string, T>())
            .Where(c => contractOf(c.Value).ToString() == contract)
            .OrderByDescending(c => description(c.Value) == description(theirs))
            .FirstOrDefault().Key;
        if (match is null)
        {
            return null;
        }

        reused.Add(match);
        return new JsonObject { ["$ref"] = prefix + match };
    }

    private static JsonObject Parameter(IOpenApiParameter parameter, SchemaImporter importer, string operation)
    {
        var written = new JsonObject { ["name"] = parameter.Name, ["in"] = parameter.In?.ToString().ToLowerInvariant() };
        if (parameter.Required)
        {
            written["required"] = true;
        }

        written["description"] = parameter.Description ?? Naming.Sentence(parameter.Name ?? "parameter");
        if (parameter.Schema is { } schema)
        {
            written["schema"] = importer.Member(schema, operation + Naming.Pascal(parameter.Name ?? "Parameter"));
        }

        return written;
    }

    private static JsonObject Content(IDictionary<string, IOpenApiMediaType>? content, SchemaImporter importer, string schemaName, string? description = null)
    {
        var written = new JsonObject();
        foreach (var (mediaType, media) in content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            written[mediaType] = media.Schema is { } schema
                ? new JsonObject { ["schema"] = new JsonObject { ["$ref"] = importer.Reference(schema, schemaName, rename: true, description) } }
                : new JsonObject();
        }

        return written;
    }

    private static string IdempotencyReason(string idempotency) => idempotency switch
    {
        "command-id" => "the request has command_id, which Telnyx de-duplicates",
        "idempotent" => "a PUT: repeating it changes nothing",
        _ => "no command_id and not a PUT: retried only when surely not processed",
    };

    private static void Set(JsonObject into, string key, string? value)
    {
        if (value is not null)
        {
            into[key] = value;
        }
    }
}
