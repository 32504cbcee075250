using System.Security.Cryptography;
using System.Text.Json.Nodes;
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
    private readonly HashSet<string> _rejectedSipAddresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _failingEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _payloadOverrides = new(StringComparer.Ordinal);
    private readonly Queue<EmulatorFault> _faults = new();
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

    /// <summary>Where webhooks are delivered (<see cref="TelnyxEmulatorOptions.WebhookUrl"/>, or the last <see cref="DeliverWebhooksTo"/>); null while they are only recorded.</summary>
    public Uri? WebhookUrl => _dispatcher?.Url;

    /// <summary>Every request received on an operation's path, in arrival order (including rejected and faulted ones).</summary>
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

    /// <summary>Every webhook event produced, in order, with its delivery attempts.</summary>
    public IReadOnlyList<EmulatedEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
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

    /// <summary>Starts a live call and returns its <c>call_control_id</c>, which every operation accepts until the call ends (<see cref="HangUp"/>).</summary>
    /// <param name="from">The caller, reported as <c>from</c> in webhooks.</param>
    /// <param name="to">The callee, reported as <c>to</c> in webhooks.</param>
    /// <returns>The new call's call_control_id.</returns>
    public string CreateCall(string from = DefaultFrom, string to = DefaultTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        lock (_gate)
        {
            return NewCall(from, to).CallControlId;
        }
    }

    /// <summary>
    /// Ends a call as the far end hanging up: <c>call.hangup</c> is delivered when the webhook spec curates it, and later
    /// commands on the call answer 422 with code 90018 (call has already ended).
    /// </summary>
    /// <param name="callControlId">A call_control_id from <see cref="CreateCall"/>.</param>
    /// <exception cref="ArgumentException">The emulator never created that call.</exception>
    public void HangUp(string callControlId)
    {
        EmulatedCall? call;
        lock (_gate)
        {
            if (!_calls.TryGetValue(callControlId ?? string.Empty, out call))
            {
                throw new ArgumentException("The emulator has no call with that call_control_id; create one with CreateCall().", nameof(callControlId));
            }
        }

        EndCall(call);
    }

    /// <summary>Makes a refer to <paramref name="sipAddress"/> fail: <c>call.refer.started</c>, then <c>call.refer.failed</c> with sip_notify_response 603.</summary>
    /// <param name="sipAddress">The SIP URI to reject (compared ignoring case).</param>
    public void RejectSipAddress(string sipAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sipAddress);
        lock (_gate)
        {
            _rejectedSipAddresses.Add(sipAddress);
        }
    }

    /// <summary>Makes every later siprec_start produce <c>siprec.failed</c> with this <c>failure_cause</c>; null restores <c>siprec.started</c>.</summary>
    /// <param name="failureCause">A Q850 cause such as <c>no_answer</c>, or null.</param>
    public void FailSiprecWith(string? failureCause)
    {
        const string SiprecFailed = "siprec.failed";
        lock (_gate)
        {
            if (string.IsNullOrWhiteSpace(failureCause))
            {
                _failingEvents.Remove(SiprecFailed);
                _payloadOverrides.Remove(SiprecFailed);
            }
            else
            {
                _failingEvents.Add(SiprecFailed);
                _payloadOverrides[SiprecFailed] = new JsonObject { ["failure_cause"] = failureCause };
            }
        }
    }

    /// <summary>
    /// Makes every later command whose operation lists <paramref name="failureEventType"/> in the spec fail the way
    /// Telnyx reports it: that event (one ending in <c>.failed</c> or <c>.error</c>, such as <c>siprec.failed</c>) is
    /// delivered in place of the success event it stands for, with its example's fields.
    /// </summary>
    /// <param name="failureEventType">A failure event some operation of the spec lists.</param>
    /// <param name="fail">False restores success.</param>
    /// <exception cref="ArgumentException">No operation of the spec lists that failure event.</exception>
    public void FailWith(string failureEventType, bool fail = true)
    {
        var listed = _spec.Operations.Values.SelectMany(o => _spec.Delivered(o, failing: true)).Where(EventOutcomes.IsFailure).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!listed.Contains(failureEventType ?? string.Empty, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"No operation of the spec delivers '{failureEventType}' on failure; the failure events it lists are: {(listed.Count == 0 ? "none" : string.Join(", ", listed))}.",
                nameof(failureEventType));
        }

        lock (_gate)
        {
            _ = fail ? _failingEvents.Add(failureEventType!) : _failingEvents.Remove(failureEventType!);
        }
    }

    /// <summary>Makes the next <paramref name="count"/> requests to the call action paths fail with <paramref name="fault"/>; faults queue up in call order.</summary>
    /// <param name="count">How many requests; 1 or more.</param>
    /// <param name="fault">What happens to each, from <see cref="EmulatorFault.Status"/>, <see cref="EmulatorFault.Delayed"/> or <see cref="EmulatorFault.Drop"/>.</param>
    public void FailNext(int count, EmulatorFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>
    /// Delivers the webhooks of later commands to <paramref name="url"/>, replacing <see cref="TelnyxEmulatorOptions.WebhookUrl"/>;
    /// events already produced keep their target. Set it once the receiving app exists, which with
    /// <c>WebApplicationFactory</c> is after the app was configured with this emulator's <see cref="BaseUrl"/> and keys.
    /// </summary>
    /// <param name="url">The webhook endpoint, absolute http or https; also what <c>meta.delivered_to</c> says.</param>
    /// <param name="handler">
    /// What sends the requests instead of the network, such as <c>factory.Server.CreateHandler()</c> for an in-memory
    /// test server (no port); the emulator never disposes it. Null sends over the network.
    /// </param>
    /// <example>
    /// <code>
    /// telnyx.DeliverWebhooksTo(new Uri(factory.Server.BaseAddress, "webhooks/telnyx"), factory.Server.CreateHandler());
    /// </code>
    /// </example>
    public void DeliverWebhooksTo(Uri url, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsHttpUrl(url))
        {
            throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(url));
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _dispatcher!.DeliverTo(url, handler);
    }

    /// <summary>
    /// Completes when every webhook produced so far was delivered (2xx) or given up on after its last retry, or the
    /// emulator was disposed (which abandons pending deliveries). Webhooks produced later do not delay it.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when no delivery produced so far is pending.</returns>
    public Task WhenWebhooksDeliveredAsync(CancellationToken cancellationToken = default) =>
        _dispatcher?.WhenIdleAsync(cancellationToken) ?? Task.CompletedTask;

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

        ArgumentNullException.ThrowIfNull(options.TimeProvider);
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
