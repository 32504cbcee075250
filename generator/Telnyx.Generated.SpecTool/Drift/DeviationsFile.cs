using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// spec/DEVIATIONS.md, read and written in one place. Two tables matter to the tool: <c>location | kind | reason</c>
/// (the drift deviations, <see cref="Deviation"/>) and <c>location | rule | reason</c> (the lint deviations,
/// <see cref="LintDeviation"/>). The file stays Markdown because people read it on GitHub; Markdig reads the tables as
/// Markdown does, so escaped pipes, spacing and inline formatting in a reason never change what the tool sees, and
/// rows are added as text, leaving the rest of the file as it was.
/// </summary>
internal static class DeviationsFile
{
    private const string DriftHeader = "| location | kind | reason |";
    private const string LintHeader = "| location | rule | reason |";

    private const string LintSection = """
        ## Lint rules that fail on Telnyx's own content

        Values `import` copied exactly from Telnyx's spec that a Spectral rule rejects. They stay as Telnyx wrote them,
        because drift compares them; a lint of spec/ ignores exactly these rules at these locations (JSON pointers).
        """;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The drift deviations; a malformed row or unknown kind is a <see cref="SpecInputException"/> naming its line.</summary>
    public static List<Deviation> Drift(string path) => [.. Rows(Read(path), path, DriftHeader).Select(row =>
    {
        if (!DriftKind.All.Contains(row.Second))
        {
            throw new SpecInputException($"{row.Where}: unknown drift kind '{row.Second}' (known: {string.Join(", ", DriftKind.All.Order())}).");
        }

        return new Deviation(row.First, row.Second, row.Reason);
    })];

    /// <summary>The lint deviations; none when the file has no lint table.</summary>
    public static List<LintDeviation> Lint(string path) => [.. Rows(Read(path), path, LintHeader).Select(row => new LintDeviation(row.First, row.Second, row.Reason))];

    /// <summary>
    /// The file's text with these rows added to their tables (the lint table and its section made when missing; the
    /// drift table must exist); a lint row the file has already is left out.
    /// </summary>
    public static string Append(string text, string path, IEnumerable<Deviation> drift, IEnumerable<LintDeviation> lint)
    {
        var known = Rows(text, path, LintHeader).Select(r => (r.First, r.Second)).ToHashSet();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        var driftRows = drift.Select(d => Row(d.Pattern, d.Kind, d.Reason)).ToList();
        if (driftRows.Count > 0 && !Insert(lines, DriftHeader, driftRows))
        {
            throw new SpecInputException($"{path} has no `{DriftHeader}` table to add to.");
        }

        var lintRows = lint.Where(l => !known.Contains((l.Location, l.Rule))).Select(l => Row(l.Location, l.Rule, l.Reason)).ToList();
        if (lintRows.Count > 0 && !Insert(lines, LintHeader, lintRows))
        {
            lines.AddRange(["", LintSection, "", LintHeader, "|---|---|---|", .. lintRows]);
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Row(string location, string second, string reason) =>
        $"| `{location}` | `{second}` | {reason.Replace("|", "\\|", StringComparison.Ordinal)} |";

    // After the table's last row; false when the file has no such table.
    private static bool Insert(List<string> lines, string header, List<string> rows)
    {
        var at = lines.FindIndex(l => l.Replace(" ", "", StringComparison.Ordinal) == header.Replace(" ", "", StringComparison.Ordinal));
        if (at < 0)
        {
            return false;
        }

        var end = at + 1;
        while (end < lines.Count && lines[end].TrimStart().StartsWith('|'))
        {
            end++;
        }

        lines.InsertRange(end, rows);
        return true;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecInputException($"Cannot read the deviations file {path}: {e.Message}", e);
        }
    }

    private sealed record TableRowText(string First, string Second, string Reason, string Where);

    // A location and its kind or rule are exactly one code span each, so a location can hold any character Markdown would interpret.
    private static IEnumerable<TableRowText> Rows(string text, string path, string header)
    {
        var columns = header.Replace(" ", "", StringComparison.Ordinal).Trim('|');
        var table = Markdown.Parse(text, Pipeline).Descendants<Table>()
            .FirstOrDefault(t => t.FirstOrDefault() is TableRow { IsHeader: true } head && string.Join("|", head.Select(Text)) == columns);
        foreach (var row in table?.OfType<TableRow>().Where(r => !r.IsHeader) ?? [])
        {
            var where = $"{path}:{row.Line + 1}";
            if (row.OfType<TableCell>().ToList() is not [var first, var second, var reason] || Code(first) is not { } location || Code(second) is not { } kind)
            {
                var names = columns.Split('|');
                throw new SpecInputException($"{where}: a deviation row is | `{(names[1] == "kind" ? "location pattern" : "location")}` | `{names[1]}` | reason |.");
            }

            if (Text(reason).Length == 0)
            {
                throw new SpecInputException($"{where}: the deviation `{location}` has no reason.");
            }

            yield return new TableRowText(location, kind, Text(reason), where);
        }
    }

    private static IEnumerable<Inline> Inlines(Block cell) => cell.Descendants<ParagraphBlock>().SelectMany(p => p.Inline?.Descendants<Inline>() ?? []);

    private static string? Code(Block cell) => Inlines(cell).ToList() is [CodeInline code] ? code.Content : null;

    private static string Text(Block cell) => string.Concat(Inlines(cell).Select(i => i switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        _ => "",
    })).Trim();
}
