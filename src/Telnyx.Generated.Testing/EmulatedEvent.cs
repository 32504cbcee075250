namespace Telnyx.Generated.Testing;

/// <summary>A webhook event the emulator produced for a call, and what became of its delivery.</summary>
/// <param name="EventType">The event_type, such as <c>call.refer.started</c>.</param>
/// <param name="Id">The event's id (the same on every delivery attempt).</param>
/// <param name="CallControlId">The call it belongs to.</param>
public sealed record EmulatedEvent(string EventType, string Id, string CallControlId)
{
    private readonly List<WebhookAttempt> _attempts = [];

    /// <summary>Every delivery attempt made so far, in order.</summary>
    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    internal void Add(WebhookAttempt attempt)
    {
        lock (_attempts)
        {
            _attempts.Add(attempt);
        }
    }
}

/// <summary>One attempt to deliver a webhook, exactly as it was sent, so a test can replay it (<see cref="ToRequest"/>).</summary>
/// <param name="Attempt">1 for the first delivery, as in <c>meta.attempt</c>.</param>
/// <param name="StatusCode">The endpoint's answer; null when it timed out or could not be reached.</param>
/// <param name="Error">Why the attempt failed without a status, if it did.</param>
/// <param name="Body">The exact body sent (and signed).</param>
/// <param name="Headers">
/// The headers sent with it, names compared ignoring case: <c>telnyx-signature-ed25519</c>, <c>telnyx-timestamp</c>,
/// <c>User-Agent</c> and <c>Content-Type</c>.
/// </param>
public sealed record WebhookAttempt(int Attempt, int? StatusCode, string? Error, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>True when the endpoint answered 2xx.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;

    /// <summary>A request identical to this attempt (same body, same headers, signature included) addressed to <paramref name="url"/>.</summary>
    /// <param name="url">Where to send it, such as your app's webhook endpoint.</param>
    /// <returns>A new request; the caller sends and disposes it.</returns>
    /// <example>
    /// <code>
    /// using var replay = emulator.Events[0].Attempts[0].ToRequest(new Uri(app.Server.BaseAddress, "webhooks/telnyx"));
    /// using var response = await app.CreateClient().SendAsync(replay);
    /// </code>
    /// </example>
    public HttpRequestMessage ToRequest(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Request(url, System.Text.Encoding.UTF8.GetBytes(Body), Headers);
    }

    internal static HttpRequestMessage Request(Uri url, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            // Content-Type belongs to the content, the others to the request.
            _ = request.Headers.TryAddWithoutValidation(name, value) || request.Content.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
