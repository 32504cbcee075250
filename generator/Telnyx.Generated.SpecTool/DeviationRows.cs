namespace Telnyx.Generated.SpecTool;

/// <summary>Adds rows to the <c>location | kind | reason</c> table of spec/DEVIATIONS.md, leaving the rest of the file as it was.</summary>
internal static class DeviationRows
{
    public static string Append(string text, IEnumerable<Deviation> rows)
    {
        var added = rows.Select(r => $"| `{r.Pattern}` | `{r.Kind}` | {r.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |").ToList();
        if (added.Count == 0)
        {
            return text;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var header = lines.FindIndex(l => l.Replace(" ", "", StringComparison.Ordinal) == "|location|kind|reason|");
        if (header < 0 || header + 1 >= lines.Count || !lines[header + 1].TrimStart().StartsWith('|'))
        {
            throw new SpecInputException($"{DriftCommand.DeviationsFile} has no `| location | kind | reason |` table to add to.");
        }

        var last = header + 1;
        while (last + 1 < lines.Count && lines[last + 1].TrimStart().StartsWith('|'))
        {
            last++;
        }

        lines.InsertRange(last + 1, added);
        return string.Join("\n", lines);
    }
}
