using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Delivers events one at a time, in the order they happened, signed per attempt (each attempt has its own
/// timestamp and <c>meta.attempt</c>), retrying a non-2xx answer, a timeout or a refused connection with backoff.
/// One worker keeps a call's events in order (started before completed) even while one of them is retried.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly Uri _url;
    private readonly WebhookSigner _signer;
    private readonly TelnyxEmulatorOptions _options;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Channel<(EmulatedEvent Event, JsonObject Data)> _queue = Channel.CreateUnbounded<(EmulatedEvent, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly Task _worker;
    private int _outstanding;

    public WebhookDispatcher(Uri url, WebhookSigner signer, TelnyxEmulatorOptions options)
    {
        _url = url;
        _signer = signer;
        _options = options;
        _worker = Task.Run(RunAsync);
    }

    public void Enqueue(EmulatedEvent emulatedEvent, JsonObject data)
    {
        lock (_gate)
        {
            _outstanding++;
        }

        _queue.Writer.TryWrite((emulatedEvent, data));
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

        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var (emulatedEvent, data) in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await DeliverAsync(emulatedEvent, data, _stopping.Token).ConfigureAwait(false);
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

    private async Task DeliverAsync(EmulatedEvent emulatedEvent, JsonObject data, CancellationToken stopping)
    {
        var delays = _options.WebhookRetryDelays;
        for (var attempt = 1; ; attempt++)
        {
            var body = new JsonObject
            {
                ["data"] = data.DeepClone(),
                ["meta"] = new JsonObject { ["attempt"] = attempt, ["delivered_to"] = _url.AbsoluteUri },
            }.ToJsonString();
            var timestamp = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, _url)
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
                using var response = await _http.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
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
            catch (HttpRequestException e)
            {
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
