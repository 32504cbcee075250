using System.CommandLine;

namespace Telnyx.Generated.SpecTool;

/// <summary>The arguments and options several commands share, described once.</summary>
internal static class CommonArguments
{
    public static Argument<FileInfo> OfficialSpec() => new("official-spec")
    {
        Description = "Telnyx's official OpenAPI spec (3.0 or 3.1, JSON or YAML; the whole spec3.yml or an excerpt).",
    };

    public static Option<DirectoryInfo?> SpecDir() => new("--spec-dir")
    {
        Description = "The curated spec/ directory (default: the spec/ found above the current directory).",
    };
}
