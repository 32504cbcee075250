using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// An OpenAPI document (3.0 or 3.1, YAML or JSON) read by Microsoft.OpenApi, which resolves every <c>$ref</c> once and
/// reads 3.0's <c>nullable</c> and 3.1's <c>type: [x, 'null']</c> into the same model, so both versions compare alike.
/// </summary>
internal sealed class SpecDocument
{
    private SpecDocument(string path, OpenApiDocument document, OpenApiSpecVersion version)
    {
        Path = path;
        Document = document;
        Version = version;
    }

    public string Path { get; }

    public OpenApiDocument Document { get; }

    public OpenApiSpecVersion Version { get; }

    /// <summary>The version as a reader says it, e.g. <c>OpenAPI 3.1</c>.</summary>
    public string VersionName => Version switch
    {
        OpenApiSpecVersion.OpenApi3_0 => "OpenAPI 3.0",
        OpenApiSpecVersion.OpenApi3_1 => "OpenAPI 3.1",
        OpenApiSpecVersion.OpenApi3_2 => "OpenAPI 3.2",
        _ => Version.ToString(),
    };

    public static SpecDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecInputException($"Spec file not found: {path}");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecInputException($"Cannot read {path}: {e.Message}", e);
        }

        // No validation rules: drift compares what a document says, and Spectral lints ours; validating the whole
        // multi-megabyte official spec would only cost time.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        settings.AddYamlReader();
        // JSON is read as JSON: a YAML parser trips over some valid JSON (escapes, tabs) in multi-MB files.
        var format = text.TrimStart().StartsWith('{') ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        var result = OpenApiDocument.Parse(text, format, settings);
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || result.Diagnostic is null)
        {
            var reason = errors.Count == 0 ? "unreadable" : string.Join("; ", errors.Select(e => e.Message));
            throw new SpecInputException(errors.Any(e => e.Message.Contains("Version node not found", StringComparison.Ordinal))
                ? $"{path} is not an OpenAPI document (no top-level 'openapi' version)."
                : $"{path} is not a readable OpenAPI document ({format}): {reason}");
        }

        return new SpecDocument(path, result.Document, result.Diagnostic.SpecificationVersion);
    }
}
