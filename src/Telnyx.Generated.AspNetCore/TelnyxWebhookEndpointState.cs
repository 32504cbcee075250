namespace Telnyx.Generated.AspNetCore;

/// <summary>Set by <c>MapTelnyxWebhooks</c>, so start-up validation can demand a public key only from apps that receive webhooks.</summary>
internal sealed class TelnyxWebhookEndpointState
{
    public volatile bool Mapped;
}
