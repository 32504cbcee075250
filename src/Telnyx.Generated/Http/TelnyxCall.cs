using System.Net.Http.Headers;

namespace Telnyx.Generated.Http;

/// <summary>
/// One logical call across its attempts, and what each attempt sends. The body is read and given its command_id once,
/// so every retry carries the same id; every attempt sends this one message (a supplied HttpClient gets a copy, see
/// <see cref="HttpClientForwardingHandler"/>).
/// </summary>
internal sealed class TelnyxCall(HttpRequestMessage request, CallOperation operation, string? commandId, AuthenticationHeaderValue authorization, CancellationToken callerToken)
{
    private readonly (HttpMethod Method, Uri? Uri, HttpContent? Content) _sent = (request.Method, request.RequestUri, request.Content);

    public CallOperation Operation { get; } = operation;

    public string? CommandId { get; } = commandId;

    /// <summary>The token the call was made with (not the per-attempt one, which the timeout also cancels).</summary>
    public CancellationToken CallerToken { get; } = callerToken;

    public int Attempts { get; set; }

    public string Method => _sent.Method.Method;

    public string Description => $"{Method} {Operation.PathTemplate}";

    public static async Task<TelnyxCall> StartAsync(
        HttpRequestMessage request, AuthenticationHeaderValue authorization, ProductInfoHeaderValue userAgent, CancellationToken cancellationToken)
    {
        var operation = CallOperation.Of(request);
        string? commandId = null;
        if (request.Content is { } content)
        {
            // Re-readable bytes, so every attempt sends the same body, with the same command_id.
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (operation.Safety == RepeatSafety.CommandId)
            {
                (body, commandId) = CommandIdBody.Ensure(body);
            }

            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = content.Headers.ContentType;
            content.Dispose();
        }

        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.Add(userAgent);
        return new TelnyxCall(request, operation, commandId, authorization, cancellationToken);
    }

    /// <summary>The message for the next attempt, as the first was sent: a redirect followed last time may have changed its URI, method, body and Authorization.</summary>
    public HttpRequestMessage NextAttempt()
    {
        (request.Method, request.RequestUri, request.Content) = _sent;
        request.Headers.Authorization = authorization;
        return request;
    }
}
