namespace Telnyx.Generated.TestSupport;

/// <summary>
/// Spectral and Prism, which tests/NpmTools installs into the repository root before any project importing
/// NpmTools.targets builds. Without Node.js those tests are skipped with <see cref="MissingReason"/>; .ci/run fails them.
/// </summary>
internal static class NodeTools
{
    /// <summary>Null when node is on PATH; otherwise what to install.</summary>
    public static string? MissingReason { get; } = OnPath(OperatingSystem.IsWindows() ? "node.exe" : "node")
        ? null
        : "Node.js is not installed (no node on PATH): install Node.js 20 or later to run the Spectral and Prism tests; building the test project then runs `npm ci` itself.";

    /// <summary>The path of an npm tool's launcher, such as <c>spectral</c>; throws when the install did not happen.</summary>
    public static string Bin(string tool)
    {
        var path = Repo.Path("node_modules", ".bin", OperatingSystem.IsWindows() ? tool + ".cmd" : tool);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} not found: building a test project that imports tests/NpmTools/NpmTools.targets runs `npm ci` when node is on PATH; check its build output.");
    }

    private static bool OnPath(string program) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
}
