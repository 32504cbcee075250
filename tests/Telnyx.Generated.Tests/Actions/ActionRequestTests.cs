using System.Reflection;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Tests.Contract;

namespace Telnyx.Generated.Tests.Actions;

/// <summary>What each operation of the spec puts on the wire: method, path, headers and body.</summary>
public class ActionRequestTests
{
    private const string Id = "v3:abc-123";

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Sends_the_method_and_path_from_the_spec(CallAction action)
    {
        using var telnyx = new RecordingTelnyx();

        await action.InvokeAsync(telnyx.Actions, Id, action.Minimal());

        var pathItem = SpecFile.CallControl.Document["paths"]![$"/calls/{{call_control_id}}/actions/{action.Path}"] as JObject;
        Assert.That(pathItem, Is.Not.Null, "the action's path is in the spec");
        Assert.That(pathItem!.Properties().Select(p => p.Name.ToUpperInvariant()), Is.EqualTo(new[] { action.Method }));
        Assert.That(telnyx.Single.Method.Method, Is.EqualTo(action.Method));
        Assert.That(telnyx.Single.Uri.AbsoluteUri, Is.EqualTo($"https://api.telnyx.com/v2/calls/v3%3Aabc-123/actions/{action.Path}"));
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Sends_auth_accept_user_agent_and_json_content_type_on_the_request_not_the_injected_client(CallAction action)
    {
        using var telnyx = new RecordingTelnyx();

        await action.InvokeAsync(telnyx.Actions, Id, action.Minimal());

        var message = telnyx.Single.Message;
        Assert.That(message.Headers.Authorization?.Scheme, Is.EqualTo("Bearer"));
        Assert.That(message.Headers.Authorization?.Parameter, Is.EqualTo(RecordingTelnyx.ApiKey));
        Assert.That(message.Headers.GetValues("Authorization"), Has.Exactly(1).Items, "one Authorization header");
        Assert.That(message.Headers.Accept.Select(a => a.MediaType), Is.EqualTo(new[] { "application/json" }));
        Assert.That(message.Headers.UserAgent.ToString(), Is.EqualTo("Telnyx.Generated/" + ExpectedVersion()));
        Assert.That(message.Content?.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(telnyx.HttpClient.DefaultRequestHeaders.Contains("Authorization"), Is.False, "the caller's HttpClient is never modified");
        Assert.That(telnyx.HttpClient.DefaultRequestHeaders, Is.Empty);
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Minimal_request_sends_an_empty_object_plus_a_generated_command_id_where_the_spec_has_one(CallAction action)
    {
        using var telnyx = new RecordingTelnyx();

        await action.InvokeAsync(telnyx.Actions, Id, action.Minimal());

        var body = telnyx.Single.Json;
        if (action.TakesCommandId)
        {
            Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "command_id" }), body.ToString());
            Assert.That(Guid.TryParseExact((string?)body["command_id"], "D", out _), Is.True, $"command_id is a UUID: {body}");
        }
        else
        {
            Assert.That(body, Is.EqualTo(new JObject()).Using<JToken>((a, b) => JToken.DeepEquals(a, b)), $"nothing set sends {{}}, got {body}");
        }
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Full_request_sends_every_field_exactly(CallAction action)
    {
        using var telnyx = new RecordingTelnyx();

        await action.InvokeAsync(telnyx.Actions, Id, action.Full());

        var body = telnyx.Single.Json;
        Assert.That(JToken.DeepEquals(body, action.FullJson), Is.True, $"expected {action.FullJson}\n     sent {body}");
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public void Full_request_covers_every_property_of_the_request_schema(CallAction action)
    {
        var names = new HashSet<string>();
        CollectNames(action.FullJson, names);
        var missing = SchemaPropertyNames(action.RequestSchema).Where(n => !names.Contains(n)).ToList();
        Assert.That(missing, Is.Empty, "the full request of this test sets every property the spec defines");
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Caller_command_id_is_kept_and_a_generated_one_is_the_same_on_every_retry(CallAction action)
    {
        if (!action.TakesCommandId)
        {
            Assert.That(action.Idempotency, Is.Not.EqualTo("command-id"), "no command_id in the spec, none generated");
            return;
        }

        var caller = await SendAsync(action, action.Full());
        Assert.That((string?)caller[0].Json["command_id"], Is.EqualTo((string?)action.FullJson["command_id"]), "the caller's command_id is sent unchanged");

        // retry-after-ms: 0 makes the retry immediate; a 503 is retried for every action.
        var generated = await SendAsync(action, action.Minimal());
        var ids = generated.Select(r => (string?)r.Json["command_id"]).ToList();
        Assert.That(ids, Has.Count.EqualTo(2), "the 503 was retried once");
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1), "a retry repeats the same command_id, so Telnyx drops the duplicate");

        static async Task<List<RecordedRequest>> SendAsync(CallAction action, object request)
        {
            using var telnyx = new RecordingTelnyx(System.Net.HttpStatusCode.ServiceUnavailable, "{}", maxRetries: 1,
                headers: new Dictionary<string, string> { ["retry-after-ms"] = "0" });
            try
            {
                await action.InvokeAsync(telnyx.Actions, Id, request);
                Assert.Fail("a 503 must throw");
            }
            catch (TelnyxApiException e)
            {
                Assert.That(e.StatusCode, Is.EqualTo(503));
            }

            return telnyx.Requests;
        }
    }

    [TestCaseSource(nameof(Engines))]
    public async Task Every_noise_suppression_engine_goes_out_as_its_spec_string(NoiseSuppressionEngine engine, string wire)
    {
        using var telnyx = new RecordingTelnyx();

        await telnyx.Actions.StartNoiseSuppressionAsync(Id, new StartNoiseSuppressionRequest { NoiseSuppressionEngine = engine });

        Assert.That((string?)telnyx.Single.Json["noise_suppression_engine"], Is.EqualTo(wire));
    }

    [TestCaseSource(typeof(CallAction), nameof(CallAction.Cases))]
    public async Task Parses_the_ok_response(CallAction action)
    {
        using var telnyx = new RecordingTelnyx();

        var response = await action.InvokeAsync(telnyx.Actions, Id, action.Full());

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
    }

    public static IEnumerable<TestCaseData> Engines()
    {
        var wire = SpecFile.CallControl.Schema("NoiseSuppressionEngine")["enum"]!.Values<string>().ToList();
        var members = Enum.GetValues<NoiseSuppressionEngine>();
        Assert.That(members, Has.Length.EqualTo(10), "ten engines");
        return members.Select((m, i) => new TestCaseData(m, wire[i]).SetArgDisplayNames(m.ToString()));
    }

    private static string ExpectedVersion()
    {
        var version = typeof(TelnyxClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var plus = version.IndexOf('+');
        var expected = plus < 0 ? version : version[..plus];
        Assert.That(expected, Does.Match(@"^\d+\.\d+\.\d+"), "a semantic version without the +commit suffix");
        return expected;
    }

    private static void CollectNames(JToken token, HashSet<string> names)
    {
        foreach (var property in token.SelectTokens("$..*").OfType<JToken>().Select(t => t.Parent).OfType<JProperty>())
        {
            names.Add(property.Name);
        }
    }

    private static IEnumerable<string> SchemaPropertyNames(string schemaName)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([schemaName]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var schema = SpecFile.CallControl.Schema(name);
            foreach (var property in SpecFile.OwnProperties(schema))
            {
                yield return property.Name;
                var reference = (string?)property.Value["$ref"] ?? (string?)property.Value["items"]?["$ref"];
                if (reference is not null && !SpecFile.IsStringEnum(SpecFile.CallControl.Schema(SpecFile.RefName(reference))))
                {
                    pending.Push(SpecFile.RefName(reference));
                }
            }
        }
    }
}
