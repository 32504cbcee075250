using System.Diagnostics;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore;

/// <summary>
/// The webhook endpoint's traces: one <see cref="ActivityKind.Internal"/> span per delivery under ASP.NET Core's request
/// span, named <c>Telnyx webhook</c> (then <c>Telnyx webhook {event type}</c> once verified), and the names of the tags
/// it and <see cref="TelnyxWebhookMetrics"/> record. Nothing is recorded unless a listener subscribes to
/// <see cref="TelnyxTelemetry.WebhooksActivitySourceName"/>. Bodies, headers and keys are never recorded.
/// </summary>
internal static class TelnyxWebhookTelemetry
{
    public const string EventTypeTag = "telnyx.event_type";
    public const string EventIdTag = "telnyx.event_id";
    public const string OutcomeTag = "telnyx.webhook.outcome";
    public const string VerificationReasonTag = "telnyx.webhook.verification.reason";
    public const string OperationTag = "telnyx.webhook.deduplication.operation";
    public const string StoreTag = "telnyx.webhook.deduplication.store";
    public const string ErrorTypeTag = "error.type";
    public const string AttemptTag = "telnyx.webhook.attempt";

    /// <summary>The <see cref="EventTypeTag"/> of an event type this library does not model: keeps the tag bounded.</summary>
    public const string OtherEventType = "other";

    private const string DeliverySpan = "Telnyx webhook";
    private const string HandlerRunSpan = "Telnyx webhook handlers";

    /// <summary>This package's version, for the source and the meter.</summary>
    public static readonly string Version = PackageVersion.Of(typeof(TelnyxWebhookTelemetry).Assembly);

    public static readonly ActivitySource Source = new(TelnyxTelemetry.WebhooksActivitySourceName, Version);

    /// <summary>
    /// The event type as a tag: a modelled type (the parser gave it its own class) keeps its name, any other is
    /// <see cref="OtherEventType"/>, so a tag never has more values than the library has event classes, plus one.
    /// </summary>
    public static string EventType(TelnyxWebhookEvent webhookEvent) =>
        webhookEvent is UnknownTelnyxWebhookEvent ? OtherEventType : webhookEvent.EventType;

    /// <summary>
    /// A <see cref="ActivityKind.Client"/> span for one call a de-duplicator makes to its store, a child of the
    /// delivery's span, with OpenTelemetry's database attributes where they apply.
    /// </summary>
    /// <param name="operation">The store's own name for the call (<c>SET</c>, <c>get</c>): the span's name and <c>db.operation.name</c>.</param>
    /// <param name="system">The <c>db.system.name</c> (<c>redis</c>), or null when the store is not known.</param>
    /// <param name="store">What the store is, for <see cref="StoreTag"/>: a type name.</param>
    public static Activity? StartStoreCall(string operation, string? system, string store)
    {
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag(StoreTag, store);
        }

        return activity;
    }

    /// <summary>Marks a store call that threw as an error, with its exception type.</summary>
    public static void StoreCallFailed(Activity? activity, Exception error)
    {
        activity?.SetTag(ErrorTypeTag, error.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error);
    }

    public static Activity? StartDelivery() => Source.StartActivity(DeliverySpan, ActivityKind.Internal);

    /// <summary>
    /// A <see cref="ActivityKind.Consumer"/> span for one run of a queued event's handlers (<see cref="TelnyxOptions.QueueWebhooks"/>),
    /// in a trace of its own linked to the delivery's span (<paramref name="deliveryTraceParent"/>), as OpenTelemetry's
    /// messaging conventions link a message's processing to its publishing.
    /// </summary>
    public static Activity? StartHandlerRun(string eventType, string? eventId, string? deliveryTraceParent, int attempt)
    {
        ActivityLink[]? links = ActivityContext.TryParse(deliveryTraceParent, null, out var delivery) ? [new ActivityLink(delivery)] : null;
        var activity = Source.StartActivity(HandlerRunSpan + " " + eventType, ActivityKind.Consumer, default(ActivityContext), links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(EventTypeTag, eventType);
            activity.SetTag(EventIdTag, eventId);
            activity.SetTag(AttemptTag, attempt);
        }

        return activity;
    }

    /// <summary>Names the span for the event and tags it with the type and id, once the signature is verified.</summary>
    public static void Verified(Activity? activity, string eventType, string? eventId)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = DeliverySpan + " " + eventType;
            activity.SetTag(EventTypeTag, eventType);
            activity.SetTag(EventIdTag, eventId);
        }
    }

    /// <summary>
    /// Sets the outcome. Failures on this side (a handler threw, the store is down) are errors with their exception type;
    /// a request that is not a genuine event is the sender's problem, like a 4xx on an HTTP server span, and is not.
    /// The exception's message stays in the log: it may carry what a handler read from the event.
    /// </summary>
    public static void Finished(Activity? activity, string outcome, Exception? error = null, TelnyxWebhookVerificationReason? reason = null)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(OutcomeTag, outcome);
        if (reason is { } why)
        {
            activity.SetTag(VerificationReasonTag, why.ToString());
        }

        if (error is not null)
        {
            activity.SetTag(ErrorTypeTag, error.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}

/// <summary>What became of one delivery: the values of <see cref="TelnyxWebhookTelemetry.OutcomeTag"/>.</summary>
internal static class WebhookOutcome
{
    public const string Handled = "handled";
    public const string Duplicate = "duplicate";
    public const string SignatureInvalid = "signature_invalid";
    public const string Malformed = "malformed";
    public const string HandlerFailed = "handler_failed";
    public const string StoreUnavailable = "store_unavailable";
    public const string Queued = "queued";
}
