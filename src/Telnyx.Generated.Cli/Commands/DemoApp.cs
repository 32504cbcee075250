using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Cli.Commands;

/// <summary>
/// The demo's webhook target: an ASP.NET Core app with <c>AddTelnyx</c> and <c>MapTelnyxWebhooks</c> on loopback, so the
/// refer and SIPREC steps can await their outcomes with <see cref="ITelnyxCallOutcomes"/>. Each delivery is also
/// copied, raw, into <see cref="NextAsync"/> before the endpoint handles it, for the demo's own verified timeline.
/// </summary>
internal sealed class DemoApp : IAsyncDisposable
{
    private const string Path = "/webhooks";

    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _inbox;

    private DemoApp(WebApplication app, Channel<ReceivedWebhook> inbox)
    {
        _app = app;
        _inbox = inbox;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Url = new Uri(new Uri(address), Path);
    }

    public Uri Url { get; }

    public ITelnyxCallOutcomes Outcomes => _app.Services.GetRequiredService<ITelnyxCallOutcomes>();

    public static async Task<DemoApp> StartAsync(TelnyxEmulator emulator, TimeSpan outcomeTimeout, CancellationToken cancellationToken)
    {
        var inbox = Channel.CreateUnbounded<ReceivedWebhook>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddTelnyx(options =>
        {
            options.ApiKey = emulator.ApiKey;
            options.BaseUrl = emulator.BaseUrl;
            options.PublicKey = emulator.PublicKey;
            options.OutcomeTimeout = outcomeTimeout;
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            context.Request.Body.Position = 0;
            await next(context).ConfigureAwait(false);
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            inbox.Writer.TryWrite(new ReceivedWebhook(context.Request.Method, context.Request.Path, headers, body, context.Response.StatusCode));
        });
        app.MapTelnyxWebhooks(Path);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DemoApp(app, inbox);
    }

    /// <summary>The next delivery, or <see cref="TimeoutException"/> when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await _inbox.Reader.ReadAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No webhook arrived within {timeout}.");
        }
    }

    public bool TryNext([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReceivedWebhook? webhook) => _inbox.Reader.TryRead(out webhook);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
