using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.Tests.Webhooks.EndpointLog;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

/// <summary>
/// A verified event reaches the handlers registered for it, in order, and their outcome sets the status code.
/// </summary>
public class EndpointDispatchTests
{
    [Test]
    public async Task A_signed_event_reaches_its_typed_handler_and_is_answered_200()
    {
        var seen = new ConcurrentQueue<CallReferStartedEvent>();
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((e, _, _) =>
        {
            seen.Enqueue(e);
            return Task.CompletedTask;
        }));

        using var response = await app.PostAsync(Events.ReferStarted("evt-1"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen.Single().Id, Is.EqualTo("evt-1"));
        Assert.That(seen.Single().Data?.Payload?.CallControlId, Is.EqualTo("v3:abc"));
        AssertLogged(app, LogLevel.Information, "evt-1", "call.refer.started");
    }

    [Test]
    public async Task A_class_handler_is_resolved_from_the_request_scope()
    {
        await using var app = await WebhookApp.StartAsync(s =>
        {
            s.AddSingleton<RecordingSink>();
            s.AddTelnyxWebhookHandler<CallReferStartedEvent, RecordingHandler>();
        });

        using var response = await app.PostAsync(Events.ReferStarted("evt-class"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(app.Services.GetRequiredService<RecordingSink>().Ids, Is.EqualTo(new[] { "evt-class" }));
    }

    [Test]
    public async Task An_unknown_event_type_reaches_the_unknown_handler_with_its_raw_json()
    {
        var seen = new ConcurrentQueue<UnknownTelnyxWebhookEvent>();
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxUnknownWebhookHandler((e, _, _) =>
        {
            seen.Enqueue(e);
            return Task.CompletedTask;
        }));

        using var response = await app.PostAsync(Events.Unknown("evt-hangup"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seen.Single().EventType, Is.EqualTo("call.hangup"));
        Assert.That(seen.Single().RawJson, Does.Contain("normal_clearing"));
        AssertLogged(app, LogLevel.Information, "evt-hangup", "call.hangup");
    }

    [Test]
    public async Task An_event_without_a_handler_is_acknowledged_so_Telnyx_stops_retrying()
    {
        await using var app = await WebhookApp.StartAsync(_ => { });

        using var response = await app.PostAsync(Events.Unknown("evt-nobody"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertLogged(app, LogLevel.Information, "evt-nobody", "call.hangup", "0 handler");
    }

    [Test]
    public async Task A_throwing_handler_gives_500_and_the_redelivery_runs_the_handler_again()
    {
        var attempts = 0;
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((_, _, _) =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("database down") : Task.CompletedTask));
        var body = Events.ReferStarted("evt-throws");

        using var first = await app.PostAsync(body);
        using var redelivery = await app.PostAsync(body);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await first.Content.ReadAsStringAsync(), Does.Not.Contain("database down"));
        Assert.That(redelivery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(attempts, Is.EqualTo(2));
        var failure = app.Logs.For(EndpointCategory).Single(e => e.Level == LogLevel.Error);
        Assert.That(failure.Exception, Is.InstanceOf<InvalidOperationException>());
        Assert.That(failure.Values["EventId"], Is.EqualTo("evt-throws"));
    }

    [Test]
    public async Task A_handler_of_the_base_type_sees_every_event_after_the_typed_one()
    {
        var order = new ConcurrentQueue<string>();
        await using var app = await WebhookApp.StartAsync(s =>
        {
            s.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((e, _, _) =>
            {
                order.Enqueue("all:" + e.EventType);
                return Task.CompletedTask;
            });
            s.AddTelnyxWebhookHandler<CallReferStartedEvent>((e, _, _) =>
            {
                order.Enqueue("typed:" + e.EventType);
                return Task.CompletedTask;
            });
        });

        using var response = await app.PostAsync(Events.ReferStarted("evt-order"));

        Assert.That(order, Is.EqualTo(new[] { "typed:call.refer.started", "all:call.refer.started" }));
    }

    internal sealed class RecordingSink
    {
        public ConcurrentQueue<string?> Ids { get; } = new();
    }

    internal sealed class RecordingHandler(RecordingSink sink) : ITelnyxWebhookHandler<CallReferStartedEvent>
    {
        public Task HandleAsync(CallReferStartedEvent webhookEvent, CancellationToken cancellationToken)
        {
            sink.Ids.Enqueue(webhookEvent.Id);
            return Task.CompletedTask;
        }
    }
}
