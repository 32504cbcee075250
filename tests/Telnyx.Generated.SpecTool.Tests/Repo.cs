using System.Reflection;

namespace Telnyx.Generated.SpecTool.Tests;

/// <summary>Paths of the repository and of the shared reference material beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SpecDirectory => Path.Combine(Root, "spec");

    /// <summary>The official excerpt: shared/reference/ in the nearest directory above the repository that has it (CI clones main with shared/ beside it).</summary>
    public static string OfficialExcerpt { get; } = FindShared("telnyx-openapi-excerpt.yaml");

    private static string FindShared(string file)
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/reference/{file} not found in any directory above {Root}.");
    }
}
