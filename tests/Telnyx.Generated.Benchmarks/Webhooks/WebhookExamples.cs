using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>The six example bodies from shared/reference/telnyx-webhook-examples.json, compact as Telnyx sends them.</summary>
public static class WebhookExamples
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Bodies = new(Load);

    /// <summary>The event types, in the file's order: the benchmarks' parameter values.</summary>
    public static IEnumerable<string> EventTypes => Bodies.Value.Keys;

    /// <summary>The generated model each event type parses into.</summary>
    public static Type ModelType(string eventType) => eventType switch
    {
        "call.refer.started" => typeof(CallReferStartedEvent),
        "call.refer.completed" => typeof(CallReferCompletedEvent),
        "call.refer.failed" => typeof(CallReferFailedEvent),
        "siprec.started" => typeof(CallSiprecStartedEvent),
        "siprec.stopped" => typeof(CallSiprecStoppedEvent),
        "siprec.failed" => typeof(CallSiprecFailedEvent),
        _ => throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "not one of the six example events"),
    };

    public static string Body(string eventType) => Bodies.Value[eventType];

    public static byte[] BodyBytes(string eventType) => Encoding.UTF8.GetBytes(Body(eventType));

    private static IReadOnlyDictionary<string, string> Load()
    {
        var file = JObject.Parse(File.ReadAllText(FindReference("telnyx-webhook-examples.json")));
        return ((JObject)file["examples"]!).Properties()
            .ToDictionary(p => p.Name, p => p.Value.ToString(Formatting.None), StringComparer.Ordinal);
    }

    // shared/ sits beside the clone (CI) or somewhere above a worktree: look upwards from the repository root.
    private static string FindReference(string file)
    {
        var root = typeof(WebhookExamples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/reference/{file} was not found above {root}; the benchmarks need the shared reference beside the repository.");
    }
}
