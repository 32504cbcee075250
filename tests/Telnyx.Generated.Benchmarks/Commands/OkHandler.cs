using System.Net;
using System.Net.Http.Headers;

namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>
/// The in-memory "Telnyx": answers every request with 200 {"data":{"result":"ok"}}. It drains the request body the
/// way a socket transport would, so a body that is never serialised cannot look free.
/// </summary>
public sealed class OkHandler : HttpMessageHandler
{
    private static readonly byte[] Ok = """{"data":{"result":"ok"}}"""u8.ToArray();
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(Ok);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
