using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Telnyx.Generated.AspNetCore.Tests.DependencyInjection;

// Sets and restores TELNYX_API_KEY, which the options fall back to: nothing else in this process may run meanwhile.
[NonParallelizable]
public class StartupValidationTests
{
    private const string ApiKey = "KEY0123456789SECRET";
    private string? _savedEnvironmentKey;

    [SetUp]
    public void ClearEnvironmentKey()
    {
        _savedEnvironmentKey = Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, null);
    }

    [TearDown]
    public void RestoreEnvironmentKey() =>
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, _savedEnvironmentKey);

    [Test]
    public async Task A_missing_api_key_stops_the_host_naming_the_key()
    {
        var ex = await StartFailure(new() { ["Telnyx:BaseUrl"] = "https://api.telnyx.com/v2/" }, mapWebhooks: false);

        Assert.That(ex.Message, Does.Contain("Telnyx:ApiKey is not set"));
    }

    [Test]
    public async Task The_TELNYX_API_KEY_environment_variable_is_an_accepted_fallback()
    {
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, ApiKey);
        using var app = Build(new(), mapWebhooks: false);

        await app.StartAsync();
        await app.StopAsync();
    }

    [TestCase("not base64!", "is not standard base64")]
    [TestCase("AAAA", "decodes to 3 bytes")]
    [TestCase(" ", "is empty")]
    public async Task A_malformed_public_key_stops_the_host_saying_what_is_wrong(string publicKey, string expected)
    {
        var ex = await StartFailure(new() { ["Telnyx:ApiKey"] = ApiKey, ["Telnyx:PublicKey"] = publicKey }, mapWebhooks: false);

        Assert.That(ex.Message, Does.Contain("Telnyx:PublicKey " + expected));
        Assert.That(ex.Message, Does.Not.Contain(ApiKey));
    }

    [Test]
    public async Task Mapping_webhooks_without_a_public_key_stops_the_host()
    {
        var ex = await StartFailure(new() { ["Telnyx:ApiKey"] = ApiKey }, mapWebhooks: true);

        Assert.That(ex.Message, Does.Contain("Telnyx:PublicKey is not set"));
    }

    [Test]
    public async Task Every_bad_number_is_reported_at_once()
    {
        var ex = await StartFailure(
            new()
            {
                ["Telnyx:ApiKey"] = ApiKey,
                ["Telnyx:MaxRetries"] = "-1",
                ["Telnyx:Timeout"] = "00:00:00",
                ["Telnyx:MaxWebhookBodySize"] = "0",
            },
            mapWebhooks: false);

        Assert.That(ex.Failures, Has.Some.Contains("Telnyx:MaxRetries"));
        Assert.That(ex.Failures, Has.Some.Contains("Telnyx:Timeout"));
        Assert.That(ex.Failures, Has.Some.Contains("Telnyx:MaxWebhookBodySize"));
    }

    private static async Task<OptionsValidationException> StartFailure(Dictionary<string, string?> settings, bool mapWebhooks)
    {
        await using var app = Build(settings, mapWebhooks);
        return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync()))!;
    }

    private static WebApplication Build(Dictionary<string, string?> settings, bool mapWebhooks)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTelnyx(builder.Configuration.GetSection("Telnyx"));
        var app = builder.Build();
        if (mapWebhooks)
        {
            app.MapTelnyxWebhooks("/webhooks/telnyx");
        }

        return app;
    }
}
