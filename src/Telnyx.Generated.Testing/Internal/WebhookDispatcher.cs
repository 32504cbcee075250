using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Delivers events one at a time, in the order they happened, signed per attempt (each attempt has its own
/// timestamp and <c>meta.attempt</c>), retrying a non-2xx answer, a timeout or a refused connection with backoff.
/// One worker keeps a call's events in order (started before completed) even while one of them is retried.
/// Each event goes to the target set when it was produced; with none set, it is only recorded.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly WebhookSigner _signer;
    private readonly TelnyxEmulatorOptions _options;
    private readonly HttpClient _network = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<HttpClient> _givenHandlers = [];
    private readonly Channel<(EmulatedEvent Event, JsonObject Data, WebhookTarget Target)> _queue =
        Channel.CreateUnbounded<(EmulatedEvent, JsonObject, WebhookTarget)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly Task _worker;
    private WebhookTarget? _target;
    private int _outstanding;

    public WebhookDispatcher(WebhookSigner signer, TelnyxEmulatorOptions options)
    {
        _signer = signer;
        _options = options;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Where events produced from now on are delivered.</summary>
    public Uri? Url => Volatile.Read(ref _target)?.Url;

    /// <summary>Delivers later events to <paramref name="url"/>, through <paramref name="handler"/> (not disposed here) or the network.</summary>
    public void DeliverTo(Uri url, HttpMessageHandler? handler)
    {
        var client = _network;
        if (handler is not null)
        {
            client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            lock (_gate)
            {
                _givenHandlers.Add(client);
            }
        }

        Volatile.Write(ref _target, new WebhookTarget(url, client));
    }

    public void Enqueue(EmulatedEvent emulatedEvent, JsonObject data)
    {
        if (Volatile.Read(ref _target) is not { } target)
        {
            return; // recorded in Events only, as documented for an emulator without a webhook target
        }

        lock (_gate)
        {
            _outstanding++;
        }

        _queue.Writer.TryWrite((emulatedEvent, data, target));
    }

    /// <summary>Completes when every event enqueued so far was delivered or given up on.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outstanding == 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _network.Dispose();
        lock (_gate)
        {
            _givenHandlers.ForEach(client => client.Dispose()); // the handlers themselves are their owners'
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var (emulatedEvent, data, target) in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await DeliverAsync(emulatedEvent, data, target, _stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                List<TaskCompletionSource>? released = null;
                lock (_gate)
                {
                    if (--_outstanding == 0)
                    {
                        released = [.. _idleWaiters];
                        _idleWaiters.Clear();
                    }
                }

                released?.ForEach(w => w.TrySetResult());
            }
        }
    }

    private async Task DeliverAsync(EmulatedEvent emulatedEvent, JsonObject data, WebhookTarget target, CancellationToken stopping)
    {
        var delays = _options.WebhookRetryDelays;
        for (var attempt = 1; ; attempt++)
        {
            var body = new JsonObject
            {
                ["data"] = data.DeepClone(),
                ["meta"] = new JsonObject { ["attempt"] = attempt, ["delivered_to"] = target.Url.AbsoluteUri },
            }.ToJsonString();
            var timestamp = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("telnyx-signature-ed25519", _signer.Sign(timestamp, body));
            request.Headers.TryAddWithoutValidation("telnyx-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("telnyx-webhooks", "emulator"));

            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            attemptTimeout.CancelAfter(_options.WebhookTimeout);
            try
            {
                using var response = await target.Client.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                emulatedEvent.Add(new WebhookAttempt(attempt, (int)response.StatusCode, null, body));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                emulatedEvent.Add(new WebhookAttempt(attempt, null, $"no answer within {_options.WebhookTimeout.TotalSeconds:0.###} s", body));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Refused, reset, or whatever a handler the test gave throws (an app already disposed): a failed attempt.
                emulatedEvent.Add(new WebhookAttempt(attempt, null, e.Message, body));
            }

            if (attempt > delays.Count)
            {
                return; // given up, as Telnyx does after its last retry
            }

            await Task.Delay(delays[attempt - 1], _options.TimeProvider, stopping).ConfigureAwait(false);
        }
    }
}

/// <summary>Where a webhook goes: the URL it is addressed (and <c>meta.delivered_to</c>) to, and what sends it.</summary>
internal sealed record WebhookTarget(Uri Url, HttpClient Client);
