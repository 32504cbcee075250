using System.Reflection;

namespace Telnyx.Generated.TestSupport;

/// <summary>
/// Paths of the repository and the shared reference material, for tests driven by files. Compiled into every project
/// under tests/ by tests/Directory.Build.props, which also stamps the RepositoryRoot this reads.
/// </summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>
    /// A file in shared/reference: CI clones main with shared/ beside it (../shared), while a git worktree sits deeper
    /// (/work/wt/branch -> /work/shared), so the nearest ancestor holding shared/reference wins.
    /// </summary>
    public static string SharedReference(string file)
    {
        var searched = new List<string>();
        for (var dir = Directory.GetParent(System.IO.Path.GetFullPath(Root)); dir is not null; dir = dir.Parent)
        {
            var reference = System.IO.Path.Combine(dir.FullName, "shared", "reference");
            searched.Add(reference);
            if (Directory.Exists(reference))
            {
                return System.IO.Path.Combine(reference, file);
            }
        }

        throw new DirectoryNotFoundException(
            $"shared/reference (with {file}) was not found beside the repository {Root}; searched: {string.Join(", ", searched)}. Clone the shared folder beside the repository.");
    }
}
