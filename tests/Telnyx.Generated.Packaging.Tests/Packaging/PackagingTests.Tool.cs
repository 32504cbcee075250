using System.Xml.Linq;

namespace Telnyx.Generated.Packaging.Tests.Packaging;

/// <summary>The command-line tool: packed as a dotnet tool, installed from a local pack with the documented commands, and run.</summary>
public partial class PackagingTests
{
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
    public async Task The_CLI_installs_from_the_local_pack_with_dotnet_tool_install_and_runs()
    {
        // docs: `dotnet pack src/Telnyx.Generated.Cli -c Release -o artifacts/packages`, then
        // `dotnet tool install --global --add-source artifacts/packages Telnyx.Generated.Cli`. Here the pack is the one
        // above, the install goes to a folder instead of the user's global tools, and names the test's unique version.
        var tools = Path.Combine(_work, "tools");
        var (installExit, installOutput) = await DotnetCli.RunAsync(
            _work, BuildTimeout, "tool", "install", "--tool-path", tools, "--add-source", _feed, "--version", _version, "Telnyx.Generated.Cli");
        Assert.That(installExit, Is.Zero, installOutput);

        var telnyxCalls = Path.Combine(tools, OperatingSystem.IsWindows() ? "telnyx-calls.exe" : "telnyx-calls");
        var (helpExit, help) = await DotnetCli.RunProgramAsync(telnyxCalls, _work, TimeSpan.FromMinutes(1), "--help");
        Assert.That(helpExit, Is.Zero, help);
        Assert.That(help, Does.Contain("demo").And.Contain("emulator").And.Contain("listen").And.Contain("call").And.Contain("verify"));

        // The installed tool carries what it needs (the embedded spec, the emulator): the end-to-end demo passes.
        var (demoExit, demo) = await DotnetCli.RunProgramAsync(telnyxCalls, _work, TimeSpan.FromMinutes(2), "demo");
        Assert.That(demoExit, Is.Zero, demo);
    }
}
