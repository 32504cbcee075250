using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Telnyx.Generated.Testing.Internal;

/// <summary>
/// Delivers one event as Telnyx does: signed per attempt (each attempt has its own timestamp and <c>meta.attempt</c>),
/// retrying a non-2xx answer, a timeout or a refused connection with backoff, recording every attempt with the exact
/// body and headers it was sent with.
/// </summary>
internal sealed class WebhookSender(WebhookSigner signer, TelnyxEmulatorOptions options) : IDisposable
{
    private readonly HttpClient _network = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<HttpClient> _givenHandlers = [];

    /// <summary>What sends through <paramref name="handler"/> (never disposed here), or over the network when null.</summary>
    public HttpClient ClientFor(HttpMessageHandler? handler)
    {
        if (handler is null)
        {
            return _network;
        }

        var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        lock (_givenHandlers)
        {
            _givenHandlers.Add(client);
        }

        return client;
    }

    /// <summary>Delivers until an attempt is answered 2xx or the last retry failed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="stopping"/> was cancelled.</exception>
    public async Task DeliverAsync(EmulatedEvent emulatedEvent, JsonObject data, WebhookTarget target, CancellationToken stopping)
    {
        var delays = options.WebhookRetryDelays;
        for (var attempt = 1; ; attempt++)
        {
            var (body, bytes) = Body(data, attempt, target.Url);
            var headers = Headers(bytes);
            using var request = WebhookAttempt.Request(target.Url, bytes, headers);

            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            attemptTimeout.CancelAfter(options.WebhookTimeout);
            try
            {
                using var response = await target.Client.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                emulatedEvent.Add(new WebhookAttempt(attempt, (int)response.StatusCode, null, body, headers));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                emulatedEvent.Add(new WebhookAttempt(attempt, null, $"no answer within {options.WebhookTimeout.TotalSeconds:0.###} s", body, headers));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Refused, reset, or whatever a handler the test gave throws (an app already disposed): a failed attempt.
                emulatedEvent.Add(new WebhookAttempt(attempt, null, e.Message, body, headers));
            }

            if (attempt > delays.Count)
            {
                return; // given up, as Telnyx does after its last retry
            }

            await Task.Delay(delays[attempt - 1], options.TimeProvider, stopping).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _network.Dispose();
        lock (_givenHandlers)
        {
            _givenHandlers.ForEach(client => client.Dispose()); // the handlers themselves are their owners'
        }
    }

    // {"data":...,"meta":{...}} written straight from the event's data (no copy of it per attempt), as UTF-8 to send
    // and sign, and as the text WebhookAttempt records.
    private static (string Text, byte[] Bytes) Body(JsonObject data, int attempt, Uri url)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            data.WriteTo(writer);
            writer.WriteStartObject("meta");
            writer.WriteNumber("attempt", attempt);
            writer.WriteString("delivered_to", url.AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var bytes = buffer.WrittenSpan.ToArray();
        return (Encoding.UTF8.GetString(bytes), bytes);
    }

    private Dictionary<string, string> Headers(byte[] body)
    {
        var timestamp = options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = "application/json; charset=utf-8",
            ["telnyx-signature-ed25519"] = signer.Sign(timestamp, body),
            ["telnyx-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["User-Agent"] = "telnyx-webhooks/emulator",
        };
    }
}
