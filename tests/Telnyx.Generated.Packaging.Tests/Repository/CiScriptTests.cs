namespace Telnyx.Generated.Packaging.Tests.Repository;

/// <summary>CI runs what a newcomer runs: the README's commands, read from the README, with no build before them.</summary>
public class CiScriptTests
{
    [Test]
    public void Ci_builds_nothing_before_the_readme_test_command()
    {
        var script = File.ReadAllText(Repo.Path(".ci", "run"));

        // A build first hides ordering problems that a fresh clone's `dotnet test` alone runs into.
        Assert.That(script, Does.Not.Match(@"(?m)^\s*dotnet |--no-build"), "no dotnet command of its own");
        Assert.That(script, Does.Contain("README.md"), ".ci/run reads its commands from the README");
    }
}
