using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>
/// Two instances of one webhook app, each on its own Kestrel (127.0.0.1, free port) and its own Redis connection, as
/// behind a load balancer. <see cref="Runs"/> counts handler runs per event id across both.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(WebhookApp a, WebhookApp b, ConcurrentDictionary<string, int> runs)
    {
        A = a;
        B = b;
        Runs = runs;
    }

    public WebhookApp A { get; }

    public WebhookApp B { get; }

    public ConcurrentDictionary<string, int> Runs { get; }

    /// <param name="deduplication">Adds the Redis de-duplicator; called once per instance.</param>
    /// <param name="handler">Runs after the run is counted; throw to fail the delivery.</param>
    public static async Task<TwoInstances> StartAsync(Action<IServiceCollection> deduplication, Func<TelnyxWebhookEvent, Task>? handler = null)
    {
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // one Telnyx account: both verify the same key
        var runs = new ConcurrentDictionary<string, int>();
        void Configure(IServiceCollection services)
        {
            deduplication(services);
            services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((e, _, _) =>
            {
                runs.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
                return handler?.Invoke(e) ?? Task.CompletedTask;
            });
        }

        var a = await WebhookApp.StartAsync(Configure, signingSeed: seed);
        var b = await WebhookApp.StartAsync(Configure, signingSeed: seed);
        return new TwoInstances(a, b, runs);
    }

    /// <summary>
    /// Delivers one signed body to both instances so that both arrive at the same instant: each request sends all but
    /// the last byte of its body, the two meet at a barrier, then both send their last byte.
    /// </summary>
    public async Task<(HttpStatusCode A, HttpStatusCode B)> DeliverToBothAtOnceAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = A.Signer.Sign(body, DateTimeOffset.UtcNow);
        var barrier = new TwoPartyBarrier();
        var toA = Send(A, bytes, headers, barrier);
        var toB = Send(B, bytes, headers, barrier);
        return (await toA, await toB);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }

    private static async Task<HttpStatusCode> Send(WebhookApp app, byte[] body, IReadOnlyDictionary<string, string> headers, TwoPartyBarrier barrier)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookApp.Path) { Content = new LastByteHeldContent(body, barrier) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }

    private sealed class TwoPartyBarrier
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting = 2;

        public Task ArriveAsync()
        {
            if (Interlocked.Decrement(ref _waiting) == 0)
            {
                _open.SetResult();
            }

            return _open.Task;
        }
    }

    private sealed class LastByteHeldContent(byte[] body, TwoPartyBarrier barrier) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length - 1));
            await stream.FlushAsync();
            await barrier.ArriveAsync();
            await stream.WriteAsync(body.AsMemory(body.Length - 1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
