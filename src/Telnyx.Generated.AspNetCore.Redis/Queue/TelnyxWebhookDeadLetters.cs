using StackExchange.Redis;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Redis;

/// <summary>
/// The queued webhooks whose handlers failed <c>Telnyx:WebhookQueueMaxAttempts</c> times (see
/// <see cref="TelnyxOptions.QueueWebhooks"/>), kept in Redis until replayed: never trimmed nor expired. Registered by
/// <c>AddTelnyxRedis</c>; inject it into an admin endpoint or a job. A replayed event is queued again as new (its
/// attempts start over, its id counts as queued), and runs on whichever instance takes it.
/// </summary>
public sealed class TelnyxWebhookDeadLetters
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisTelnyxWebhookQueue _queue;

    internal TelnyxWebhookDeadLetters(IConnectionMultiplexer redis, RedisTelnyxWebhookQueue queue)
    {
        _redis = redis;
        _queue = queue;
    }

    /// <summary>The oldest dead letters first, at most <paramref name="count"/>, starting after <paramref name="after"/>.</summary>
    /// <param name="count">How many to return at most (positive).</param>
    /// <param name="after">The <see cref="TelnyxWebhookDeadLetter.Id"/> of the last one already seen, to page on; null to start at the oldest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dead letters, oldest first; empty when there are none (more).</returns>
    public async Task<IReadOnlyList<TelnyxWebhookDeadLetter>> ListAsync(int count = 100, string? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (after is not null)
        {
            RequireEntryId(after);
        }

        var entries = await _redis.GetDatabase().StreamRangeAsync(_queue.DeadLetterStream, after is null ? "-" : "(" + after, "+", count)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return entries.Select(TelnyxWebhookDeadLetter.From).ToArray();
    }

    /// <summary>Queues a dead letter again and removes it from the dead letters, in one atomic step.</summary>
    /// <param name="id">The dead letter's <see cref="TelnyxWebhookDeadLetter.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>True when it was queued again; false when there is no dead letter with that id (already replayed).</returns>
    public async Task<bool> ReplayAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireEntryId(id);
        var found = await _redis.GetDatabase().StreamRangeAsync(_queue.DeadLetterStream, id, id, 1).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (found.Length == 0)
        {
            return false;
        }

        return await _queue.ReplayAsync(id, TelnyxWebhookDeadLetter.From(found[0]).EventId, cancellationToken).ConfigureAwait(false);
    }

    // Redis answers a malformed stream id with a server error; say what is wrong instead.
    private static void RequireEntryId(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        var dash = id.IndexOf('-');
        if (dash <= 0 || !ulong.TryParse(id.AsSpan(0, dash), System.Globalization.NumberStyles.None, null, out _) || !ulong.TryParse(id.AsSpan(dash + 1), System.Globalization.NumberStyles.None, null, out _))
        {
            throw new ArgumentException($"'{id}' is not a dead letter id: use a TelnyxWebhookDeadLetter.Id, such as 1765130000000-0.", name);
        }
    }
}

/// <summary>One dead letter: the event as Telnyx delivered it, how often its handlers ran and how the last run failed.</summary>
public sealed class TelnyxWebhookDeadLetter
{
    private TelnyxWebhookDeadLetter(string id, string? eventId, string body, int attempts, string lastError)
    {
        Id = id;
        EventId = eventId;
        Body = body;
        Attempts = attempts;
        LastError = lastError;
        DeadLetteredAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.AsSpan(0, id.IndexOf('-')), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The dead letter's id in Redis (a stream entry id), for <see cref="TelnyxWebhookDeadLetters.ReplayAsync"/>.</summary>
    public string Id { get; }

    /// <summary>The event's <c>data.id</c>; null when the event had none.</summary>
    public string? EventId { get; }

    /// <summary>The verified webhook body exactly as received.</summary>
    public string Body { get; }

    /// <summary>The event, parsed from <see cref="Body"/> (<see cref="TelnyxWebhookParser.Parse(string)"/>).</summary>
    /// <exception cref="TelnyxWebhookException">The body is not a Telnyx event (only when something else wrote it).</exception>
    public TelnyxWebhookEvent Event => TelnyxWebhookParser.Parse(Body);

    /// <summary>How many times its handlers ran; 0 when its body could not be read as an event.</summary>
    public int Attempts { get; }

    /// <summary>The exception type and message of the last failed run.</summary>
    public string LastError { get; }

    /// <summary>When it was moved to the dead letters (Redis's clock).</summary>
    public DateTimeOffset DeadLetteredAt { get; }

    internal static TelnyxWebhookDeadLetter From(StreamEntry entry) => new(
        entry.Id!,
        entry["id"].IsNullOrEmpty ? null : (string?)entry["id"],
        (string?)entry["body"] ?? "",
        (int)entry["attempts"],
        (string?)entry["error"] ?? "");
}
