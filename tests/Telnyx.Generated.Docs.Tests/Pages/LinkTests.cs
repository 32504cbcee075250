namespace Telnyx.Generated.Docs.Tests.Pages;

/// <summary>A reader who follows a link lands somewhere, and every page can be reached from another.</summary>
public class LinkTests
{
    [TestCaseSource(nameof(Pages))]
    public void Every_relative_link_points_to_a_file_and_heading_that_exist(DocsPage page)
    {
        var broken = page.Links.Select(link => (link, problem: Problem(page, link.Url))).Where(l => l.problem is not null)
            .Select(l => $"{page.Name}:{l.link.Line}: ({l.link.Url}) {l.problem}").ToList();

        Assert.That(broken, Is.Empty, "broken relative links (a page that another branch adds only lands with that branch):\n" + string.Join("\n", broken));
    }

    [Test]
    public void Every_docs_page_is_linked_from_another_page()
    {
        var linked = DocsPage.All
            .SelectMany(page => page.Links.Select(link => Target(page, link.Url)).Where(t => t is not null && t.Value.File != page.FullPath))
            .Select(t => t!.Value.File)
            .ToHashSet(StringComparer.Ordinal);

        var orphans = DocsPage.All.Where(p => p.Name.StartsWith("docs/", StringComparison.Ordinal) && !linked.Contains(p.FullPath)).Select(p => p.Name);

        Assert.That(orphans, Is.Empty, "pages no other page links to: add each to the README's Documentation table");
    }

    [Test]
    public void A_link_to_a_missing_file_or_heading_is_reported()
    {
        var readme = DocsPage.All[0];

        Assert.That(Problem(readme, "docs/no-such-page.md"), Does.Contain("no file"));
        Assert.That(Problem(readme, "docs/commands.md#no-such-heading"), Does.Contain("no heading"));
        Assert.That(Problem(readme, "#build-and-test"), Is.Null);
        Assert.That(Problem(readme, "https://developers.telnyx.com/"), Is.Null);
    }

    private static IEnumerable<DocsPage> Pages() => DocsPage.All;

    /// <summary>Why the link leads nowhere, or null when it resolves (or is not relative).</summary>
    private static string? Problem(DocsPage page, string url)
    {
        if (Target(page, url) is not { } target)
        {
            return null;
        }

        if (!File.Exists(target.File) && !Directory.Exists(target.File))
        {
            return "no file " + Path.GetRelativePath(Repo.Root, target.File);
        }

        if (target.Anchor is null || !target.File.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        return DocsPage.Read(target.File).Anchors.Contains(target.Anchor) ? null : $"no heading #{target.Anchor} in {Path.GetRelativePath(Repo.Root, target.File)}";
    }

    /// <summary>The file and anchor a relative link points to; null for absolute URLs (http:, mailto:, ...).</summary>
    private static (string File, string? Anchor)? Target(DocsPage page, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
        {
            return null;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : url[(hash + 1)..];
        var file = path.Length == 0 ? page.FullPath : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page.FullPath)!, Uri.UnescapeDataString(path)));
        return (file.TrimEnd('/', Path.DirectorySeparatorChar), anchor);
    }
}
