using System.CommandLine;
namespace Telnyx.Generated.SpecTool;

/// <summary>
/// <c>drift &lt;official-spec&gt;</c>: compares spec/ with an official Telnyx spec and prints what differs, except the
/// deviations listed in spec/DEVIATIONS.md. Exit codes: 0 no drift, 1 drift, 2 unusable input.
/// </summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var official = CommonArguments.OfficialSpec();
        var specDir = CommonArguments.SpecDir();
        var command = new Command("drift", "Report where spec/ differs from Telnyx's official spec, except the deviations in spec/DEVIATIONS.md. Exit code 0: no drift, 1: drift, 2: unusable input.")
        {
            official, specDir,
        };
        command.SetAction(parse => Run(parse.GetValue(official)!.FullName, parse.GetValue(specDir)?.FullName, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string officialPath, string? specDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            var specDir = SpecDirectory.Resolve(specDirectory);
            var official = SpecDocument.Load(officialPath);
            var actions = SpecDocument.Load(Path.Combine(specDir, SpecDirectory.ActionsFile));
            var webhooks = SpecDocument.Load(Path.Combine(specDir, SpecDirectory.WebhooksFile));
            var deviations = DeviationsFile.Drift(Path.Combine(specDir, SpecDirectory.DeviationsFile));

            var (all, operations, webhookCount) = DriftComparer.Compare(official, actions, webhooks);
            var reported = all.Where(f => !deviations.Any(d => d.Matches(f))).ToList();
            var ignored = all.Count - reported.Count;

            output.WriteLine($"Drift check: {Path.GetFullPath(specDir)} against {Path.GetFullPath(officialPath)} (read as {official.VersionName})");
            output.WriteLine($"Compared {operations} operations and {webhookCount} webhooks; {ignored} intentional deviation(s) from {SpecDirectory.DeviationsFile} not reported.");
            foreach (var unused in deviations.Where(d => !all.Any(d.Matches)))
            {
                output.WriteLine($"note: deviation `{unused.Pattern}` ({unused.Kind}) matched nothing; remove it from {SpecDirectory.DeviationsFile} if Telnyx's spec now agrees.");
            }

            if (reported.Count == 0)
            {
                output.WriteLine("No drift.");
                return ExitCode.Ok;
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
            output.WriteLine($"{reported.Count} difference(s). Update spec/ to match (then build and test), or list an intentional deviation with its reason in spec/{SpecDirectory.DeviationsFile}.");
            return ExitCode.Drift;
        }
        catch (SpecInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCode.BadInput;
        }
    }

    /// <summary>The comparison itself, for callers (tests) that want the findings rather than the report.</summary>
    public static IReadOnlyList<DriftFinding> Findings(string officialPath, string specDirectory)
    {
        var (all, _, _) = DriftComparer.Compare(
            SpecDocument.Load(officialPath),
            SpecDocument.Load(Path.Combine(specDirectory, SpecDirectory.ActionsFile)),
            SpecDocument.Load(Path.Combine(specDirectory, SpecDirectory.WebhooksFile)));
        var deviations = DeviationsFile.Drift(Path.Combine(specDirectory, SpecDirectory.DeviationsFile));
        return all.Where(f => !deviations.Any(d => d.Matches(f))).ToList();
    }
}
