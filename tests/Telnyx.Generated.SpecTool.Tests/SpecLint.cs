namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>
/// Spectral over a copy's spec files with the repository's ruleset, split by the copy's DEVIATIONS.md lint table
/// (read by the spec tool's <see cref="DeviationsFile"/>): a failure is accepted only when a row names its rule and its
/// location, and a row no failure matches is reported too, so the table cannot hide more than it says.
/// </summary>
internal static class SpecLint
{
    public sealed record Split(IReadOnlyList<SpectralResult> Unlisted, IReadOnlyList<SpectralResult> Listed, IReadOnlyList<LintDeviation> Unused);

    public static async Task<Split> LintAsync(string repoRoot)
    {
        var results = await Spectral.LintAsync(repoRoot, ".spectral.yaml", TimeSpan.FromMinutes(3),
            Path.Combine("spec", SpecDirectory.ActionsFile), Path.Combine("spec", SpecDirectory.WebhooksFile));
        var deviations = DeviationsFile.Lint(Path.Combine(repoRoot, "spec", SpecDirectory.DeviationsFile));
        var failing = results.Where(r => r.Fails).ToList();
        bool Listed(SpectralResult r) => deviations.Any(d => d.Matches(r.Rule, r.Location));
        return new Split(
            [.. failing.Where(r => !Listed(r))],
            [.. failing.Where(Listed)],
            [.. deviations.Where(d => !failing.Any(r => d.Matches(r.Rule, r.Location)))]);
    }
}
