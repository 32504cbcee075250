using Telnyx.Generated.Docs.Tests.Pages;

namespace Telnyx.Generated.Docs.Tests.Snippets;

/// <summary>
/// Every C# block of README.md and docs/*.md compiles, and the NUnit tests among them pass: what readers copy works.
/// A block added to any page is picked up here with no test to edit.
/// </summary>
public class SnippetTests
{
    private static int _assemblies;

    [TestCaseSource(nameof(Groups))]
    [CancelAfter(120_000)]
    public async Task Compiles_and_its_tests_pass(SnippetGroup group)
    {
        await SnippetRunner.RunTestsAsync(SnippetCompiler.CompileAndLoad(group, NextAssemblyName()));
    }

    [Test]
    public void Every_page_block_is_in_a_group_and_blocks_after_a_program_join_it()
    {
        Assert.That(SnippetGroup.All.Sum(g => g.Blocks.Count), Is.EqualTo(DocsPage.All.Sum(p => p.CSharpBlocks.Count)));
        Assert.That(SnippetGroup.Of(Page("```csharp\nclass A { }\n```\n```csharp\nvar x = 1;\n```\n```csharp\nclass B { }\n```\n```csharp\nvar y = 2;\n```\n"))
            .Select(g => g.Blocks.Count), Is.EqualTo(new[] { 1, 2, 1 }));
    }

    [Test]
    public void A_block_that_does_not_compile_fails_with_its_page_and_line()
    {
        var group = SnippetGroup.Of(Page("```csharp\nvar client = new NoSuchClient();\n```\n")).Single();

        var failure = Assert.Throws<AssertionException>(() => SnippetCompiler.CompileAndLoad(group, NextAssemblyName()));

        Assert.That(failure!.Message, Does.Contain(":3 +1: CS0246"));
    }

    [Test]
    public void A_failing_test_on_a_page_fails()
    {
        var group = SnippetGroup.Of(Page("```csharp\npublic class T\n{\n    [NUnit.Framework.Test]\n    public async Task Fails() { await Task.Yield(); NUnit.Framework.Assert.That(1, NUnit.Framework.Is.EqualTo(2)); }\n}\n```\n")).Single();
        var assembly = SnippetCompiler.CompileAndLoad(group, NextAssemblyName());

        Assert.ThrowsAsync<AssertionException>(() => SnippetRunner.RunTestsAsync(assembly));
    }

    private static IEnumerable<TestCaseData> Groups() =>
        SnippetGroup.All.Select(g => new TestCaseData(g).SetArgDisplayNames(g.ToString()));

    private static string NextAssemblyName() => $"DocsSnippet{Interlocked.Increment(ref _assemblies)}";

    /// <summary>A page of its own: a title, a blank line, then the markdown.</summary>
    private static DocsPage Page(string markdown)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docs-snippet-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, "# T\n\n" + markdown);
        try
        {
            return DocsPage.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
