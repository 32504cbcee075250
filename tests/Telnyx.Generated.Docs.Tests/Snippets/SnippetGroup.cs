using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telnyx.Generated.Docs.Tests.Pages;

namespace Telnyx.Generated.Docs.Tests.Snippets;

/// <summary>
/// The C# blocks of a page that compile together, one file each: a block of top-level statements (a program) starts
/// a group, and each following block that only declares types (its tests, its classes) joins it, as a reader puts
/// them in one project. Blocks before a page's first program form a group of their own.
/// </summary>
public sealed class SnippetGroup
{
    private SnippetGroup(IReadOnlyList<CodeBlock> blocks) => Blocks = blocks;

    public IReadOnlyList<CodeBlock> Blocks { get; }

    /// <summary>Whether the group has top-level statements, so it builds an executable.</summary>
    public bool IsProgram => Blocks.Any(b => IsProgramBlock(b.Code));

    /// <summary>Every group of every page.</summary>
    public static IEnumerable<SnippetGroup> All => DocsPage.All.SelectMany(Of);

    public static IEnumerable<SnippetGroup> Of(DocsPage page)
    {
        var current = new List<CodeBlock>();
        foreach (var block in page.CSharpBlocks)
        {
            if (IsProgramBlock(block.Code) && current.Count > 0)
            {
                yield return new SnippetGroup(current);
                current = [];
            }

            current.Add(block);
        }

        if (current.Count > 0)
        {
            yield return new SnippetGroup(current);
        }
    }

    public static bool IsProgramBlock(string code) =>
        CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot().Members.Any(m => m is GlobalStatementSyntax);

    public override string ToString() => string.Join(" + ", Blocks);
}
