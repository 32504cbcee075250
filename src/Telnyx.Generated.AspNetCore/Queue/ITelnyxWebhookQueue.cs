using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The durable queue behind <see cref="TelnyxOptions.QueueWebhooks"/>, implemented by <c>AddTelnyxRedis</c> (Redis
/// Streams). The endpoint enqueues; <see cref="TelnyxWebhookQueueWorker"/> reads, runs the handlers and completes or
/// dead-letters. Every method throws when the store cannot answer; none takes an unanswered call for success.
/// </summary>
internal interface ITelnyxWebhookQueue
{
    /// <summary>How long an entry may sit with a consumer that no longer renews it (<see cref="RenewAsync"/>) before another takes it.</summary>
    TimeSpan ClaimLease { get; }

    /// <summary>
    /// Claims the event id, appends the verified body and hands an outcome event to the outcome waiters
    /// (<see cref="IOutcomeRelay"/>) in one atomic step, so no queued outcome goes unheard. False when the id is
    /// already claimed, queued or done (a duplicate); an event without an id is always appended.
    /// </summary>
    ValueTask<bool> EnqueueAsync(TelnyxWebhookEvent webhookEvent, string? eventId, byte[] body, string? traceParent, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> entries no consumer has had yet, now this instance's.</summary>
    ValueTask<IReadOnlyList<QueuedWebhook>> ReadAsync(int count, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> entries whose consumer has not renewed them for <see cref="ClaimLease"/> (it died), now this instance's.</summary>
    ValueTask<IReadOnlyList<QueuedWebhook>> ReclaimAsync(int count, CancellationToken cancellationToken);

    /// <summary>Tells the other instances that these entries, still being handled here, are not abandoned.</summary>
    ValueTask RenewAsync(IReadOnlyCollection<string> entryIds, CancellationToken cancellationToken);

    /// <summary>Acknowledges and removes the entry and marks its event id done, in one atomic step.</summary>
    ValueTask CompleteAsync(QueuedWebhook entry, CancellationToken cancellationToken);

    /// <summary>Moves the entry to the dead letters with its attempt count and last error, in one atomic step.</summary>
    ValueTask DeadLetterAsync(QueuedWebhook entry, int attempts, string lastError, CancellationToken cancellationToken);

    /// <summary>How many entries wait or run, how old the oldest is, and how many dead letters there are.</summary>
    ValueTask<TelnyxWebhookQueueBacklog> GetBacklogAsync(CancellationToken cancellationToken);
}

/// <summary>One queued delivery: the verified body as received and the delivery span's W3C <c>traceparent</c>.</summary>
internal sealed record QueuedWebhook(string EntryId, string? EventId, byte[] Body, string? TraceParent);

/// <summary>A snapshot of the queue: <see cref="Lag"/> is the age of the oldest entry not yet handled (zero when empty).</summary>
internal readonly record struct TelnyxWebhookQueueBacklog(long Length, TimeSpan Lag, long DeadLetters);
