namespace Telnyx.Generated.Testing.Tests.Readme;

/// <summary>The README's emulator examples are these test files verbatim, so they are compiled and run here.</summary>
public class ReadmeExampleTests
{
    [TestCase("ReadmeEmulatorExample.cs")]
    [TestCase("ReadmeWebApplicationFactoryExample.cs")]
    public void Readme_example_is_the_compiled_test_file_verbatim(string file)
    {
        var example = File.ReadAllText(Repo.Path("tests", "Telnyx.Generated.Testing.Tests", "Readme", file)).ReplaceLineEndings("\n");
        var readme = File.ReadAllText(Repo.Path("README.md")).ReplaceLineEndings("\n");

        Assert.That(readme, Does.Contain("```csharp\n" + example + "```\n"), $"copy tests/Telnyx.Generated.Testing.Tests/Readme/{file} into README.md unchanged");
    }
}
