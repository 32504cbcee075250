namespace Telnyx.Generated.Http;

/// <summary>
/// The last hop when the user supplied an <see cref="HttpClient"/>: each attempt goes through that client, so its
/// own handlers (from IHttpClientFactory, say) run too, while retries stay in the one Telnyx pipeline above it.
/// </summary>
internal sealed class HttpClientForwardingHandler(HttpClient client) : HttpMessageHandler
{
    // The client belongs to the caller: never dispose it.
    protected override void Dispose(bool disposing)
    {
    }

    // An HttpClient refuses a message it has sent before, so each attempt goes out as a copy. The content is shared:
    // the pipeline made it re-readable bytes, and HttpClient does not dispose it.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        client.SendAsync(RequestCopy.Of(request, request.Method, request.RequestUri, request.Content), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
