using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using Polly.Timeout;

namespace Telnyx.Generated.Http;

/// <summary>How a call that did not succeed becomes the <see cref="TelnyxException"/> docs/commands.md promises.</summary>
internal static class TelnyxFailures
{
    private const int MaxErrorBodyChars = 64 * 1024;

    public static Exception FromException(Exception exception, TelnyxCall call, TelnyxClientSettings settings)
    {
        if (call.CallerToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The Telnyx call was cancelled by the caller.", exception, call.CallerToken);
        }

        switch (exception)
        {
            // The caller's token is not cancelled, so any other cancellation is a timeout: Polly's per-attempt one, or
            // HttpClient.Timeout of a client the caller supplied. Never a bare TaskCanceledException.
            case TimeoutRejectedException or OperationCanceledException:
                var limit = settings.Timeout == Timeout.InfiniteTimeSpan ? "the HttpClient's own timeout" : settings.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
                return new TelnyxTimeoutException($"Telnyx did not answer {call.Description} within {limit} (after {Attempts(call)}).", call.Attempts, settings.Timeout, exception);
            case HttpRequestException or IOException:
                return new TelnyxConnectionException(
                    $"Could not get a response from Telnyx at {settings.BaseUrl.Host} for {call.Description} after {Attempts(call)}: {exception.Message}", call.Attempts, exception);
            default:
                ExceptionDispatchInfo.Capture(exception).Throw();
                return exception; // unreachable
        }
    }

    public static async Task<TelnyxApiException> FromResponseAsync(HttpResponseMessage response, TelnyxCall call, TimeProvider clock)
    {
        var body = await ReadBodyAsync(response, call.CallerToken).ConfigureAwait(false);
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value;
        }

        var errors = TelnyxErrorParser.Parse(body);
        var status = (int)response.StatusCode;
        var message = $"Telnyx answered {status} ({response.ReasonPhrase ?? ((HttpStatusCode)status).ToString()}) to {call.Description} after {Attempts(call)}"
            + (errors.Count == 0 ? "." : ": " + string.Join("; ", errors.Select(Describe)));
        var retryAfter = RetryRules.ServerDelay(response, clock);
        return status switch
        {
            401 or 403 => new TelnyxAuthenticationException(message + " Check the API key.", status, body, headers, errors, call.Attempts),
            429 => new TelnyxRateLimitException(message, body, headers, errors, call.Attempts, retryAfter),
            _ => new TelnyxApiException(message, status, body, headers, errors, call.Attempts, retryAfter),
        };

        static string Describe(TelnyxError e) => (string.IsNullOrEmpty(e.Detail) ? $"{e.Code} {e.Title}" : $"{e.Code} {e.Title}: {e.Detail}").Trim();
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars];
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            // The status is the news; a body that cannot be read (reset mid-body, bad charset) must not hide it.
            return string.Empty;
        }
    }

    private static string Attempts(TelnyxCall call) => call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
}
