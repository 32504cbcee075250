using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telnyx.Generated.Docs.Tests.Snippets;

/// <summary>
/// Compiles a snippet group in memory with Roslyn, as a reader's project of the Web SDK would: its implicit usings,
/// nullable on, warnings as errors, against the assemblies this test project references (the libraries, ASP.NET Core,
/// NUnit, OpenTelemetry, the sample app). No child process, so every block of every page costs a second or so.
/// </summary>
public static class SnippetCompiler
{
    // Microsoft.NET.Sdk.Web's ImplicitUsings.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>Compiles and loads the group; fails the test with every error, located by page and line.</summary>
    public static Assembly CompileAndLoad(SnippetGroup group, string assemblyName)
    {
        var trees = group.Blocks
            .Select(b => CSharpSyntaxTree.ParseText(b.Code, ParseOptions, path: b.ToString()))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "ImplicitUsings.g.cs"));
        var options = new CSharpCompilationOptions(group.IsProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            // The sample app's Program (the app of the WebApplicationFactory example) is referenced too; a program's
            // own Program wins, as in the reader's project, where the sample app is not referenced at all.
            .WithSpecificDiagnosticOptions([KeyValuePair.Create("CS0436", ReportDiagnostic.Suppress)]);
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value, options);

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToList();
        Assert.That(errors, Is.Empty, $"{group} does not compile:\n{string.Join("\n", errors)}");

        image.Position = 0;
        return new AssemblyLoadContext(assemblyName).LoadFromStream(image);
    }

    /// <summary>"docs/webhooks.md:40 +12: CS0103 ...": the block's fence line plus the line inside it.</summary>
    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.Path} +{span.StartLinePosition.Line + 1}: {diagnostic.Id} {diagnostic.GetMessage()}";
    }
}
