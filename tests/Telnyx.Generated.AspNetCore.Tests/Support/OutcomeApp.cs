using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests;

/// <summary>
/// An emulator and a real app that sends commands to it and receives its webhooks: <see cref="Outcomes"/> is the app's
/// own <see cref="ITelnyxCallOutcomes"/>; <see cref="Handled"/> is every event its handler ran for, in order;
/// <see cref="BeforeSend"/> and <see cref="AfterSend"/>, when set, run inside the app's HTTP client before each command
/// attempt goes out and before its answer is handed back.
/// </summary>
internal sealed class OutcomeApp : IAsyncDisposable
{
    private readonly bool _ownsEmulator;

    private OutcomeApp(TelnyxEmulator emulator, WebhookApp app, ConcurrentQueue<TelnyxWebhookEvent> handled, Hook hook, bool ownsEmulator)
    {
        _ownsEmulator = ownsEmulator;
        Emulator = emulator;
        App = app;
        Handled = handled;
        _hook = hook;
    }

    private readonly Hook _hook;

    public TelnyxEmulator Emulator { get; }

    public WebhookApp App { get; }

    public ConcurrentQueue<TelnyxWebhookEvent> Handled { get; }

    public ITelnyxCallOutcomes Outcomes => App.Services.GetRequiredService<ITelnyxCallOutcomes>();

    public int Waiting => App.Services.GetRequiredService<OutcomeRouter>().Waiting;

    public Func<HttpRequestMessage, Task>? BeforeSend
    {
        get => _hook.BeforeSend;
        set => _hook.BeforeSend = value;
    }

    public Func<HttpResponseMessage, Task>? AfterSend
    {
        get => _hook.AfterSend;
        set => _hook.AfterSend = value;
    }

    /// <summary>Completes once the app's handlers ran for an event of <paramref name="eventType"/> on <paramref name="call"/>.</summary>
    public async Task HandledAsync(string eventType, string call)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Handled.Any(e => e.EventType == eventType && e.Payload?.CallControlId == call))
        {
            await Task.Delay(5, timeout.Token); // polling with a bound: the handler has no other signal
        }
    }

    public static async Task<OutcomeApp> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool deliver = true)
    {
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed, WebhookRetryDelays = [] });
        var app = await StartInstanceAsync(emulator, seed, settings, services, ownsEmulator: true);

        // Nowhere listens on port 1: every delivery fails, so no outcome ever arrives.
        emulator.DeliverWebhooksTo(deliver ? app.App.WebhookUrl : new Uri("http://127.0.0.1:1/"));
        return app;
    }

    /// <summary>An app instance on <paramref name="emulator"/>, whose webhooks are signed with <paramref name="seed"/>; the emulator stays the caller's.</summary>
    public static async Task<OutcomeApp> StartInstanceAsync(
        TelnyxEmulator emulator, string seed, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool ownsEmulator = false)
    {
        var handled = new ConcurrentQueue<TelnyxWebhookEvent>();
        var hook = new Hook();
        // No resend on silence (empty ResendAfter): a command slower than it on a loaded machine would be sent twice.
        var all = new Dictionary<string, string?> { ["Telnyx:ApiKey"] = emulator.ApiKey, ["Telnyx:BaseUrl"] = emulator.BaseUrl.ToString(), ["Telnyx:ResendAfter"] = "" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = await WebhookApp.StartAsync(
            s =>
            {
                s.AddHttpClient(TelnyxServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new HookHandler(hook));
                s.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((e, _, _) =>
                {
                    handled.Enqueue(e);
                    return Task.CompletedTask;
                });
                services?.Invoke(s);
            },
            all,
            seed);
        return new OutcomeApp(emulator, app, handled, hook, ownsEmulator);
    }

    /// <summary>Runs <paramref name="work"/> outside the current async flow, so a command it sends is not the one SendAsync observes.</summary>
    public static Task Outside(Func<Task> work)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(work);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }
    }

    private sealed class Hook
    {
        public volatile Func<HttpRequestMessage, Task>? BeforeSend;

        public volatile Func<HttpResponseMessage, Task>? AfterSend;
    }

    private sealed class HookHandler(Hook hook) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hook.BeforeSend is { } before)
            {
                await before(request);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (hook.AfterSend is { } after)
            {
                await after(response);
            }

            return response;
        }
    }
}
