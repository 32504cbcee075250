namespace Telnyx.Generated.SpecTool;

/// <summary>A spec or deviations file the tool cannot use (missing, unparsable, not OpenAPI): exit code 2.</summary>
internal sealed class SpecInputException(string message, Exception? inner = null) : Exception(message, inner);
