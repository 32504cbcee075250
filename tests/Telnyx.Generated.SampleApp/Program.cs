using Telnyx.Generated;
using Telnyx.Generated.AspNetCore;
using Telnyx.Generated.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTelnyx(builder.Configuration.GetSection("Telnyx"));
builder.Services.AddSingleton<CallLog>();

// A handler of the base type TelnyxWebhookEvent receives every event, whatever its type (unmodelled ones too).
builder.Services.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((webhook, services, cancellationToken) =>
{
    services.GetRequiredService<CallLog>().Add(webhook);
    return Task.CompletedTask;
});

var app = builder.Build();
app.MapTelnyxWebhooks("/webhooks/telnyx");
app.MapPost("/calls/{callControlId}/transfer", async (string callControlId, ITelnyxClient telnyx, CancellationToken cancellationToken) =>
{
    await telnyx.Calls.Actions.ReferAsync(callControlId, new ReferRequest { SipAddress = "sip:agent@example.com" }, cancellationToken);
    return Results.Accepted();
});

// Send, then await how the refer ended, from its webhooks (docs/outcomes.md).
app.MapPost("/calls/{callControlId}/refer", async (string callControlId, ITelnyxCallOutcomes outcomes, CancellationToken cancellationToken) =>
{
    var outcome = await outcomes.SendAsync(
        callControlId,
        (calls, ct) => calls.ReferAsync(callControlId, new ReferRequest { SipAddress = "sip:agent@example.com" }, ct),
        cancellationToken);
    return Results.Ok(new ReferResult(outcome.Succeeded, outcome.Event?.EventType));
});
app.Run();

/// <summary>How a refer ended.</summary>
/// <param name="Succeeded">Whether the agent was reached.</param>
/// <param name="EventType">The outcome event, such as <c>call.refer.completed</c>.</param>
public sealed record ReferResult(bool Succeeded, string? EventType);

/// <summary>Every webhook the app handled, in order.</summary>
public sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly List<TelnyxWebhookEvent> _events = [];

    /// <summary>A copy of what was handled so far.</summary>
    public IReadOnlyList<TelnyxWebhookEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Records one handled event.</summary>
    /// <param name="webhook">The event.</param>
    public void Add(TelnyxWebhookEvent webhook)
    {
        lock (_gate)
        {
            _events.Add(webhook);
        }
    }
}
