using System.IO.Enumeration;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Telnyx.Generated.SpecTool;

/// <summary>
/// An intentional difference from Telnyx's spec: a row <c>| `location pattern` | `kind` | reason |</c> of the table
/// headed <c>location | kind | reason</c> in spec/DEVIATIONS.md, where <c>*</c> in the pattern matches anything.
/// The file stays Markdown because people read it on GitHub; Markdig reads the table as Markdown does, so escaped
/// pipes, spacing and inline formatting in the reason never change what the tool sees.
/// </summary>
internal sealed record Deviation(string Pattern, string Kind, string Reason)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public bool Matches(DriftFinding finding) =>
        finding.Kind == Kind && FileSystemName.MatchesSimpleExpression(Pattern, finding.Location, ignoreCase: false);

    public static List<Deviation> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecInputException($"Deviations file not found: {path}");
        }

        var table = Markdown.Parse(File.ReadAllText(path), Pipeline).Descendants<Table>()
            .FirstOrDefault(t => t.FirstOrDefault() is TableRow { IsHeader: true } header && string.Join("|", header.Select(Text)) == "location|kind|reason");
        if (table is null)
        {
            return [];
        }

        var deviations = new List<Deviation>();
        foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().ToList();
            var where = $"{path}:{row.Line + 1}";
            if (cells.Count != 3 || Code(cells[0]) is not { } pattern || Code(cells[1]) is not { } kind)
            {
                throw new SpecInputException($"{where}: a deviation row is | `location pattern` | `kind` | reason |.");
            }

            if (!DriftKind.All.Contains(kind))
            {
                throw new SpecInputException($"{where}: unknown drift kind '{kind}' (known: {string.Join(", ", DriftKind.All.Order())}).");
            }

            var reason = Text(cells[2]);
            if (reason.Length == 0)
            {
                throw new SpecInputException($"{where}: the deviation `{pattern}` has no reason.");
            }

            deviations.Add(new Deviation(pattern, kind, reason));
        }

        return deviations;
    }

    private static IEnumerable<Inline> Inlines(Block cell) => cell.Descendants<ParagraphBlock>().SelectMany(p => p.Inline?.Descendants<Inline>() ?? []);

    // A pattern or kind is exactly one code span, so a location can hold any character Markdown would interpret.
    private static string? Code(Block cell) => Inlines(cell).ToList() is [CodeInline code] ? code.Content : null;

    private static string Text(Block cell) => string.Concat(Inlines(cell).Select(i => i switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        _ => "",
    })).Trim();
}
