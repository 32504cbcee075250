using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// One operation of the spec: its action name, HTTP method, path template, operation and body schema, and the webhook
/// event types it produces (<c>x-telnyx-webhooks</c>, in order; none when it says nothing). The action is what the CLI
/// and <see cref="RecordedCommand.Action"/> call it: the segment after <c>/actions/</c> (<c>refer</c>), or for an
/// operation on the call itself the operationId in snake_case (<c>dial</c>, <c>retrieve_call_status</c>).
/// </summary>
internal sealed record SpecOperation(string Action, string Method, string PathTemplate, OpenApiOperation Operation, JsonSchema Body, IReadOnlyList<string> Webhooks)
{
    private const string CallParameter = "{call_control_id}";

    private readonly string[] _segments = PathTemplate.Trim('/').Split('/');

    private string? _responseJson;
    private bool _responseRead;

    /// <summary>Whether the body has a <c>command_id</c> (Telnyx ignores a repeat of one on the same call).</summary>
    public bool TakesCommandId => Body.ActualProperties.ContainsKey("command_id");

    /// <summary>Whether its path names a call; one that names none (<c>POST /calls</c>) starts a new call.</summary>
    public bool TargetsCall => _segments.Contains(CallParameter);

    /// <summary>The spec's example of a request body (see <see cref="SpecExample"/>); an empty object when it has none.</summary>
    public JObject Example() => SpecExample.Of(Body) as JObject ?? [];

    /// <summary>The spec's example of a successful response body as JSON, if it gives one (read once).</summary>
    public string? ResponseJson
    {
        get
        {
            // Racing readers compute the same text.
            if (!Volatile.Read(ref _responseRead))
            {
                _responseJson = ResponseExample()?.ToString(Newtonsoft.Json.Formatting.None);
                Volatile.Write(ref _responseRead, true);
            }

            return _responseJson;
        }
    }

    /// <summary>The spec's example of a successful response body, if it gives one.</summary>
    public JToken? ResponseExample()
    {
        var success = Operation.Responses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value.ActualResponse).FirstOrDefault();
        var json = success?.Content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value;
        return json?.Example is { } example ? JToken.FromObject(example) : json?.Schema is { } schema ? SpecExample.Of(schema) : null;
    }

    /// <summary>
    /// Whether a request path (its segments after <c>/v2</c>) is this operation's, whatever the method; the
    /// <c>call_control_id</c> it names is returned (null when the path names none).
    /// </summary>
    public bool Matches(IReadOnlyList<string> segments, out string? callControlId)
    {
        callControlId = null;
        if (segments.Count != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            var template = _segments[i];
            if (template == CallParameter)
            {
                callControlId = segments[i];
            }
            else if (!(template.StartsWith('{') || string.Equals(template, segments[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
