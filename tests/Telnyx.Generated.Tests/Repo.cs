using System.Reflection;

namespace Telnyx.Generated.Tests;

/// <summary>Paths of the repository and the shared reference material, for tests driven by files.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>../shared/reference beside the repository (CI clones main with shared/ beside it).</summary>
    public static string SharedReference(string file) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "reference", file));
}
