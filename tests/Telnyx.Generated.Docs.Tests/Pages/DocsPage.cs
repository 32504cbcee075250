using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Telnyx.Generated.Docs.Tests.Pages;

/// <summary>One Markdown page of the documentation, read as GitHub renders it: its C# blocks, links and anchors.</summary>
public sealed class DocsPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .Build();

    private DocsPage(string path, MarkdownDocument document)
    {
        FullPath = path;
        Name = System.IO.Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');
        CSharpBlocks = document.Descendants<FencedCodeBlock>()
            .Where(b => b.Info == "csharp")
            .Select(b => new CodeBlock(this, b.Line + 1, b.Lines.ToString()))
            .ToList();
        Links = document.Descendants<LinkInline>()
            .Where(l => l.Url is not null)
            .Select(l => new PageLink(l.Url!, l.Line + 1))
            .ToList();
        Anchors = document.Descendants<HeadingBlock>()
            .Select(h => h.GetAttributes().Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The pages: README.md and every docs/*.md, so a new page is checked with no test to edit.</summary>
    public static IReadOnlyList<DocsPage> All { get; } =
        new[] { Repo.Path("README.md") }
            .Concat(Directory.GetFiles(Repo.Path("docs"), "*.md").Order(StringComparer.Ordinal))
            .Select(Read)
            .ToList();

    /// <summary>The absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The path from the repository root, with forward slashes: <c>docs/webhooks.md</c>.</summary>
    public string Name { get; }

    /// <summary>The ```csharp blocks, in page order.</summary>
    public IReadOnlyList<CodeBlock> CSharpBlocks { get; }

    /// <summary>Every link and image target, as written.</summary>
    public IReadOnlyList<PageLink> Links { get; }

    /// <summary>The heading ids GitHub gives this page's headings.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static DocsPage Read(string path) =>
        new(System.IO.Path.GetFullPath(path), Markdown.Parse(File.ReadAllText(path).ReplaceLineEndings("\n"), Pipeline));

    public override string ToString() => Name;
}

/// <summary>A fenced C# block and where it starts (1-based line of its opening fence).</summary>
public sealed record CodeBlock(DocsPage Page, int Line, string Code)
{
    public override string ToString() => $"{Page.Name}:{Line}";
}

/// <summary>A link target as written, and its 1-based line.</summary>
public sealed record PageLink(string Url, int Line);
