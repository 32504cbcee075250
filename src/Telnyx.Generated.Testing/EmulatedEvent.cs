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

/// <summary>One attempt to deliver a webhook.</summary>
/// <param name="Attempt">1 for the first delivery, as in <c>meta.attempt</c>.</param>
/// <param name="StatusCode">The endpoint's answer; null when it timed out or could not be reached.</param>
/// <param name="Error">Why the attempt failed without a status, if it did.</param>
/// <param name="Body">The exact body sent (and signed).</param>
public sealed record WebhookAttempt(int Attempt, int? StatusCode, string? Error, string Body)
{
    /// <summary>True when the endpoint answered 2xx.</summary>
    public bool Delivered => StatusCode is >= 200 and < 300;
}
