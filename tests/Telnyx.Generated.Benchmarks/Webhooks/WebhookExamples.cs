using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Benchmarks.Webhooks;

/// <summary>The six example bodies from tests/Fixtures/telnyx-webhook-examples.json, compact as Telnyx sends them.</summary>
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
        var file = JObject.Parse(File.ReadAllText(Repo.WebhookExamples));
        return ((JObject)file["examples"]!).Properties()
            .ToDictionary(p => p.Name, p => p.Value.ToString(Formatting.None), StringComparer.Ordinal);
    }
}
