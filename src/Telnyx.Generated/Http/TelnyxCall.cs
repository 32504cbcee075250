using System.Net.Http.Headers;

namespace Telnyx.Generated.Http;

/// <summary>
/// One logical call across its attempts, and what each attempt sends. The body is read and given its command_id once,
/// so every retry carries the same id and the caller's request object is never touched.
/// </summary>
internal sealed class TelnyxCall
{
    private readonly HttpRequestMessage _template;
    private readonly byte[]? _body;

    private TelnyxCall(HttpRequestMessage template, CallOperation operation, byte[]? body, string? commandId, CancellationToken callerToken)
    {
        _template = template;
        _body = body;
        Operation = operation;
        CommandId = commandId;
        CallerToken = callerToken;
    }

    public CallOperation Operation { get; }

    public string? CommandId { get; }

    /// <summary>The token the call was made with (not the per-attempt one, which the timeout also cancels).</summary>
    public CancellationToken CallerToken { get; }

    public int Attempts { get; set; }

    public string Method => _template.Method.Method;

    public string Description => $"{Method} {Operation.PathTemplate}";

    public static async Task<TelnyxCall> StartAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = CallOperation.Of(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? commandId = null;
        if (body is not null && operation.Safety == RepeatSafety.CommandId)
        {
            (body, commandId) = CommandIdBody.Ensure(body);
        }

        return new TelnyxCall(request, operation, body, commandId, cancellationToken);
    }

    /// <summary>A fresh message per attempt: a message that went through an HttpClient cannot be sent again.</summary>
    public HttpRequestMessage CreateAttemptRequest(AuthenticationHeaderValue authorization, ProductInfoHeaderValue userAgent)
    {
        var message = new HttpRequestMessage(_template.Method, _template.RequestUri) { Version = _template.Version, VersionPolicy = _template.VersionPolicy };
        foreach (var header in _template.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // Handlers of a supplied HttpClient (IHttpClientFactory) may read options set on the original message.
        foreach (var option in _template.Options)
        {
            ((IDictionary<string, object?>)message.Options)[option.Key] = option.Value;
        }

        message.Headers.Authorization = authorization;
        message.Headers.UserAgent.Clear();
        message.Headers.UserAgent.Add(userAgent);
        if (_body is not null)
        {
            message.Content = new ByteArrayContent(_body);
            message.Content.Headers.ContentType = _template.Content!.Headers.ContentType;
        }

        return message;
    }
}
