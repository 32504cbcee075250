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

        Assert.That(ex.Message, Does.Contain("set Telnyx:ApiKey or the TELNYX_API_KEY environment variable"));
    }

    [Test]
    public async Task The_TELNYX_API_KEY_environment_variable_is_an_accepted_fallback()
    {
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, ApiKey);
        using var app = Build(new(), mapWebhooks: false);

        await app.StartAsync();
        await app.StopAsync();
    }

    // Each is a key the verifier rejects, so none may start the host (and then answer every webhook 500).
    [TestCase("not base64!", "is not standard base64")]
    [TestCase("AAAA", "decodes to 3 bytes")]
    [TestCase(" ", "is empty")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "decodes to 31 bytes")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "decodes to 33 bytes")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=", "is not standard base64", Description = "32 bytes, but the last character carries non-zero padding bits")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAA=", "is not standard base64", Description = "32 bytes with a line break inside")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAA=", "is not standard base64", Description = "32 bytes with a space inside")]
    public async Task A_public_key_the_verifier_rejects_stops_the_host_naming_the_key_but_not_its_value(string publicKey, string expected)
    {
        var ex = await StartFailure(new() { ["Telnyx:ApiKey"] = ApiKey, ["Telnyx:PublicKey"] = publicKey }, mapWebhooks: false);

        Assert.That(ex.Message, Does.Contain("Telnyx:PublicKey is rejected by the webhook verifier").And.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain(ApiKey));
        if (publicKey.Trim().Length > 0)
        {
            Assert.That(ex.Message, Does.Not.Contain(publicKey.Trim()));
        }
    }

    [Test]
    public async Task A_valid_public_key_with_surrounding_whitespace_starts_the_host()
    {
        using var signer = new Telnyx.Generated.Webhooks.TelnyxWebhookSigner();
        await using var app = Build(new() { ["Telnyx:ApiKey"] = ApiKey, ["Telnyx:PublicKey"] = signer.PublicKeyBase64 + "\n" }, mapWebhooks: true);

        await app.StartAsync();
        await app.StopAsync();
    }

    [Test]
    public async Task Mapping_webhooks_without_a_public_key_stops_the_host()
    {
        var ex = await StartFailure(new() { ["Telnyx:ApiKey"] = ApiKey }, mapWebhooks: true);

        Assert.That(ex.Message, Does.Contain("Telnyx:PublicKey is not set"));
    }

    [Test]
    public async Task Queueing_webhooks_without_a_durable_queue_stops_the_host_naming_AddTelnyxRedis()
    {
        var ex = await StartFailure(new() { ["Telnyx:ApiKey"] = ApiKey, ["Telnyx:QueueWebhooks"] = "true" }, mapWebhooks: false);

        Assert.That(ex.Failures, Has.Some.StartsWith("Telnyx:QueueWebhooks is true, but no durable queue is registered").And.Contain("services.AddTelnyxRedis(...)"));
    }

    // The client settings are checked by the client's own rules (TelnyxClientSettings.From), the rest beside them.
    [TestCase("Telnyx:BaseUrl", "v2/", "Telnyx:BaseUrl must be an absolute URI")]
    [TestCase("Telnyx:MaxRetries", "-1", "Telnyx:MaxRetries must be 0 or more")]
    [TestCase("Telnyx:MaxRetryDelay", "-00:00:01", "Telnyx:MaxRetryDelay must not be negative")]
    [TestCase("Telnyx:Timeout", "00:00:00", "Telnyx:Timeout must be positive")]
    [TestCase("Telnyx:ResendAfter", "00:00:00", "Telnyx:ResendAfter must be positive")]
    [TestCase("Telnyx:WebhookTolerance", "00:00:00", "Telnyx:WebhookTolerance must be positive")]
    [TestCase("Telnyx:MaxWebhookBodySize", "0", "Telnyx:MaxWebhookBodySize must be a positive")]
    [TestCase("Telnyx:WebhookDeduplicationWindow", "00:00:00", "Telnyx:WebhookDeduplicationWindow must be positive")]
    [TestCase("Telnyx:WebhookQueueConcurrency", "0", "Telnyx:WebhookQueueConcurrency must be positive")]
    [TestCase("Telnyx:WebhookQueueMaxAttempts", "0", "Telnyx:WebhookQueueMaxAttempts must be positive")]
    [TestCase("Telnyx:WebhookQueueRetryDelay", "-00:00:01", "Telnyx:WebhookQueueRetryDelay must not be negative")]
    [TestCase("Telnyx:WebhookQueueLagThreshold", "00:00:00", "Telnyx:WebhookQueueLagThreshold must be positive")]
    [TestCase("Telnyx:WebhookDeduplicationCapacity", "0", "Telnyx:WebhookDeduplicationCapacity must be a positive")]
    [TestCase("Telnyx:OutcomeTimeout", "00:00:00", "Telnyx:OutcomeTimeout must be positive and at most 1 day")]
    [TestCase("Telnyx:OutcomeTimeout", "2.00:00:00", "Telnyx:OutcomeTimeout must be positive and at most 1 day")]
    public async Task A_bad_setting_stops_the_host_naming_its_key(string key, string value, string expected)
    {
        var ex = await StartFailure(new() { ["Telnyx:ApiKey"] = ApiKey, [key] = value }, mapWebhooks: false);

        Assert.That(ex.Failures, Has.Some.StartsWith(expected));
        Assert.That(ex.Message, Does.Not.Contain(ApiKey));
    }

    private static async Task<OptionsValidationException> StartFailure(Dictionary<string, string?> settings, bool mapWebhooks)
    {
        await using var app = Build(settings, mapWebhooks);
        return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync()))!;
    }

    private static WebApplication Build(Dictionary<string, string?> settings, bool mapWebhooks)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0)); // UseUrls would go with the configuration sources cleared below
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
