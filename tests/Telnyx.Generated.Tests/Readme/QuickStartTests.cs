using System.Text.RegularExpressions;
using Telnyx.Generated.Tests.Build;

namespace Telnyx.Generated.Tests.Readme;

/// <summary>The README's quick start is real code: it compiles, warnings as errors, in a console project of its own.</summary>
[NonParallelizable]
public partial class QuickStartTests
{
    private TempRepository _repo = null!;

    [OneTimeSetUp]
    public void CopyRepository() => _repo = new TempRepository();

    [OneTimeTearDown]
    public void DeleteCopy() => _repo.Dispose();

    [Test]
    [Category("Slow")]
    public void Quick_start_compiles_against_the_library()
    {
        var code = QuickStartCode(File.ReadAllText(Repo.Path("README.md")));
        Assert.That(code, Does.Contain("new TelnyxClient("), "the quick start shows how to build the client");
        Assert.That(code, Does.Contain("Calls.Actions."), "and calls an action");
        var project = _repo.CreateConsumer("quickstart", code);

        var build = TempRepository.Build(project, "q");

        Assert.That(build.ExitCode, Is.Zero, $"README quick start does not compile:\n{code}\n{build.Output}");
    }

    [Test]
    public void Extracts_only_the_csharp_block_of_the_quick_start_section()
    {
        const string readme = "# X\n## Build\n```csharp\nwrong();\n```\n## Quick start\ntext\n```sh\nno\n```\n```csharp\nright();\n```\n## Next\n```csharp\nwrong();\n```\n";

        Assert.That(QuickStartCode(readme), Is.EqualTo("right();\n"));
    }

    private static string QuickStartCode(string readme)
    {
        readme = readme.Replace("\r\n", "\n");
        var section = SectionPattern().Match(readme);
        Assert.That(section.Success, Is.True, "README.md has a '## Quick start' section");
        var block = CSharpBlockPattern().Match(section.Groups["body"].Value);
        Assert.That(block.Success, Is.True, "the Quick start section has a ```csharp block");
        return block.Groups["code"].Value;
    }

    [GeneratedRegex(@"^## Quick start[ \t]*\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^```csharp[ \t]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlockPattern();
}
