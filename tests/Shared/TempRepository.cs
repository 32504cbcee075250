namespace Telnyx.Generated.TestSupport;

/// <summary>
/// A copy of what building the library needs (spec/, generator/, src/Telnyx.Generated/ and the root props) in a temp
/// folder outside the repository, so tests can edit the spec and build without touching the checkout. A fixture
/// creates one in OneTimeSetUp and disposes it (deleting the folder) in OneTimeTearDown. Further folders (another
/// project under src/, say) can be copied too.
/// </summary>
internal sealed class TempRepository : IDisposable
{
    /// <summary>The temp folder; the copied repository is its "repo" subfolder, throwaway projects sit beside it.</summary>
    public string Root { get; }

    public string RepoRoot => Path.Combine(Root, "repo");

    public string LibraryProject => Path.Combine(RepoRoot, "src", "Telnyx.Generated", "Telnyx.Generated.csproj");

    public string GeneratedDir => Path.Combine(RepoRoot, "src", "Telnyx.Generated", "obj", "Debug", "net10.0", "Generated");

    public string CallControlSpec => Path.Combine(RepoRoot, "spec", "telnyx-call-control.yaml");

    public TempRepository(params string[] moreFolders)
    {
        Root = Path.Combine(Path.GetTempPath(), "telnyx-generated-build-" + Guid.NewGuid().ToString("N")[..8]);
        var repo = Path.Combine(Root, "repo");
        foreach (var folder in (string[])["spec", "generator", Path.Combine("src", "Telnyx.Generated"), .. moreFolders])
        {
            CopyFolder(Repo.Path(folder), Path.Combine(repo, folder));
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Repo.Path(file), Path.Combine(repo, file));
        }

    }

    public void Dispose() => TryDelete(Root);

    /// <summary>A console project outside the copied repository with a ProjectReference to the copied library (and any other copied projects given).</summary>
    public string CreateConsumer(string name, string programSource, params string[] moreProjects)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        var references = ((string[])[LibraryProject, .. moreProjects]).Select(p => $"""    <ProjectReference Include="{Path.GetRelativePath(folder, p).Replace('\\', '/')}" />""");
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), ConsumerProject.Csproj("Microsoft.NET.Sdk", string.Join(Environment.NewLine, references)));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), programSource);
        return Path.Combine(folder, name + ".csproj");
    }

    /// <summary>Runs dotnet in a child process (see DotnetCli), giving up after 5 minutes.</summary>
    public static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] arguments) =>
        DotnetCli.Run(workingDirectory, TimeSpan.FromMinutes(5), arguments);

    /// <summary>dotnet build with the console logger at the given verbosity; -nodeReuse:false leaves no MSBuild nodes behind.</summary>
    public static (int ExitCode, string Output) Build(string project, string verbosity, params string[] extra) =>
        Dotnet(Path.GetDirectoryName(project)!, ["build", project, "-tl:off", "-nodeReuse:false", $"-v:{verbosity}", .. extra]);

    private static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            // Build output at any depth (generator/Telnyx.Generated.SpecTool/obj too): the copy builds its own.
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
