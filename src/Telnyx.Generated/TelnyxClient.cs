using Telnyx.Generated.Http;

namespace Telnyx.Generated;

/// <summary>
/// The entry point: <c>new TelnyxClient(apiKey).Calls.Actions.ReferAsync(...)</c>. Configured once, immutable and safe to
/// share between threads; hold one per application (a singleton), or build it on an <see cref="HttpClient"/> from
/// <c>IHttpClientFactory</c>. Every constructor applies the same pipeline: authentication, retries with backoff,
/// command ids for de-duplicated commands, per-attempt timeouts, typed errors and logging.
/// </summary>
public sealed class TelnyxClient : ITelnyxClient, IDisposable
{
    private readonly HttpClient _pipelineClient;

    /// <summary>Creates a client with the given API key and default options.</summary>
    /// <param name="apiKey">The Telnyx API key (V2).</param>
    /// <exception cref="ArgumentNullException"><paramref name="apiKey"/> is null; the message says whether <c>TELNYX_API_KEY</c> is set.</exception>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty or has a character an HTTP header cannot carry (a line break, NUL).</exception>
    public TelnyxClient(string apiKey)
        : this(new TelnyxClientOptions { ApiKey = TelnyxClientSettings.ValidApiKey(apiKey ?? throw TelnyxClientSettings.NullApiKey(nameof(apiKey)), nameof(apiKey), nameof(apiKey)) }, httpClient: null)
    {
    }

    /// <summary>Creates a client that owns its connections.</summary>
    /// <param name="options">The settings; read once, here.</param>
    /// <exception cref="ArgumentException">A setting is invalid: no API key (<see cref="TelnyxClientOptions.ApiKey"/> null and no <c>TELNYX_API_KEY</c>), an empty one or one with a line break or NUL, a relative <see cref="TelnyxClientOptions.BaseUrl"/>, a negative retry count or delay, a timeout that is not positive.</exception>
    public TelnyxClient(TelnyxClientOptions options)
        : this(options, httpClient: null)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/> (for example one from <c>IHttpClientFactory</c>), which it never disposes.</summary>
    /// <param name="httpClient">The client to send through; its handlers run for every attempt.</param>
    /// <param name="options">The settings; read once, here.</param>
    /// <exception cref="ArgumentException">A setting is invalid, as for <see cref="TelnyxClient(TelnyxClientOptions)"/>.</exception>
    public TelnyxClient(HttpClient httpClient, TelnyxClientOptions options)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    private TelnyxClient(TelnyxClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = TelnyxClientSettings.From(options);
        HttpMessageHandler transport = httpClient is null
            ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }
            : new HttpClientForwardingHandler(httpClient);
        _pipelineClient = new HttpClient(new TelnyxPipelineHandler(settings, transport), disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per-attempt timeouts are the pipeline's job
        };
        Calls = new CallsClient(new CallActionsClient(settings.BaseUrl, _pipelineClient));
    }

    /// <inheritdoc />
    public ICallsClient Calls { get; }

    /// <summary>Releases the connections this client owns; an <see cref="HttpClient"/> passed in is left alone.</summary>
    public void Dispose() => _pipelineClient.Dispose();

    private sealed class CallsClient(ICallActionsClient actions) : ICallsClient
    {
        public ICallActionsClient Actions { get; } = actions;
    }
}
