using System.Reflection;

namespace Telnyx.Generated.Conformance.Tests;

/// <summary>Paths of the repository and of the shared reference material beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>shared/reference/<paramref name="file"/> in the nearest directory above the repository that has it (CI clones main with shared/ beside it).</summary>
    public static string SharedReference(string file)
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "reference", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/reference/{file} not found in any directory above {Root}.");
    }
}
