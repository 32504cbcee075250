using System.Reflection;

namespace Telnyx.Generated.Testing.Tests.Readme;

/// <summary>The README's emulator example is ReadmeEmulatorExample.cs verbatim, so it is compiled and run here.</summary>
public class ReadmeExampleTests
{
    [Test]
    public void Readme_emulator_example_is_the_compiled_test_file_verbatim()
    {
        var root = Repo.Root;
        var example = File.ReadAllText(Path.Combine(root, "tests", "Telnyx.Generated.Testing.Tests", "Readme", "ReadmeEmulatorExample.cs")).ReplaceLineEndings("\n");
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");

        Assert.That(readme, Does.Contain("```csharp\n" + example + "```\n"), "copy tests/Telnyx.Generated.Testing.Tests/Readme/ReadmeEmulatorExample.cs into README.md unchanged");
    }
}
