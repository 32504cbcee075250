using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.Tests.Webhooks.EndpointLog;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

/// <summary>
/// Telnyx redelivers: the endpoint runs an event's handlers once, and answers so that a lost event is retried.
/// </summary>
public class EndpointDeduplicationTests
{
    [Test]
    public async Task A_store_that_fails_to_mark_an_event_done_still_answers_200_because_the_handlers_ran()
    {
        var runs = 0;
        await using var app = await WebhookApp.StartAsync(s =>
        {
            s.AddSingleton<ITelnyxWebhookDeduplicator, StoreLostAfterClaim>();
            s.AddTelnyxWebhookHandler<CallReferStartedEvent>((_, _, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.CompletedTask;
            });
        });

        using var response = await app.PostAsync(Events.ReferStarted("evt-not-marked"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a 500 would make Telnyx redeliver an event that was handled");
        Assert.That(runs, Is.EqualTo(1));
        AssertLogged(app, LogLevel.Warning, "evt-not-marked", "call.refer.started", "could not be marked done");
    }

    [Test]
    public async Task A_deduplication_store_that_is_down_gives_500_so_Telnyx_retries_later()
    {
        var runs = 0;
        await using var app = await WebhookApp.StartAsync(s =>
        {
            s.AddSingleton<ITelnyxWebhookDeduplicator, UnreachableStore>(); // registered last, so it wins over the default
            s.AddTelnyxWebhookHandler<CallReferStartedEvent>((_, _, _) =>
            {
                Interlocked.Increment(ref runs);
                return Task.CompletedTask;
            });
        });

        using var response = await app.PostAsync(Events.ReferStarted("evt-store-down"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(runs, Is.Zero, "without a claim the handlers must not run: they could run twice");
        AssertLogged(app, LogLevel.Error, "evt-store-down", "call.refer.started");
    }

    [Test]
    public async Task A_duplicate_delivery_is_acknowledged_without_running_handlers_again()
    {
        var runs = 0;
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((_, _, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }));
        var body = Events.ReferStarted("evt-dup");

        using var first = await app.PostAsync(body);
        using var second = await app.PostAsync(body.Replace("\"attempt\":1", "\"attempt\":2", StringComparison.Ordinal));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(runs, Is.EqualTo(1));
        AssertLogged(app, LogLevel.Information, "evt-dup", "call.refer.started", "already handled");
    }

    [Test]
    public async Task Concurrent_duplicates_run_the_handler_once()
    {
        var runs = 0;
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<CallReferStartedEvent>((_, _, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }));
        var body = Events.ReferStarted("evt-race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.PostAsync(body)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(runs, Is.EqualTo(1));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    internal sealed class UnreachableStore : ITelnyxWebhookDeduplicator
    {
        public ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default) =>
            throw new IOException("It was not possible to connect to the redis server(s).");

        public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    internal sealed class StoreLostAfterClaim : ITelnyxWebhookDeduplicator
    {
        public ValueTask<bool> TryBeginAsync(string eventId, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

        public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken = default) =>
            throw new IOException("It was not possible to connect to the redis server(s).");

        public ValueTask AbandonAsync(string eventId, CancellationToken cancellationToken = default) =>
            throw new AssertionException("a handled event must not be released");
    }
}
