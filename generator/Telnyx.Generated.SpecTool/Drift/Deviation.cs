using System.IO.Enumeration;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// An intentional difference from Telnyx's spec: a row <c>| `location pattern` | `kind` | reason |</c> of the drift
/// table of spec/DEVIATIONS.md (<see cref="DeviationsFile"/>), where <c>*</c> in the pattern matches anything.
/// </summary>
internal sealed record Deviation(string Pattern, string Kind, string Reason)
{
    public bool Matches(DriftFinding finding) =>
        finding.Kind == Kind && FileSystemName.MatchesSimpleExpression(Pattern, finding.Location, ignoreCase: false);
}

/// <summary>
/// A value copied exactly from Telnyx's spec that a Spectral rule rejects (a <c>default: null</c> on a schema that is
/// not nullable): a row <c>| `location` | `rule` | reason |</c> of the lint table of spec/DEVIATIONS.md. <c>import</c>
/// writes the rows; a lint of spec/ ignores that rule at that location (JSON pointer) and below, and nothing else.
/// </summary>
internal sealed record LintDeviation(string Location, string Rule, string Reason)
{
    /// <summary>Whether a Spectral result (its rule code and the JSON pointer of its path) is this deviation.</summary>
    public bool Matches(string rule, string pointer) =>
        rule == Rule && (pointer == Location || pointer.StartsWith(Location + "/", StringComparison.Ordinal));
}
