namespace Telnyx.Generated.TestSupport;

/// <summary>The project file of a throwaway consumer app, written as a user would write it (warnings as errors).</summary>
internal static class ConsumerProject
{
    /// <param name="sdk">The project SDK, e.g. Microsoft.NET.Sdk.</param>
    /// <param name="references">The ItemGroup's content: PackageReference or ProjectReference elements.</param>
    public static string Csproj(string sdk, string references) => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
        {references}
          </ItemGroup>
        </Project>
        """;
}
