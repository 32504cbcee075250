using System.Text.RegularExpressions;

namespace Telnyx.Generated.Tests.Webhooks;

/// <summary>
/// The README's "Receiving webhooks" code is what users copy, so it is built and its tests are run: the handler
/// block as Program.cs of an ASP.NET Core app, the test block beside it, referencing src/Telnyx.Generated.
/// </summary>
public class ReadmeWebhooksSectionTests
{
    [Test]
    [Category("Slow")]
    [CancelAfter(300_000)]
    public void ReadmeSection_CompilesAndItsTestsPass()
    {
        string[] blocks = CSharpBlocks(File.ReadAllText(Repo.Path("README.md")));
        Assert.That(blocks, Has.Length.EqualTo(2), "the section has a handler block and a test block");
        Assert.That(blocks[0], Does.Contain("MapPost").And.Contain(".Unwrap(").And.Contain("request.Body"));
        Assert.That(blocks[1], Does.Contain("TelnyxWebhookSigner"));

        string dir = Path.Combine(Path.GetTempPath(), "telnyx-readme-webhooks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "Program.cs"), blocks[0]);
            File.WriteAllText(Path.Combine(dir, "TelnyxWebhookEndpointTests.cs"), blocks[1]);
            string library = Repo.Path("src", "Telnyx.Generated", "Telnyx.Generated.csproj");
            File.WriteAllText(Path.Combine(dir, "ReadmeWebhooks.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <IsTestProject>true</IsTestProject>
                    <!-- The README's top-level statements are the entry point. -->
                    <GenerateProgramFile>false</GenerateProgramFile>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                    <PackageReference Include="NUnit" Version="5.0.0" />
                    <PackageReference Include="NUnit3TestAdapter" Version="6.3.1" />
                    <ProjectReference Include="{library}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");

            var (exit, output) = DotnetCli.Run(dir, TimeSpan.FromMinutes(5), "test", "ReadmeWebhooks.csproj", "--nologo");
            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(output, Does.Match(@"Passed:\s+2\b"), output);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The ```csharp blocks between "## Receiving webhooks" and the next section.</summary>
    private static string[] CSharpBlocks(string readme)
    {
        int start = readme.IndexOf("\n## Receiving webhooks", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README has a '## Receiving webhooks' section");
        var next = Regex.Match(readme[(start + 1)..], @"\n(## |<!-- section:)");
        string section = next.Success ? readme.Substring(start + 1, next.Index) : readme[(start + 1)..];
        return Regex.Matches(section, @"```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
    }
}
