using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

/// <summary>
/// A webhook endpoint for tests: an HTTP server on 127.0.0.1 that keeps every POST it receives, byte for byte, so a
/// test can await the next webhook and verify it. It answers 200, or a status you choose with <see cref="FailNext"/>
/// (to exercise the emulator's redelivery).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Channel<ReceivedWebhook> _inbox = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly List<ReceivedWebhook> _all = [];
    private readonly Queue<int> _failures = new();
    private WebApplication _app = null!;

    private WebhookReceiver()
    {
    }

    /// <summary>The URL to deliver to, such as <c>http://127.0.0.1:5123/webhooks</c>; use it as <see cref="TelnyxEmulatorOptions.WebhookUrl"/>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request received so far, in order, including those answered with an injected failure.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Starts a receiver on 127.0.0.1.</summary>
    /// <param name="port">The port; 0 (the default) picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running receiver; dispose it to stop it.</returns>
    public static async Task<WebhookReceiver> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var receiver = new WebhookReceiver();
        (receiver._app, var bound) = await LoopbackServer.StartAsync(port, receiver.HandleAsync, cancellationToken).ConfigureAwait(false);
        receiver.Url = new Uri($"http://127.0.0.1:{bound}/webhooks");
        return receiver;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/> instead of 200.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">The status to answer, such as 500.</param>
    public void FailNext(int count, HttpStatusCode statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_failures)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue((int)statusCode);
            }
        }
    }

    /// <summary>Waits for the next request (answered 200 or not).</summary>
    /// <param name="timeout">How long to wait before failing.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The request.</returns>
    /// <exception cref="TimeoutException">Nothing arrived within <paramref name="timeout"/>.</exception>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await _inbox.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No webhook arrived at {Url} within {timeout.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>
    /// Takes a request already received without waiting, if there is one. After
    /// <see cref="TelnyxEmulator.WhenWebhooksDeliveredAsync"/>, <c>while (receiver.TryNext(out var webhook))</c> drains
    /// every webhook the commands sent so far produced.
    /// </summary>
    /// <param name="webhook">The request, when one was waiting.</param>
    /// <returns>True when a request was waiting.</returns>
    public bool TryNext([NotNullWhen(true)] out ReceivedWebhook? webhook) => _inbox.Reader.TryRead(out webhook);

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await LoopbackServer.StopAsync(_app).ConfigureAwait(false);
        _inbox.Writer.TryComplete();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        int status;
        lock (_failures)
        {
            status = _failures.TryDequeue(out var failure) ? failure : 200;
        }

        var webhook = new ReceivedWebhook(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body, status);
        lock (_all)
        {
            _all.Add(webhook);
        }

        _inbox.Writer.TryWrite(webhook);
        context.Response.StatusCode = status;
    }
}

/// <summary>One request a <see cref="WebhookReceiver"/> received, exactly as it arrived.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="Headers">The headers (names compared ignoring case).</param>
/// <param name="Body">The raw body: verify signatures over this, never over a re-serialised copy.</param>
/// <param name="AnsweredStatus">The status the receiver answered.</param>
public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus)
{
    /// <summary>The <c>telnyx-signature-ed25519</c> header, if present.</summary>
    public string? Signature => Header("telnyx-signature-ed25519");

    /// <summary>The <c>telnyx-timestamp</c> header, if present.</summary>
    public string? Timestamp => Header("telnyx-timestamp");

    /// <summary>A header's value, or null.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The value or null.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
