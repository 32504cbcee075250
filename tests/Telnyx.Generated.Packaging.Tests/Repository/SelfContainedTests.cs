using System.Text.RegularExpressions;

namespace Telnyx.Generated.Packaging.Tests.Repository;

/// <summary>
/// A clone must build and test itself with nothing beside it: no file in the repository may point at the reference
/// folder the project was started from (spec/upstream and tests/Fixtures hold what the tools and tests need).
/// </summary>
public partial class SelfContainedTests
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "artifacts" };

    [Test]
    public void No_file_refers_to_a_path_outside_the_repository()
    {
        var offenders = Files(Repo.Root)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => OutsidePath().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Repo.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty, "copy what is needed into the repository (spec/upstream, tests/Fixtures) and read it from there");
    }

    [Test]
    public void The_check_recognises_both_forms_of_the_outside_path()
    {
        Assert.That(OutsidePath().IsMatch("Repo.Path(\"spec\", \"upstream\", \"telnyx-openapi-excerpt.yaml\")"), Is.False);
        Assert.That(OutsidePath().IsMatch("tests/Shared/Repo.cs"), Is.False);
        Assert.That(OutsidePath().IsMatch("File.ReadAllText(\"../" + "shared/x.yaml\")"), Is.True);
        Assert.That(OutsidePath().IsMatch("see shared" + "/reference/README.md"), Is.True);
        Assert.That(OutsidePath().IsMatch(".." + @"\shared\" + "reference"), Is.True);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder).Where(f => !IsBinary(f))
            .Concat(Directory.EnumerateDirectories(folder).Where(d => !Skipped.Contains(Path.GetFileName(d))).SelectMany(Files));

    private static bool IsBinary(string file) => Path.GetExtension(file) is ".dll" or ".png" or ".nupkg" or ".snupkg" or ".pdb";

    [GeneratedRegex(@"\.\.[/\\]shared\b|\bshared[/\\]reference\b")]
    private static partial Regex OutsidePath();
}
