using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests;

/// <summary>A real Kestrel app on 127.0.0.1 and a free port, with the webhook endpoint mapped and a fresh signer.</summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    public const string Path = "/webhooks/telnyx";

    private readonly WebApplication _app;

    private WebhookApp(WebApplication app, TelnyxWebhookSigner signer, CapturingLoggerProvider logs)
    {
        _app = app;
        Signer = signer;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public TelnyxWebhookSigner Signer { get; }

    public CapturingLoggerProvider Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public Uri WebhookUrl => new(Client.BaseAddress!, Path);

    /// <param name="configureApp">Maps more endpoints (a health check, say) beside the webhook endpoint.</param>
    public static async Task<WebhookApp> StartAsync(
        Action<IServiceCollection> configureServices,
        Dictionary<string, string?>? settings = null,
        string? signingSeed = null,
        Action<WebApplication>? configureApp = null)
    {
        var signer = signingSeed is null ? new TelnyxWebhookSigner() : new TelnyxWebhookSigner(signingSeed);
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0)); // UseUrls would go with the configuration sources cleared below
        builder.Configuration.Sources.Clear();
        var all = new Dictionary<string, string?>
        {
            ["Telnyx:ApiKey"] = "KEY-NOT-USED-BY-WEBHOOKS",
            ["Telnyx:PublicKey"] = signer.PublicKeyBase64,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Services.AddTelnyx(builder.Configuration.GetSection("Telnyx"));
        configureServices(builder.Services);
        var app = builder.Build();
        app.MapTelnyxWebhooks(Path);
        configureApp?.Invoke(app);
        await app.StartAsync();
        return new WebhookApp(app, signer, logs);
    }

    /// <summary>POSTs <paramref name="body"/> signed now (or unsigned), exactly as Telnyx would.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, bool sign = true, Action<HttpRequestMessage>? tamper = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (sign)
        {
            foreach (var (name, value) in Signer.Sign(body, DateTimeOffset.UtcNow))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        tamper?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Signer.Dispose();
    }
}
