using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Testing.Tests.Support;

/// <summary>An emulator delivering to a loopback receiver, and a TelnyxClient pointed at it; one per test.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    public static readonly TimeSpan WebhookWait = TimeSpan.FromSeconds(10);

    private EmulatorFixture(WebhookReceiver receiver, TelnyxEmulator emulator, TelnyxClient client)
    {
        Receiver = receiver;
        Emulator = emulator;
        Client = client;
    }

    public WebhookReceiver Receiver { get; }

    public TelnyxEmulator Emulator { get; }

    public TelnyxClient Client { get; }

    public ICallActionsClient Actions => Client.Calls.Actions;

    public static async Task<EmulatorFixture> StartAsync(Action<TelnyxEmulatorOptions>? configure = null, Action<TelnyxClientOptions>? configureClient = null, Internal.EmulatorSpec? spec = null)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var options = new TelnyxEmulatorOptions
        {
            WebhookUrl = receiver.Url,
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)],
        };
        configure?.Invoke(options);
        var emulator = await TelnyxEmulator.StartWithSpecAsync(options, spec ?? Internal.EmulatorSpec.Embedded, CancellationToken.None);
        // No resend on silence: a first command slower than ResendAfter on a loaded machine would be recorded twice.
        var clientOptions = new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, ResendAfter = null };
        configureClient?.Invoke(clientOptions);
        return new EmulatorFixture(receiver, emulator, new TelnyxClient(clientOptions));
    }

    /// <summary>The next webhook's <c>data</c>, verified against the emulator's public key (of any event type, typed or not).</summary>
    public async Task<System.Text.Json.JsonElement> NextDataAsync()
    {
        var received = await Receiver.NextAsync(WebhookWait);
        new TelnyxWebhookVerifier(Emulator.PublicKey).Unwrap(received.Body, received.Headers);
        return System.Text.Json.JsonDocument.Parse(received.Body).RootElement.GetProperty("data").Clone();
    }

    /// <summary>The next webhook, verified against the emulator's public key and parsed.</summary>
    public async Task<TelnyxWebhookEvent> NextEventAsync()
    {
        var received = await Receiver.NextAsync(WebhookWait);
        return SignedWebhooks.VerifyAndParse(received, Emulator.PublicKey);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
