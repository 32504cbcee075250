using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Telnyx.Generated.AspNetCore;

// In the namespace of MapGet and MapPost, so `app.MapTelnyxWebhooks(...)` needs no extra using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Telnyx webhook endpoint.</summary>
public static class TelnyxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the Telnyx webhook endpoint: it reads the raw body (at most
    /// <c>Telnyx:MaxWebhookBodySize</c>, 1 MiB by default; larger gives 413), verifies the Ed25519 signature (401
    /// with a problem-details body when it fails), parses the event (400 when the body is not one), skips events
    /// already handled, and runs the registered handlers: 200 when they succeed, 500 when one throws, so Telnyx
    /// delivers the event again. With <c>Telnyx:QueueWebhooks</c> it queues the event instead of running the
    /// handlers and answers 200 at once (500 when the queue is unreachable); consumers run them in the background.
    /// Needs <c>services.AddTelnyx(...)</c> and <c>Telnyx:PublicKey</c>.
    /// </summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, for example <c>"/webhooks/telnyx"</c>.</param>
    /// <returns>The endpoint's convention builder, for further configuration (host filters, rate limits, ...).</returns>
    public static IEndpointConventionBuilder MapTelnyxWebhooks(this IEndpointRouteBuilder endpoints, string pattern = "/webhooks/telnyx")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var state = endpoints.ServiceProvider.GetService<TelnyxWebhookEndpointState>()
            ?? throw new InvalidOperationException("MapTelnyxWebhooks needs services.AddTelnyx(builder.Configuration.GetSection(\"Telnyx\")) (or AddTelnyx(options => ...)) first.");
        state.Mapped = true;
        return endpoints.MapPost(pattern, context => context.RequestServices.GetRequiredService<TelnyxWebhookEndpoint>().HandleAsync(context))
            .WithDisplayName("Telnyx webhooks");
    }
}
