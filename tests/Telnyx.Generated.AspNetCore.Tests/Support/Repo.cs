using System.Reflection;

namespace Telnyx.Generated.AspNetCore.Tests;

/// <summary>Paths in the repository, for tests that read or build its files.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
