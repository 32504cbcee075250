namespace Telnyx.Generated.SpecTool;

/// <summary>
/// <c>drift &lt;official-spec&gt;</c>: compares spec/ with an official Telnyx spec and prints what differs, except the
/// deviations listed in spec/DEVIATIONS.md. Exit codes: 0 no drift, 1 drift, 2 unusable input.
/// </summary>
internal static class DriftCommand
{
    public const int NoDrift = 0;
    public const int Drift = 1;
    public const int BadInput = 2;

    public const string ActionsFile = "telnyx-call-control.yaml";
    public const string WebhooksFile = "telnyx-webhooks.yaml";
    public const string DeviationsFile = "DEVIATIONS.md";

    public static int Run(string officialPath, string? specDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            var specDir = specDirectory ?? FindSpecDirectory()
                ?? throw new SpecInputException($"Cannot find spec/{ActionsFile} above {Environment.CurrentDirectory}; pass --spec-dir.");
            var official = SpecDocument.Load(officialPath);
            var actions = SpecDocument.Load(Path.Combine(specDir, ActionsFile));
            var webhooks = SpecDocument.Load(Path.Combine(specDir, WebhooksFile));
            var deviations = Deviation.Load(Path.Combine(specDir, DeviationsFile));

            var (all, operations, webhookCount) = DriftComparer.Compare(official, actions, webhooks);
            var reported = all.Where(f => !deviations.Any(d => d.Matches(f))).ToList();
            var ignored = all.Count - reported.Count;

            output.WriteLine($"Drift check: {Path.GetFullPath(specDir)} against {Path.GetFullPath(officialPath)} (read as {official.VersionName})");
            output.WriteLine($"Compared {operations} operations and {webhookCount} webhooks; {ignored} intentional deviation(s) from {DeviationsFile} not reported.");
            foreach (var unused in deviations.Where(d => !all.Any(d.Matches)))
            {
                output.WriteLine($"note: deviation `{unused.Pattern}` ({unused.Kind}) matched nothing; remove it from {DeviationsFile} if Telnyx's spec now agrees.");
            }

            if (reported.Count == 0)
            {
                output.WriteLine("No drift.");
                return NoDrift;
            }

            output.WriteLine();
            foreach (var group in reported.GroupBy(f => f.Subject))
            {
                output.WriteLine(group.Key);
                foreach (var finding in group)
                {
                    output.WriteLine($"  [{finding.Kind}] {(finding.Path.Length == 0 ? "(whole)" : finding.Path)}: {finding.Detail}");
                }
            }

            output.WriteLine();
            output.WriteLine($"{reported.Count} difference(s). Update spec/ to match (then build and test), or list an intentional deviation with its reason in spec/{DeviationsFile}.");
            return Drift;
        }
        catch (SpecInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }

    /// <summary>The comparison itself, for callers (tests) that want the findings rather than the report.</summary>
    public static IReadOnlyList<DriftFinding> Findings(string officialPath, string specDirectory)
    {
        var (all, _, _) = DriftComparer.Compare(
            SpecDocument.Load(officialPath),
            SpecDocument.Load(Path.Combine(specDirectory, ActionsFile)),
            SpecDocument.Load(Path.Combine(specDirectory, WebhooksFile)));
        var deviations = Deviation.Load(Path.Combine(specDirectory, DeviationsFile));
        return all.Where(f => !deviations.Any(d => d.Matches(f))).ToList();
    }

    // Run from anywhere inside the repository (docs/spec.md's `dotnet run --project ...` runs in the repo root).
    public static string? FindSpecDirectory()
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
