using System.IO.Compression;
using System.Reflection.Metadata;
using System.Xml.Linq;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Packaging.Tests.Packaging;

/// <summary>
/// Packs every project under src/ once (Release, into a folder feed outside the repository), then checks the packages
/// and builds throwaway consumers against them. Slow (real dotnet pack/build), so kept to one fixture that runs alone.
/// </summary>
[NonParallelizable]
[Category("Slow")]
public class PackagingTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private string _work = null!;
    private string _feed = null!;
    private string _version = null!;
    private Dictionary<string, string> _packages = null!;

    [OneTimeSetUp]
    public async Task PackEverything()
    {
        _work = Directory.CreateTempSubdirectory("telnyx-packaging-").FullName;
        _feed = Path.Combine(_work, "feed");

        // A version no earlier run used, so NuGet's global cache can never hand back a stale package.
        _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        foreach (var project in Directory.GetFiles(Repo.Path("src"), "*.csproj", SearchOption.AllDirectories))
        {
            // Restore as a normal build does (a no-op after one), then pack without restoring: a restore with the test
            // version would rewrite the projects' obj/project.assets.json under builds running beside this test.
            var (restoreExit, restoreOutput) = await DotnetCli.RunAsync(Repo.Root, BuildTimeout, "restore", project, "-nodeReuse:false");
            Assert.That(restoreExit, Is.Zero, $"dotnet restore {project} failed:{Environment.NewLine}{restoreOutput}");
            var (exit, output) = await DotnetCli.RunAsync(Repo.Root, BuildTimeout, "pack", project, "--no-restore", "-c", "Release", "-o", _feed, "-p:Version=" + _version, "-nodeReuse:false", "-warnaserror");
            Assert.That(exit, Is.Zero, $"dotnet pack {project} failed:{Environment.NewLine}{output}");
        }

        _packages = Directory.GetFiles(_feed, "*.nupkg").ToDictionary(p => Path.GetFileName(p)[..^(_version.Length + ".nupkg".Length + 1)], p => p);
    }

    [OneTimeTearDown]
    public void RemoveWorkFolder()
    {
        if (_work is not null && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public void Dotnet_pack_produces_the_library_packages_with_symbol_packages()
    {
        var expected = new List<string> { "Telnyx.Generated", "Telnyx.Generated.AspNetCore", "Telnyx.Generated.AspNetCore.Redis" };
        if (Directory.Exists(Repo.Path("src", "Telnyx.Generated.Testing")))
        {
            expected.Add("Telnyx.Generated.Testing");
        }

        Assert.That(_packages.Keys, Is.SupersetOf(expected));
        Assert.That(_packages.Keys, Has.None.Contains("Tests"), "test projects are not packable");
        foreach (var id in expected)
        {
            Assert.That(File.Exists(Path.Combine(_feed, $"{id}.{_version}.snupkg")), Is.True, id + " has no symbol package");
        }
    }

    [Test]
    public void The_CLI_is_packed_as_a_dotnet_tool()
    {
        var tools = Directory.GetFiles(Repo.Path("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal))
            .Select(p => XDocument.Load(p).Descendants("PackageId").Single().Value)
            .ToList();
        Assert.That(tools, Is.Not.Empty, "the command-line tool is a dotnet tool package");
        foreach (var id in tools)
        {
            var packageTypes = Nuspec(_packages[id]).Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")!.Value);
            Assert.That(packageTypes, Does.Contain("DotnetTool"), id);
        }
    }

    [Test]
    public void Every_package_has_the_readme_the_MIT_licence_expression_and_its_repository_commit()
    {
        foreach (var (id, path) in _packages)
        {
            var nuspec = Nuspec(path);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.That(metadata.Element(ns + "license")?.Value, Is.EqualTo("MIT"), id);
            Assert.That(metadata.Element(ns + "license")?.Attribute("type")?.Value, Is.EqualTo("expression"), id);
            Assert.That(metadata.Element(ns + "readme")?.Value, Is.EqualTo("README.md"), id);
            Assert.That(metadata.Element(ns + "repository")?.Attribute("commit")?.Value, Does.Match("^[0-9a-f]{40}$"), id + ": Source Link records the commit");
            Assert.That(Entries(path), Does.Contain("README.md"), id);
        }
    }

    [Test]
    public void Library_packages_ship_XML_docs_and_portable_pdbs_with_embedded_untracked_sources()
    {
        foreach (var id in new[] { "Telnyx.Generated", "Telnyx.Generated.AspNetCore", "Telnyx.Generated.AspNetCore.Redis" })
        {
            Assert.That(Entries(_packages[id]), Does.Contain($"lib/net10.0/{id}.dll").And.Contain($"lib/net10.0/{id}.xml"), id);
            using var provider = SymbolPackagePdb(id);
            Assert.That(provider.GetMetadataReader().Documents.Count, Is.GreaterThan(0), id);
        }

        // The generated client lives under obj/ and is never committed: it must be embedded for debugging to find it.
        Assert.That(EmbeddedSourceNames("Telnyx.Generated"), Has.Some.EndsWith("CallActions.g.cs"));
    }

    [Test]
    public void NSwag_is_a_build_time_tool_and_never_a_consumer_dependency()
    {
        // The emulator and the CLI read the spec with NSwag's OpenAPI document reader (NSwag.Core); the generator is
        // never shipped, and the client libraries carry no NSwag at all.
        foreach (var (id, path) in _packages)
        {
            var dependencies = Nuspec(path).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
            string[] forbidden = id is "Telnyx.Generated" or "Telnyx.Generated.AspNetCore" ? ["NSwag"] : ["NSwag.MSBuild", "NSwag.CodeGeneration"];
            foreach (var name in forbidden)
            {
                Assert.That(dependencies, Has.None.Contains(name).IgnoreCase, id);
                Assert.That(Entries(path), Has.None.Contains(name).IgnoreCase, id);
            }
        }

        var core = Nuspec(_packages["Telnyx.Generated"]).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value);
        Assert.That(core, Is.EquivalentTo(new[] { "Newtonsoft.Json", "NSec.Cryptography", "Polly.Core", "Microsoft.Extensions.Logging.Abstractions" }), "the core package stays lean");
    }

    [Test]
    public void Only_the_Redis_package_brings_StackExchange_Redis()
    {
        Assert.That(Dependencies("Telnyx.Generated.AspNetCore"), Is.EquivalentTo(new[] { "Telnyx.Generated" }), "apps without Redis take no Redis client");
        Assert.That(Dependencies("Telnyx.Generated.AspNetCore.Redis"), Is.EquivalentTo(new[] { "Telnyx.Generated.AspNetCore", "StackExchange.Redis" }));
    }

    [Test]
    public async Task A_consumer_with_PackageReferences_to_the_packed_packages_builds_and_runs_a_call_through_AddTelnyx_with_Redis_deduplication()
    {
        var references = $"""
                <PackageReference Include="Telnyx.Generated" Version="{_version}" />
                <PackageReference Include="Telnyx.Generated.AspNetCore" Version="{_version}" />
                <PackageReference Include="Telnyx.Generated.AspNetCore.Redis" Version="{_version}" />
            """;
        await BuildAndRunAgainstEmulator("PackageConsumer", references, Consumer.DependencyInjectionProgram, withFeed: true);
    }

    [Test]
    public async Task A_consumer_with_a_ProjectReference_to_the_library_builds_and_runs_a_call()
    {
        var references = $"""    <ProjectReference Include="{Repo.Path("src", "Telnyx.Generated", "Telnyx.Generated.csproj")}" />""";
        await BuildAndRunAgainstEmulator("ProjectConsumer", references, Consumer.CoreProgram, withFeed: false);
    }

    private async Task BuildAndRunAgainstEmulator(string name, string references, string program, bool withFeed)
    {
        var folder = Path.Combine(_work, name);
        Directory.CreateDirectory(folder);
        Assert.That(Path.GetFullPath(folder), Does.Not.StartWith(Path.GetFullPath(Repo.Root)), "the consumer must not inherit the repository's build settings");
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), program);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".csproj"), ConsumerProject.Csproj("Microsoft.NET.Sdk", references));
        if (withFeed)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), Consumer.NuGetConfig(_feed));
        }

        var (buildExit, buildOutput) = await DotnetCli.RunAsync(folder, BuildTimeout, "build", "-c", "Release", "-nodeReuse:false");
        Assert.That(buildExit, Is.Zero, buildOutput);

        await using var emulator = await TelnyxEmulator.StartAsync();
        var call = emulator.CreateCall();
        var dll = Path.Combine(folder, "bin", "Release", "net10.0", name + ".dll");
        var (runExit, runOutput) = await DotnetCli.RunAsync(folder, TimeSpan.FromMinutes(1), dll, emulator.BaseUrl.ToString(), emulator.ApiKey, call);

        Assert.That(runExit, Is.Zero, runOutput);
        Assert.That(runOutput, Does.Contain("result=ok"));
        // A resend after a silence (a cold emulator's first answer can take seconds) is recorded too: the same command again.
        Assert.That(emulator.Commands.Select(c => (c.Action, c.CallControlId)).Distinct(), Is.EqualTo(new[] { ("client_state_update", call) }));
    }

    private List<string> Dependencies(string id) =>
        Nuspec(_packages[id]).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct().ToList();

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static List<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private List<string> EmbeddedSourceNames(string id)
    {
        // Portable PDB custom debug information kind for embedded source (dotnet/runtime PortablePdb-Metadata.md).
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        using var provider = SymbolPackagePdb(id);
        var reader = provider.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in reader.Documents)
        {
            foreach (var cdi in reader.GetCustomDebugInformation(handle))
            {
                if (reader.GetGuid(reader.GetCustomDebugInformation(cdi).Kind) == embeddedSource)
                {
                    names.Add(reader.GetString(reader.GetDocument(handle).Name));
                }
            }
        }

        return names;
    }

    /// <summary>The portable PDB of package <paramref name="id"/>, read from its symbol package in the feed.</summary>
    private MetadataReaderProvider SymbolPackagePdb(string id)
    {
        using var symbols = ZipFile.OpenRead(Path.Combine(_feed, $"{id}.{_version}.snupkg"));
        var pdb = new MemoryStream();
        using (var entry = symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(pdb);
    }
}
