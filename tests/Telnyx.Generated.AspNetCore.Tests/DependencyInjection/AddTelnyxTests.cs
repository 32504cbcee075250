using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.DependencyInjection;

public class AddTelnyxTests
{
    private const string ApiKey = "KEY0123456789SECRET";
    private const string PublicKey = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; // 32 bytes

    [Test]
    public void Binds_every_key_from_the_configuration_section()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Telnyx:ApiKey"] = ApiKey,
            ["Telnyx:BaseUrl"] = "http://127.0.0.1:1/v2/",
            ["Telnyx:PublicKey"] = PublicKey,
            ["Telnyx:MaxRetries"] = "5",
            ["Telnyx:MaxRetryDelay"] = "00:00:07",
            ["Telnyx:Timeout"] = "00:00:09",
            ["Telnyx:ResendAfter"] = "00:00:00.250",
            ["Telnyx:WebhookTolerance"] = "00:01:00",
            ["Telnyx:MaxWebhookBodySize"] = "2048",
            ["Telnyx:WebhookDeduplicationWindow"] = "00:10:00",
            ["Telnyx:WebhookDeduplicationCapacity"] = "5000",
        }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TelnyxOptions>>().Value;

        Assert.That(options.ApiKey, Is.EqualTo(ApiKey));
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:1/v2/")));
        Assert.That(options.PublicKey, Is.EqualTo(PublicKey));
        Assert.That(options.MaxRetries, Is.EqualTo(5));
        Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(9)));
        Assert.That(options.ResendAfter, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(options.WebhookTolerance, Is.EqualTo(TimeSpan.FromMinutes(1)));
        Assert.That(options.MaxWebhookBodySize, Is.EqualTo(2048));
        Assert.That(options.WebhookDeduplicationWindow, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(options.WebhookDeduplicationCapacity, Is.EqualTo(5000));
        Assert.That(options.ToString(), Does.Not.Contain(ApiKey));
    }

    [Test]
    public void ToString_names_every_setting_and_shows_neither_key()
    {
        var options = new TelnyxOptions { ApiKey = ApiKey, PublicKey = PublicKey, BaseUrl = new Uri("https://user:proxy-password@proxy.example/v2/") };
        var text = options.ToString();

        // Every property configuration can set (a value, not a service such as Logger), inherited ones included.
        var settings = typeof(TelnyxOptions).GetProperties()
            .Where(p => p.CanWrite && (p.PropertyType.IsPrimitive || p.PropertyType == typeof(string) || p.PropertyType == typeof(Uri) || Nullable.GetUnderlyingType(p.PropertyType) is not null || p.PropertyType == typeof(TimeSpan)))
            .Select(p => p.Name)
            .ToList();
        Assert.That(settings, Is.SupersetOf(new[] { "ApiKey", "MaxRetryDelay", "ResendAfter", "PublicKey", "WebhookDeduplicationWindow" }));
        Assert.That(settings.Where(name => !text.Contains(name + " = ", StringComparison.Ordinal)), Is.Empty, text);
        Assert.That(text, Does.Not.Contain(ApiKey).And.Not.Contain(PublicKey).And.Not.Contain("proxy-password"));
        Assert.That(text, Does.StartWith("TelnyxOptions { "));
    }

    [Test]
    public void The_client_reads_the_bound_options_themselves_with_the_apps_logger_and_clock()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturingLoggerProvider();
        var services = Services(new Dictionary<string, string?> { ["Telnyx:ApiKey"] = ApiKey, ["Telnyx:BaseUrl"] = "http://127.0.0.1:9/v2/", ["Telnyx:MaxRetries"] = "0" });
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(logging => logging.AddProvider(logs));
        var transport = new CountingHandler(HttpStatusCode.ServiceUnavailable);
        services.AddHttpClient(TelnyxServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TelnyxOptions>>().Value;
        Assert.That(options, Is.InstanceOf<TelnyxClientOptions>(), "the client settings are the client's own options, not a copy");
        Assert.That(options.TimeProvider, Is.SameAs(clock));
        Assert.That(options.Logger, Is.Not.Null);
        Assert.ThrowsAsync<TelnyxApiException>(() => provider.GetRequiredService<ITelnyxClient>().Calls.Actions.StopSiprecAsync("v3:call", new StopSiprecRequest()));
        Assert.That(transport.Requests, Is.EqualTo(1), "Telnyx:MaxRetries = 0 reached the client");
        Assert.That(logs.For(typeof(TelnyxClient).FullName!), Has.Count.EqualTo(1), "the attempt is logged through the app's logging");
    }

    [Test]
    public void An_empty_ResendAfter_turns_resending_off()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Telnyx:ApiKey"] = ApiKey, ["Telnyx:ResendAfter"] = "" }).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<TelnyxOptions>>().Value.ResendAfter, Is.Null);
    }

    [Test]
    public void Resolves_TelnyxClient_and_its_interface_and_a_singleton_verifier()
    {
        var services = new ServiceCollection();
        services.AddTelnyx(o =>
        {
            o.ApiKey = ApiKey;
            o.PublicKey = PublicKey;
        });
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ITelnyxClient>(), Is.InstanceOf<TelnyxClient>());
        Assert.That(provider.GetRequiredService<TelnyxClient>(), Is.Not.Null);
        Assert.That(provider.GetRequiredService<TelnyxWebhookVerifier>(), Is.SameAs(provider.GetRequiredService<TelnyxWebhookVerifier>()));
        Assert.That(provider.GetRequiredService<ITelnyxWebhookDeduplicator>(), Is.InstanceOf<InMemoryTelnyxWebhookDeduplicator>());
    }

    [Test]
    public async Task Calls_go_through_IHttpClientFactory_and_retry_only_in_the_Telnyx_pipeline()
    {
        var transport = new CountingHandler(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddTelnyx(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseUrl = new Uri("http://127.0.0.1:9/v2/");
            o.MaxRetries = 2;
        });
        services.AddHttpClient(TelnyxServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITelnyxClient>();

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => client.Calls.Actions.StopSiprecAsync("v3:call", new StopSiprecRequest()));

        Assert.That(ex!.StatusCode, Is.EqualTo(503));
        Assert.That(transport.Requests, Is.EqualTo(3), "MaxRetries = 2 means 3 attempts: a second retry layer would multiply them");
        Assert.That(transport.Authorization, Is.EqualTo("Bearer " + ApiKey));
    }

    [Test]
    public void Calling_AddTelnyx_twice_registers_one_client()
    {
        var services = new ServiceCollection();
        services.AddTelnyx(o => o.ApiKey = ApiKey);
        services.AddTelnyx(o => o.MaxRetries = 0);
        using var provider = services.BuildServiceProvider();

        Assert.That(services.Count(d => d.ServiceType == typeof(ITelnyxClient)), Is.EqualTo(1));
        Assert.That(provider.GetRequiredService<IOptions<TelnyxOptions>>().Value.ApiKey, Is.EqualTo(ApiKey));
        Assert.That(provider.GetRequiredService<IOptions<TelnyxOptions>>().Value.MaxRetries, Is.Zero);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddTelnyx(configuration.GetSection("Telnyx"));
        return services;
    }

    private sealed class CountingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            Authorization = request.Headers.Authorization?.ToString();
            var response = new HttpResponseMessage(status) { Content = new StringContent("{\"errors\":[{\"code\":\"90001\",\"title\":\"busy\"}]}") };
            response.Headers.TryAddWithoutValidation("retry-after-ms", "0");
            return Task.FromResult(response);
        }
    }
}
