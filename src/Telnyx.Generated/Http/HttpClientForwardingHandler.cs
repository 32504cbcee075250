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
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy, Content = request.Content };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // The supplied client's handlers may read options set on the original message.
        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
