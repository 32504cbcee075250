using System.Text.Json.Nodes;
using Telnyx.Generated.Testing.Internal;

namespace Telnyx.Generated.Testing;

// Where and how the events a call produces are delivered, and what became of them.
public sealed partial class TelnyxEmulator
{
    private WebhookDelivery _delivery;

    /// <summary>Where webhooks are delivered (<see cref="TelnyxEmulatorOptions.WebhookUrl"/>, or the last <see cref="DeliverWebhooksTo"/>); null while they are only recorded.</summary>
    public Uri? WebhookUrl => _dispatcher?.Url;

    /// <summary>Every webhook event produced (the last <see cref="TelnyxEmulatorOptions.HistoryLimit"/>, when set), in order, with its delivery attempts.</summary>
    public IReadOnlyList<EmulatedEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// How the webhooks of commands received from now on (and of <see cref="HangUp"/>) are delivered; default
    /// <see cref="WebhookDelivery.Usual"/>. Set flags to play what Telnyx also does, and prove your handlers survive it.
    /// </summary>
    /// <example>
    /// <code>
    /// emulator.WebhookDelivery = WebhookDelivery.Duplicated | WebhookDelivery.Reversed | WebhookDelivery.BeforeResponse;
    /// </code>
    /// </example>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a combination of the flags.</exception>
    public WebhookDelivery WebhookDelivery
    {
        get
        {
            lock (_gate)
            {
                return _delivery;
            }
        }

        set
        {
            const WebhookDelivery All = WebhookDelivery.Duplicated | WebhookDelivery.BeforeResponse | WebhookDelivery.Reversed;
            if ((value & ~All) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"WebhookDelivery is a combination of {All}.");
            }

            lock (_gate)
            {
                _delivery = value;
            }
        }
    }

    /// <summary>
    /// Delivers the webhooks of later commands to <paramref name="url"/>, replacing <see cref="TelnyxEmulatorOptions.WebhookUrl"/>;
    /// events already produced keep their target. Set it once the receiving app exists, which with
    /// <c>WebApplicationFactory</c> is after the app was configured with this emulator's <see cref="BaseUrl"/> and keys.
    /// </summary>
    /// <param name="url">The webhook endpoint, absolute http or https; also what <c>meta.delivered_to</c> says.</param>
    /// <param name="handler">
    /// What sends the requests instead of the network, such as <c>factory.Server.CreateHandler()</c> for an in-memory
    /// test server (no port); the emulator never disposes it. Null sends over the network.
    /// </param>
    /// <example>
    /// <code>
    /// telnyx.DeliverWebhooksTo(new Uri(factory.Server.BaseAddress, "webhooks/telnyx"), factory.Server.CreateHandler());
    /// </code>
    /// </example>
    public void DeliverWebhooksTo(Uri url, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsHttpUrl(url))
        {
            throw new ArgumentException("The webhook URL must be an absolute http or https URL.", nameof(url));
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _dispatcher!.DeliverTo(url, handler);
    }

    /// <summary>
    /// Completes when every webhook produced so far was delivered (2xx) or given up on after its last retry, or the
    /// emulator was disposed (which abandons pending deliveries). Webhooks produced later do not delay it.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when no delivery produced so far is pending.</returns>
    public Task WhenWebhooksDeliveredAsync(CancellationToken cancellationToken = default) =>
        _dispatcher?.WhenIdleAsync(cancellationToken) ?? Task.CompletedTask;

    // Under _gate and the call's Gate, so a call's events are queued in the order they happened: records and queues one command's events
    // as WebhookDelivery says; the task completes when they were delivered, if it asks for that, else at once.
    private Task Deliver(List<(EmulatedEvent Event, JsonObject Data)> produced)
    {
        if (_delivery.HasFlag(WebhookDelivery.Reversed))
        {
            produced.Reverse();
        }

        _events.AddRange(produced.Select(p => p.Event));
        Forget(_events);
        var delivered = _dispatcher?.Enqueue(_delivery.HasFlag(WebhookDelivery.Duplicated) ? [.. produced, .. produced] : produced) ?? Task.CompletedTask;
        return _delivery.HasFlag(WebhookDelivery.BeforeResponse) ? delivered : Task.CompletedTask;
    }

    // The event's example data, as this call would have it: a fresh id and time, the call's ids and current client_state,
    // and the fields a test set for its event type (read under _gate by the caller); under the call's Gate.
    private (EmulatedEvent, JsonObject) NewEvent(EmulatedCall call, string eventType, JsonObject? overrides)
    {
        var data = _spec.Webhooks.Data(eventType);
        var id = Guid.NewGuid().ToString();
        data["id"] = id;
        data["occurred_at"] = _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        data["record_type"] ??= "event";
        if (data["payload"] is JsonObject payload)
        {
            AsCall(payload, call);
            foreach (var (name, value) in overrides ?? [])
            {
                payload[name] = value?.DeepClone();
            }
        }

        return (new EmulatedEvent(eventType, id, call.CallControlId), data);
    }
}
