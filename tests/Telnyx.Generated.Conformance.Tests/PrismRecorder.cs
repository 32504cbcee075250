using System.Collections.Concurrent;

namespace Telnyx.Generated.Conformance.Tests;

/// <summary>What went to Prism and what came back, as seen below the client's pipeline.</summary>
internal sealed record PrismExchange(string Method, string Path, string RequestBody, int Status, string? Violations, string ResponseBody);

/// <summary>
/// Sits in the <see cref="HttpClient"/> handed to <see cref="TelnyxClient"/>: records each exchange with Prism's
/// <c>sl-violations</c> header (the client's exceptions do not carry it on success), and can ask Prism for the
/// spec's error example with <c>Prefer: code=422</c>.
/// </summary>
internal sealed class PrismRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<PrismExchange> Exchanges { get; } = new();

    public int? PreferStatus { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PreferStatus is { } status)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"code={status}");
        }

        var requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join("\n", values) : null;
        Exchanges.Enqueue(new PrismExchange(request.Method.Method, request.RequestUri!.AbsolutePath, requestBody, (int)response.StatusCode, violations, responseBody));
        return response;
    }
}
