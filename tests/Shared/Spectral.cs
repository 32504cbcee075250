using System.Text.Json.Nodes;

namespace Telnyx.Generated.TestSupport;

/// <summary>One Spectral result: its rule, where it points (a JSON pointer such as <c>#/paths/~1calls/post</c>) and how bad it is.</summary>
internal sealed record SpectralResult(string Rule, string Location, int Severity, string Message, string Source)
{
    /// <summary>Error (0) or warning (1): what the repository's lint fails on.</summary>
    public bool Fails => Severity <= 1;

    public override string ToString() => $"{Rule} at {Location}: {Message} ({Source})";
}

/// <summary>
/// The one way tests run Spectral (installed by tests/NpmTools): the given files against a ruleset, every result as a
/// <see cref="SpectralResult"/>; a run that outlives its timeout is killed with its whole process tree.
/// </summary>
internal static class Spectral
{
    public static async Task<IReadOnlyList<SpectralResult>> LintAsync(string workingDirectory, string ruleset, TimeSpan timeout, params string[] files)
    {
        // A report file, not stdout: Spectral's progress and warnings on the other stream never mix into the JSON.
        var report = Path.Combine(Path.GetTempPath(), $"spectral-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = await DotnetCli.RunProgramAsync(NodeTools.Bin("spectral"), workingDirectory, timeout,
                ["lint", .. files, "--ruleset", ruleset, "--format", "json", "--output", report, "--quiet", "--fail-severity", "error"]);
            if (!File.Exists(report) || JsonNode.Parse(await File.ReadAllTextAsync(report)) is not JsonArray results)
            {
                throw new InvalidOperationException($"Spectral wrote no results list (exit {exit}): {output}");
            }

            return [.. results.Select(r => new SpectralResult(
                (string)r!["code"]!,
                "#/" + string.Join("/", r["path"]!.AsArray().Select(p => p!.ToString().Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))),
                (int)r["severity"]!,
                (string?)r["message"] ?? "",
                (string?)r["source"] ?? ""))];
        }
        finally
        {
            File.Delete(report);
        }
    }
}
