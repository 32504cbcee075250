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

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void No_key_anywhere_throws_ArgumentException_naming_the_environment_variable(string? optionKey)
    {
        Environment.SetEnvironmentVariable(Variable, null);

        var ex = Assert.Throws<ArgumentException>(() => new TelnyxClient(new TelnyxClientOptions { ApiKey = optionKey }));

        Assert.That(ex!.Message, Does.Contain(Variable));
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
    public void Null_key_in_the_string_constructor_is_an_ArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new TelnyxClient((string)null!));

        Assert.That(ex!.ParamName, Is.EqualTo("apiKey"));
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
