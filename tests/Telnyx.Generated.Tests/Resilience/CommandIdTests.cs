using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>A retried command must not run twice: one command_id per logical call, the same on every attempt.</summary>
public class CommandIdTests
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);

    private static List<string?> CommandIds(ScriptedTelnyx telnyx) =>
        telnyx.Sent.Select(b => JObject.Parse(b)["command_id"]?.Value<string>()).ToList();

    [TestCaseSource(typeof(Actions), nameof(Actions.WithCommandId))]
    public async Task Every_attempt_of_one_call_carries_the_same_fresh_uuid(string action)
    {
        using var telnyx = new ScriptedTelnyx("500, reset, 200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);

        await Actions.Call(client, action);

        var ids = CommandIds(telnyx);
        Assert.That(ids, Has.Count.EqualTo(3));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1), "one id for all attempts");
        Assert.That(Guid.TryParse(ids[0], out _), Is.True, $"a UUID: {ids[0]}");
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.WithCommandId))]
    public async Task Separate_calls_get_distinct_ids_even_with_the_same_request_object(string action)
    {
        using var telnyx = new ScriptedTelnyx("200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);
        var request = Actions.Request(action);

        for (var i = 0; i < 5; i++)
        {
            await Actions.Call(client, action, request);
        }

        Assert.That(CommandIds(telnyx).Distinct().Count(), Is.EqualTo(5));
        Assert.That(Actions.CommandIdOf(request), Is.Null, "the caller's object is not mutated");
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.WithCommandId))]
    public async Task The_callers_own_id_is_sent_unchanged_on_every_attempt(string action)
    {
        using var telnyx = new ScriptedTelnyx("503, 503, 200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);
        const string mine = "my-own id/é \"quoted\"";
        var request = Actions.Request(action, mine);

        await Actions.Call(client, action, request);

        Assert.That(CommandIds(telnyx), Is.EqualTo(new[] { mine, mine, mine }));
        Assert.That(Actions.CommandIdOf(request), Is.EqualTo(mine));
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.WithCommandId))]
    public async Task An_empty_string_counts_as_not_set_and_stays_empty_on_the_callers_object(string action)
    {
        using var telnyx = new ScriptedTelnyx("500, 200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);
        var request = Actions.Request(action, "");

        await Actions.Call(client, action, request);

        var ids = CommandIds(telnyx);
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        Assert.That(Guid.TryParse(ids[0], out _), Is.True);
        Assert.That(Actions.CommandIdOf(request), Is.EqualTo(""));
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.WithCommandId))]
    public async Task The_rest_of_the_body_is_unchanged(string action)
    {
        using var telnyx = new ScriptedTelnyx("200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);
        var request = Actions.Request(action);
        var expected = JObject.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(request, new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore }));

        await Actions.Call(client, action, request);

        var sent = JObject.Parse(telnyx.Sent.Single());
        sent.Remove("command_id");
        Assert.That(JToken.DeepEquals(sent, expected), Is.True, $"sent {sent}, expected {expected}");
    }

    [TestCase("client_state_update")]
    [TestCase("siprec_start")]
    [TestCase("switch_supervisor_role")]
    public async Task Actions_without_command_id_in_the_spec_get_none(string action)
    {
        using var telnyx = new ScriptedTelnyx("200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);

        await Actions.Call(client, action);

        Assert.That(JObject.Parse(telnyx.Sent.Single()).ContainsKey("command_id"), Is.False);
    }

    [TestCase("{}", true)]
    [TestCase("  {  }  ", true)]
    [TestCase("""{"a":{"command_id":"nested"}}""", true)]
    [TestCase("""{"command_id":""}""", true)]
    [TestCase("""{"command_id":null}""", true)]
    [TestCase("""{"command_id":" "}""", false)]
    [TestCase("""{"x":1,"command_id":"kept"}""", false)]
    [TestCase("[{}]", false)]
    [TestCase("{\"truncated\":", false)]
    [TestCase("", false)]
    public void The_body_rewrite_adds_an_id_only_to_an_object_without_one(string body, bool added)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);

        var (result, id) = Telnyx.Generated.Http.CommandIdBody.Ensure(bytes);

        if (added)
        {
            var json = JObject.Parse(System.Text.Encoding.UTF8.GetString(result));
            Assert.That(json["command_id"]!.Value<string>(), Is.EqualTo(id));
            Assert.That(Guid.TryParse(id, out _), Is.True);
            if (body.Contains("nested"))
            {
                Assert.That(json["a"]!["command_id"]!.Value<string>(), Is.EqualTo("nested"));
            }
        }
        else
        {
            Assert.That(result, Is.EqualTo(bytes));
        }
    }
}
