namespace Telnyx.Generated.Http;

/// <summary>
/// The last hop when the user supplied an <see cref="HttpClient"/>: each attempt goes through that client, so its
/// own handlers (from IHttpClientFactory, say) run too, while retries stay in the one Telnyx pipeline above it.
/// </summary>
internal sealed class HttpClientForwardingHandler(HttpClient client) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    // The client belongs to the caller: never dispose it.
    protected override void Dispose(bool disposing)
    {
    }
}
