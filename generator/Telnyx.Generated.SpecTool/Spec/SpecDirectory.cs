namespace Telnyx.Generated.SpecTool;

/// <summary>The curated spec/ folder: its files, and how a command finds it.</summary>
internal static class SpecDirectory
{
    public const string ActionsFile = "telnyx-call-control.yaml";
    public const string WebhooksFile = "telnyx-webhooks.yaml";
    public const string DeviationsFile = "DEVIATIONS.md";

    /// <summary>The folder given, or the spec/ found above the current directory (the README runs the tool from the repository root).</summary>
    public static string Resolve(string? given) => given ?? Find()
        ?? throw new SpecInputException($"Cannot find spec/{ActionsFile} above {Environment.CurrentDirectory}; pass --spec-dir.");

    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "spec");
                if (File.Exists(Path.Combine(candidate, ActionsFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>The exit codes every command shares.</summary>
internal static class ExitCode
{
    /// <summary>Done: no drift, or imported with no drift.</summary>
    public const int Ok = 0;

    /// <summary>Drift found (for an import: imported, but drift remains).</summary>
    public const int Drift = 1;

    /// <summary>Unusable input or command line; nothing written.</summary>
    public const int BadInput = 2;
}
