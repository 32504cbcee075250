using System.Reflection;
using PublicApiGenerator;

namespace Telnyx.Generated.Packaging.Tests.PublicApi;

/// <summary>
/// The public surface of every package (generated code included) is checked in as a listing. A change to it fails
/// here until the listing is updated on purpose: review the .received.txt beside the listing, then rerun with
/// TELNYX_ACCEPT_PUBLIC_API=1 (or copy it over the .approved.txt) and commit.
/// </summary>
public class PublicApiTests
{
    private const string AcceptVariable = "TELNYX_ACCEPT_PUBLIC_API";

    public static IEnumerable<TestCaseData> Assemblies()
    {
        yield return new TestCaseData(typeof(TelnyxClient).Assembly).SetArgDisplayNames("Telnyx.Generated");
        yield return new TestCaseData(typeof(AspNetCore.TelnyxOptions).Assembly).SetArgDisplayNames("Telnyx.Generated.AspNetCore");
        yield return new TestCaseData(typeof(AspNetCore.Redis.TelnyxRedisOptions).Assembly).SetArgDisplayNames("Telnyx.Generated.AspNetCore.Redis");
        yield return new TestCaseData(typeof(Testing.TelnyxEmulator).Assembly).SetArgDisplayNames("Telnyx.Generated.Testing");
    }

    [TestCaseSource(nameof(Assemblies))]
    public void The_public_surface_matches_the_checked_in_listing(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var approvedPath = Repo.Path("tests", "Telnyx.Generated.Packaging.Tests", "PublicApi", name + ".approved.txt");
        var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        var actual = Normalise(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false, // version and commit attributes change every build
            ExcludeAttributes = ["System.CodeDom.Compiler.GeneratedCodeAttribute"], // carries the NSwag version
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder"], // where the extension methods live
        }));
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : string.Empty;
        if (actual == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(
            $"The public API of {name} changed. If the change is intended, review {receivedPath} against {approvedPath}, then run the tests with " +
            $"{AcceptVariable}=1 (or copy the file over) and commit the listing. First difference:{Environment.NewLine}{FirstDifference(approved, actual)}");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < b.Length ? b[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}:{Environment.NewLine}- {left}{Environment.NewLine}+ {right}";
            }
        }

        return "(none)";
    }
}
