using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// A value copied exactly from Telnyx's spec that a Spectral rule rejects (a <c>default: null</c> on a schema that is
/// not nullable): a row <c>| `location` | `rule` | reason |</c> of the table headed <c>location | rule | reason</c> in
/// spec/DEVIATIONS.md. <c>import</c> writes the rows; a lint of spec/ ignores that rule at that location (JSON pointer)
/// and below, and nothing else.
/// </summary>
internal sealed record LintDeviation(string Location, string Rule, string Reason)
{
    private const string Header = "| location | rule | reason |";

    private const string Section = """
        ## Lint rules that fail on Telnyx's own content

        Values `import` copied exactly from Telnyx's spec that a Spectral rule rejects. They stay as Telnyx wrote them,
        because drift compares them; a lint of spec/ ignores exactly these rules at these locations (JSON pointers).
        """;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Whether a Spectral result (its rule code and the JSON pointer of its path) is this deviation.</summary>
    public bool Matches(string rule, string pointer) =>
        rule == Rule && (pointer == Location || pointer.StartsWith(Location + "/", StringComparison.Ordinal));

    /// <summary>The rows of the file's lint table; none when it has none.</summary>
    public static List<LintDeviation> Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The file's text with these rows added to its lint table (the table and its section made when missing); rows it has already are left out.</summary>
    public static string Append(string text, string path, IEnumerable<LintDeviation> rows)
    {
        var known = Parse(text, path);
        var lines = rows.Where(r => !known.Any(k => k.Location == r.Location && k.Rule == r.Rule))
            .Select(r => $"| `{r.Location}` | `{r.Rule}` | {r.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |").ToList();
        if (lines.Count == 0)
        {
            return text;
        }

        var all = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        var header = all.IndexOf(Header);
        if (header < 0)
        {
            return string.Join("\n", all) + "\n\n" + Section + "\n\n" + Header + "\n|---|---|---|\n" + string.Join("\n", lines) + "\n";
        }

        var end = header + 2;
        while (end < all.Count && all[end].StartsWith('|'))
        {
            end++;
        }

        all.InsertRange(end, lines);
        return string.Join("\n", all) + "\n";
    }

    private static List<LintDeviation> Parse(string text, string path)
    {
        var table = Markdown.Parse(text, Pipeline).Descendants<Table>()
            .FirstOrDefault(t => t.FirstOrDefault() is TableRow { IsHeader: true } header && string.Join("|", header.Select(Text)) == "location|rule|reason");
        return table is null ? [] : [.. table.OfType<TableRow>().Where(r => !r.IsHeader).Select(row => row.OfType<TableCell>().ToList() switch
        {
            [var location, var rule, var reason] when Code(location) is { } l && Code(rule) is { } r && Text(reason).Length > 0 => new LintDeviation(l, r, Text(reason)),
            _ => throw new SpecInputException($"{path}:{row.Line + 1}: a lint deviation row is | `location` | `rule` | reason |."),
        })];
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
