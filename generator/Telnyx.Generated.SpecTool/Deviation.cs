using System.Text.RegularExpressions;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// An intentional difference from Telnyx's spec, read from a table row of spec/DEVIATIONS.md:
/// <c>| `location pattern` | `kind` | reason |</c>, where <c>*</c> in the pattern matches anything.
/// </summary>
internal sealed partial record Deviation(string Pattern, string Kind, string Reason)
{
    private static readonly HashSet<string> Kinds =
    [
        DriftKind.Missing, DriftKind.Extra, DriftKind.Type, DriftKind.Format, DriftKind.Enum, DriftKind.EnumMissing,
        DriftKind.EnumExtra, DriftKind.Required, DriftKind.Default, DriftKind.ResponseMissing, DriftKind.ResponseExtra,
    ];

    private Regex Matcher => field ??= new Regex("^" + string.Join(".*", Pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);

    public bool Matches(DriftFinding finding) => finding.Kind == Kind && Matcher.IsMatch(finding.Location);

    public static List<Deviation> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecInputException($"Deviations file not found: {path}");
        }

        var deviations = new List<Deviation>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var row = Row().Match(line);
            if (!row.Success)
            {
                continue;
            }

            var kind = row.Groups["kind"].Value;
            var reason = row.Groups["reason"].Value.Trim();
            if (!Kinds.Contains(kind))
            {
                throw new SpecInputException($"{path}:{lineNumber}: unknown drift kind '{kind}' (known: {string.Join(", ", Kinds)}).");
            }

            if (reason.Length == 0)
            {
                throw new SpecInputException($"{path}:{lineNumber}: the deviation `{row.Groups["pattern"].Value}` has no reason.");
            }

            deviations.Add(new Deviation(row.Groups["pattern"].Value, kind, reason));
        }

        return deviations;
    }

    [GeneratedRegex(@"^\s*\|\s*`(?<pattern>[^`]+)`\s*\|\s*`(?<kind>[^`]+)`\s*\|(?<reason>[^|]*)\|\s*$")]
    private static partial Regex Row();
}
