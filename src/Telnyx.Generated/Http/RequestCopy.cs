using System.Diagnostics;

namespace Telnyx.Generated.Http;

/// <summary>A new message that sends what another one does, for a send the original cannot be used for.</summary>
internal static class RequestCopy
{
    /// <summary>
    /// The method, URI, content, headers and options given, with the source's headers and options. Trace-context
    /// headers (<c>traceparent</c>, ...) are left out: the transport adds them per send, naming that send's own span.
    /// </summary>
    public static HttpRequestMessage Of(HttpRequestMessage source, HttpMethod method, Uri? uri, HttpContent? content)
    {
        var copy = new HttpRequestMessage(method, uri) { Version = source.Version, VersionPolicy = source.VersionPolicy, Content = content };
        var traceFields = DistributedContextPropagator.Current.Fields;
        foreach (var header in source.Headers)
        {
            if (!traceFields.Contains(header.Key))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        // Handlers of a supplied HttpClient may read options set on the original message.
        foreach (var option in source.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
