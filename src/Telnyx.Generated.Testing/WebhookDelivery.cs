namespace Telnyx.Generated.Testing;

/// <summary>
/// How the emulator delivers the webhooks of the commands it runs (<see cref="TelnyxEmulator.WebhookDelivery"/>): as
/// Telnyx usually does, or in the ways Telnyx also does, which code receiving them must survive. Telnyx "does not
/// enforce the order in which webhooks are delivered", may deliver identical webhooks twice, and may deliver a
/// command's webhooks before its HTTP answer. Combine the flags to play several at once.
/// </summary>
[Flags]
public enum WebhookDelivery
{
    /// <summary>As Telnyx usually does: each event once, a call's events in the order they happened, while the command is answered.</summary>
    Usual = 0,

    /// <summary>
    /// Each event twice: a command's events, then the same events again, each with the same id and body (signed
    /// afresh), as a redelivery of an event the endpoint already took.
    /// </summary>
    Duplicated = 1,

    /// <summary>A command's events are delivered (or given up on after their retries) before the command is answered.</summary>
    BeforeResponse = 2,

    /// <summary>A command's events in reverse order: <c>call.refer.completed</c> before <c>call.refer.started</c>.</summary>
    Reversed = 4,
}
