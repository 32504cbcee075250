using System.Collections.ObjectModel;

namespace Telnyx.Generated;

/// <summary>
/// Telnyx answered with a status that is not success. Carries the status, the parsed Telnyx <see cref="Errors"/> and
/// the raw body; a body of any other shape (HTML from a proxy, empty, truncated JSON) still gives this exception.
/// </summary>
public class TelnyxApiException : TelnyxException
{
    /// <summary>Creates the exception from a response.</summary>
    /// <param name="message">What happened, free of secrets.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="responseBody">The raw response body, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="errors">The errors parsed from the body.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="retryAfter">The delay the server asked for, if any.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public TelnyxApiException(
        string message,
        int statusCode,
        string? responseBody,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        IReadOnlyList<TelnyxError>? errors,
        int attempts = 1,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, attempts, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Headers = headers ?? ReadOnlyDictionary<string, IEnumerable<string>>.Empty;
        Errors = errors ?? [];
        RetryAfter = retryAfter;
    }

    // The shape NSwag's generated client calls (for a 2xx body it cannot read); its message is NSwag's fixed text.
    internal TelnyxApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, TelnyxErrorParser.Parse(response), 1, null, innerException)
    {
    }

    /// <summary>The HTTP status code Telnyx answered with.</summary>
    public int StatusCode { get; }

    /// <summary>The errors Telnyx reported (<c>{"errors":[...]}</c>); empty when the body had no such list.</summary>
    public IReadOnlyList<TelnyxError> Errors { get; }

    /// <summary>The raw response body, as received (truncated beyond 64 KiB).</summary>
    public string? ResponseBody { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The delay the server asked for (<c>Retry-After</c> or <c>retry-after-ms</c>), if it asked.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>Telnyx rejected the API key (401) or the key may not do this (403). Retrying will not help.</summary>
public sealed class TelnyxAuthenticationException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="statusCode">401 or 403.</param>
    /// <param name="responseBody">The raw body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="attempts">How many attempts were made.</param>
    public TelnyxAuthenticationException(string message, int statusCode, string? responseBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers, IReadOnlyList<TelnyxError>? errors, int attempts = 1)
        : base(message, statusCode, responseBody, headers, errors, attempts)
    {
    }
}

/// <summary>Telnyx is rate limiting (429) and retries did not get through; <see cref="TelnyxApiException.RetryAfter"/> says when to try again.</summary>
public sealed class TelnyxRateLimitException : TelnyxApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="responseBody">The raw body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="errors">The parsed errors.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="retryAfter">The delay the server asked for.</param>
    public TelnyxRateLimitException(string message, string? responseBody, IReadOnlyDictionary<string, IEnumerable<string>>? headers, IReadOnlyList<TelnyxError>? errors, int attempts = 1, TimeSpan? retryAfter = null)
        : base(message, 429, responseBody, headers, errors, attempts, retryAfter)
    {
    }
}

// Referenced by NSwag's generated code for the spec's typed error responses (422, default). The pipeline turns
// every non-2xx into a TelnyxApiException before the generated code sees it, so this exists only to compile and keeps
// no result.
internal sealed class TelnyxApiException<TResult> : TelnyxApiException
{
    public TelnyxApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
    }
}
