using RichardSzalay.MockHttp;

namespace Telnyx.Generated.Tests.Actions;

/// <summary>Where the API key comes from, and that it never leaks. Touches a process-wide environment variable.</summary>
[NonParallelizable]
public class ApiKeyTests
{
    private const string Variable = "TELNYX_API_KEY";
    private string? _saved;

    [SetUp]
    public void SaveVariable() => _saved = Environment.GetEnvironmentVariable(Variable);

    [TearDown]
    public void RestoreVariable() => Environment.SetEnvironmentVariable(Variable, _saved);

    [Test]
    public void No_key_anywhere_throws_ArgumentException_naming_the_environment_variable()
    {
        Environment.SetEnvironmentVariable(Variable, null);

        var ex = Assert.Throws<ArgumentException>(() => new TelnyxClient(new TelnyxClientOptions { ApiKey = null }));

        Assert.That(ex!.Message, Does.StartWith($"No Telnyx API key: set TelnyxClientOptions.ApiKey or the {Variable} environment variable."));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_option_key_is_an_error_even_when_the_environment_has_one(string optionKey)
    {
        Environment.SetEnvironmentVariable(Variable, "KEY_from_environment");

        var ex = Assert.Throws<ArgumentException>(() => new TelnyxClient(new TelnyxClientOptions { ApiKey = optionKey }));

        Assert.That(ex!.ParamName, Is.EqualTo("options"));
        Assert.That(ex.Message, Does.StartWith("TelnyxClientOptions.ApiKey is empty"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_key_in_the_string_constructor_names_apiKey(string apiKey)
    {
        Environment.SetEnvironmentVariable(Variable, "KEY_from_environment");

        var ex = Assert.Throws<ArgumentException>(() => new TelnyxClient(apiKey));

        Assert.That(ex!.ParamName, Is.EqualTo("apiKey"));
        Assert.That(ex.Message, Does.StartWith("apiKey is empty"));
    }

    [TestCase("KEY_abc\ndef", "a line break")]
    [TestCase("KEY_abc\r\ndef", "a line break")]
    [TestCase("KEY_abc\0def", "a NUL character")]
    [TestCase("KEY_abc\u00e9def", "a non-ASCII character")]
    public void A_key_a_header_cannot_carry_is_an_ArgumentException_naming_the_key_without_showing_it(string key, string what)
    {
        using var http = new HttpClient();
        var constructors = new (string ParamName, string Name, Func<TelnyxClient> Create)[]
        {
            ("apiKey", "apiKey", () => new TelnyxClient(key)),
            ("options", "TelnyxClientOptions.ApiKey", () => new TelnyxClient(new TelnyxClientOptions { ApiKey = key })),
            ("options", "TelnyxClientOptions.ApiKey", () => new TelnyxClient(http, new TelnyxClientOptions { ApiKey = key })),
        };

        foreach (var (paramName, name, create) in constructors)
        {
            var ex = Assert.Throws<ArgumentException>(() => create());

            Assert.That(ex!.ParamName, Is.EqualTo(paramName));
            Assert.That(ex.Message, Does.StartWith($"{name} is not a valid Telnyx API key: it contains {what} (at position 8)"));
            Assert.That(ex.ToString(), Does.Not.Contain("abc").And.Not.Contain("def"), "no part of the key");
        }
    }

    [Test]
    public void A_broken_key_in_the_environment_is_reported_as_the_environment_variable()
    {
        Environment.SetEnvironmentVariable(Variable, "KEY_abc\ndef");

        var ex = Assert.Throws<ArgumentException>(() => new TelnyxClient(new TelnyxClientOptions()));

        Assert.That(ex!.Message, Does.StartWith($"The {Variable} environment variable is not a valid Telnyx API key: it contains a line break"));
    }

    [Test]
    public void No_key_with_an_injected_HttpClient_throws_too()
    {
        Environment.SetEnvironmentVariable(Variable, " ");
        using var http = new HttpClient();

        var ex = Assert.Throws<ArgumentException>(() => new TelnyxClient(http, new TelnyxClientOptions()));

        Assert.That(ex!.Message, Does.Contain(Variable));
    }

    [Test]
    public void The_quick_starts_GetEnvironmentVariable_with_the_variable_unset_says_the_variable_is_not_set()
    {
        Environment.SetEnvironmentVariable(Variable, null);

        var ex = Assert.Throws<ArgumentNullException>(() => new TelnyxClient(Environment.GetEnvironmentVariable(Variable)!));

        Assert.That(ex!.ParamName, Is.EqualTo("apiKey"));
        Assert.That(ex.Message, Does.StartWith($"apiKey is null, and the {Variable} environment variable is not set in this process either. Set {Variable} to your Telnyx API key (V2)"));
        Assert.That(ex.Message, Does.Contain("new TelnyxClient(new TelnyxClientOptions()) reads TELNYX_API_KEY itself"));
    }

    [Test]
    public void A_null_key_with_the_variable_set_points_at_the_constructor_that_reads_it_and_never_shows_it()
    {
        Environment.SetEnvironmentVariable(Variable, "KEY_from_environment");

        var ex = Assert.Throws<ArgumentNullException>(() => new TelnyxClient((string)null!));

        Assert.That(ex!.ParamName, Is.EqualTo("apiKey"));
        Assert.That(ex.Message, Does.StartWith($"apiKey is null. Pass your Telnyx API key (V2), or use new TelnyxClient(new TelnyxClientOptions()) to read it from the {Variable} environment variable"));
        Assert.That(ex.Message, Does.Not.Contain("KEY_from_environment"));
    }

    [Test]
    public async Task Environment_variable_is_used_when_the_option_is_null()
    {
        Environment.SetEnvironmentVariable(Variable, "KEY_from_environment");
        using var mock = new MockHttpMessageHandler();
        string? authorization = null;
        mock.When("*").Respond(r =>
        {
            authorization = r.Headers.Authorization?.ToString();
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"data":{"result":"ok"}}""") };
        });
        using var http = mock.ToHttpClient();
        using var client = new TelnyxClient(http, new TelnyxClientOptions());

        await client.Calls.Actions.StopSiprecAsync("v3:id", new StopSiprecRequest());

        Assert.That(authorization, Is.EqualTo("Bearer KEY_from_environment"));
    }

    [Test]
    public void Key_is_not_in_the_options_ToString()
    {
        var options = new TelnyxClientOptions { ApiKey = RecordingTelnyx.ApiKey };

        Assert.That(options.ToString(), Does.Not.Contain(RecordingTelnyx.ApiKey));
        Assert.That(options.ToString(), Does.Not.Contain(RecordingTelnyx.ApiKey[..8]), "not even a prefix");
    }

    [Test]
    public void Key_is_not_in_a_validation_message()
    {
        var ex = Assert.Catch<ArgumentException>(() => new TelnyxClient(new TelnyxClientOptions { ApiKey = RecordingTelnyx.ApiKey, MaxRetries = -1 }));

        Assert.That(ex!.ToString(), Does.Not.Contain(RecordingTelnyx.ApiKey));
    }
}
