using System.Reflection;

namespace Telnyx.Generated.TestSupport;

/// <summary>
/// Paths inside the repository, for tests driven by files. Compiled into every project under tests/ by
/// tests/Directory.Build.props, which also stamps the RepositoryRoot this reads.
/// </summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Telnyx's own OpenAPI excerpt for the eight actions and six webhooks (see spec/upstream/README.md).</summary>
    public static string OfficialExcerpt => Path("spec", "upstream", "telnyx-openapi-excerpt.yaml");

    /// <summary>Telnyx's OpenAPI cut to every /calls operation and call webhook, from the same commit.</summary>
    public static string OfficialCallControl => Path("spec", "upstream", "telnyx-openapi-call-control.yaml");

    /// <summary>The six webhook example bodies from the official spec, wrapped in the envelope Telnyx delivers.</summary>
    public static string WebhookExamples => Path("tests", "Fixtures", "telnyx-webhook-examples.json");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
