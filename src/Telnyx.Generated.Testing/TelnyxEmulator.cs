using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

/// <summary>
/// A local Telnyx Call Control API for tests: an in-process HTTP server on 127.0.0.1 that serves every operation of the
/// curated spec as Telnyx does (Bearer auth, validation against the spec, Telnyx-shaped errors), delivers the webhooks
/// each operation lists in the spec (signed with Ed25519 exactly as Telnyx signs them, retried with backoff), records
/// every command it receives and injects faults on request. Point a <c>TelnyxClient</c> at <see cref="BaseUrl"/> with
/// <see cref="ApiKey"/>, and verify webhooks with <see cref="PublicKey"/>.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = myWebhookUrl });
/// using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
/// var call = emulator.CreateCall();
/// await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });
/// </code>
/// </example>
public sealed partial class TelnyxEmulator : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly TelnyxEmulatorOptions _options;
    private readonly EmulatorSpec _spec;
    private readonly WebhookSigner _signer;
    private readonly Dictionary<string, EmulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly List<RecordedCommand> _commands = [];
    private readonly List<EmulatedEvent> _events = [];
    private WebApplication? _app;
    private WebhookDispatcher? _dispatcher;
    private int _disposed;

    private TelnyxEmulator(TelnyxEmulatorOptions options, WebhookSigner signer, EmulatorSpec spec)
    {
        _options = options;
        _spec = spec;
        _signer = signer;
        ApiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? "KEY_emulator_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : options.ApiKey.Trim();
    }

    /// <summary>The API root to use as <c>TelnyxClientOptions.BaseUrl</c>: <c>http://127.0.0.1:{port}/v2/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The API key the emulator accepts (<c>Authorization: Bearer {ApiKey}</c>).</summary>
    public string ApiKey { get; }

    /// <summary>The Ed25519 public key webhooks are signed with: standard base64 of the raw 32 bytes, as the Telnyx portal shows it.</summary>
    public string PublicKey => _signer.PublicKey;

    /// <summary>Every operation the emulator serves, in the spec's order: what each takes and delivers.</summary>
    public static IReadOnlyList<EmulatedOperation> Operations { get; } = [.. EmulatorSpec.Embedded.Operations.Values];

    /// <summary>Every request received on an operation's path (the last <see cref="TelnyxEmulatorOptions.HistoryLimit"/>, when set), in arrival order, including rejected and faulted ones.</summary>
    public IReadOnlyList<RecordedCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    /// <summary>Starts an emulator on 127.0.0.1; dispose it to stop it.</summary>
    /// <param name="options">The settings; null for defaults (free port, random key, no webhook delivery).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static Task<TelnyxEmulator> StartAsync(TelnyxEmulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartWithSpecAsync(options, EmulatorSpec.Embedded, cancellationToken);

    /// <summary>Starts an emulator serving another spec than the embedded one (tests of spec-driven behaviour).</summary>
    internal static async Task<TelnyxEmulator> StartWithSpecAsync(TelnyxEmulatorOptions? options, EmulatorSpec spec, CancellationToken cancellationToken)
    {
        options ??= new TelnyxEmulatorOptions();
        Validate(options);
        var emulator = new TelnyxEmulator(options, new WebhookSigner(options.SigningKeySeed), spec);
        try
        {
            await emulator.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops webhook delivery and the server; pending deliveries are abandoned.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Delivery first, so no delivery is still being sent while the server (which may be its target) stops.
        if (_dispatcher is not null)
        {
            await _dispatcher.DisposeAsync().ConfigureAwait(false);
        }

        if (_app is not null)
        {
            await LoopbackServer.StopAsync(_app).ConfigureAwait(false);
        }

        _signer.Dispose();
    }

    /// <summary>Describes the emulator without revealing its API key.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"TelnyxEmulator {{ BaseUrl = {BaseUrl}, WebhookUrl = {WebhookUrl?.ToString() ?? "(none)"} }}";

    private const string DefaultFrom = "+13125550100";

    private const string DefaultTo = "+13125550199";

    private static void Validate(TelnyxEmulatorOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "TelnyxEmulatorOptions.Port must be from 0 (any free port) to 65535.");
        }

        if (options.WebhookUrl is { } url && !IsHttpUrl(url))
        {
            throw new ArgumentException("TelnyxEmulatorOptions.WebhookUrl must be an absolute http or https URL.", nameof(options));
        }

        if (options.WebhookTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WebhookTimeout, "TelnyxEmulatorOptions.WebhookTimeout must be positive.");
        }

        if (options.WebhookRetryDelays is null || options.WebhookRetryDelays.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("TelnyxEmulatorOptions.WebhookRetryDelays must be a list of non-negative delays (empty for no retries).", nameof(options));
        }

        if (options.HistoryLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HistoryLimit, "TelnyxEmulatorOptions.HistoryLimit must be 1 or more, or null to keep everything.");
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider);
    }

    // Under _gate, after adding: forgets the oldest entries beyond HistoryLimit.
    private void Forget<T>(List<T> history)
    {
        if (_options.HistoryLimit is { } limit && history.Count > limit)
        {
            history.RemoveRange(0, history.Count - limit);
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        (_app, var port) = await LoopbackServer.StartAsync(_options.Port, HandleAsync, cancellationToken).ConfigureAwait(false);
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v2/");
        _dispatcher = new WebhookDispatcher(_signer, _options);
        if (_options.WebhookUrl is { } url)
        {
            _dispatcher.DeliverTo(url, handler: null);
        }
    }

    private static bool IsHttpUrl(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
