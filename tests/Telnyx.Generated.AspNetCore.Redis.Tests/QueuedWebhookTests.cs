using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;
using Telnyx.Generated.AspNetCore.Tests;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.Redis.Tests.QueuedApp;

namespace Telnyx.Generated.AspNetCore.Redis.Tests;

/// <summary>Telnyx:QueueWebhooks on a real redis-server shared by the fixture: each test has its own key prefix.</summary>
public class QueuedWebhookTests : SharedRedisTests
{
    [Test]
    public async Task A_handler_slower_than_the_claim_lease_is_answered_before_it_finishes_and_runs_once_across_two_instances()
    {
        const string Prefix = "test:slow:";
        var lease = TimeSpan.FromSeconds(1); // renewed every third of it: long enough that a loaded machine's pauses do not look like a death
        var runs = new ConcurrentDictionary<string, int>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Slow(TelnyxWebhookEvent e, CancellationToken ct)
        {
            started.TrySetResult();
            await Task.Delay(lease * 3, ct); // the scenario itself: three claim leases, as a handler outliving Telnyx's 25 s would
            finished.TrySetResult();
        }

        var seed = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var a = await StartAsync(Server.Configuration, Prefix, runs, Slow, lease: lease, signingSeed: seed);
        await using var b = await StartAsync(Server.Configuration, Prefix, runs, Slow, lease: lease, signingSeed: seed);
        var body = Events.ReferStarted("evt-slow");

        var answers = new List<HttpStatusCode> { await StatusAsync(a, body) };
        var answeredBeforeTheHandlerFinished = !finished.Task.IsCompleted;
        await started.Task.WaitAsync(Patience);
        answers.Add(await StatusAsync(b, body)); // Telnyx's redelivery after its timeout, at the other instance
        answers.Add(await StatusAsync(a, body));
        var copiesAnsweredWhileItRan = !finished.Task.IsCompleted;
        await finished.Task.WaitAsync(Patience);
        await UntilAsync(async () => await StateAsync(Admin, Prefix, "evt-slow") == "done", "the event is marked done");
        answers.Add(await StatusAsync(b, body)); // and a copy after it finished

        Assert.That(answers, Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answeredBeforeTheHandlerFinished && copiesAnsweredWhileItRan, Is.True);
        Assert.That(runs["evt-slow"], Is.EqualTo(1), "renewed while it ran, so the other instance never took it over");
        Assert.That(await Admin.GetDatabase().StreamLengthAsync("{" + Prefix + "}queue"), Is.Zero, "a handled entry is deleted from the stream");
    }

    [Test]
    public async Task Copies_of_a_queued_event_not_yet_started_and_of_finished_events_run_nothing()
    {
        const string Prefix = "test:copies:";
        var runs = new ConcurrentDictionary<string, int>();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(
            Server.Configuration,
            Prefix,
            runs,
            (e, _) =>
            {
                if (e.Id != "evt-first")
                {
                    return Task.CompletedTask;
                }

                firstRunning.TrySetResult();
                return release.Task;
            },
            settings: new() { ["Telnyx:WebhookQueueConcurrency"] = "1" });

        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-first")), Is.EqualTo(HttpStatusCode.OK));
        await firstRunning.Task.WaitAsync(Patience);
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-waiting")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StateAsync(Admin, Prefix, "evt-waiting"), Does.StartWith("queued:"), "the only slot is busy: it waits in the stream");
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-waiting")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-first")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Admin.GetDatabase().StreamLengthAsync("{" + Prefix + "}queue"), Is.EqualTo(2), "copies append nothing");

        release.SetResult();
        await UntilAsync(async () => await StateAsync(Admin, Prefix, "evt-waiting") == "done", "both events are done");
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-first")), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-waiting")), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(runs, Is.EquivalentTo(new Dictionary<string, int> { ["evt-first"] = 1, ["evt-waiting"] = 1 }));
        Assert.That(await Admin.GetDatabase().StreamLengthAsync("{" + Prefix + "}queue"), Is.Zero);
    }

    [Test]
    public async Task Handlers_of_up_to_the_concurrency_limit_of_events_run_at_once_and_no_more()
    {
        const int Limit = 4;
        var runs = new ConcurrentDictionary<string, int>();
        var running = 0;
        var allRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mostAtOnce = 0;
        await using var app = await StartAsync(
            Server.Configuration,
            "test:concurrency:",
            runs,
            async (_, _) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostAtOnce, now);
                if (now == Limit)
                {
                    allRunning.TrySetResult();
                }

                await release.Task;
                Interlocked.Decrement(ref running);
            },
            settings: new() { ["Telnyx:WebhookQueueConcurrency"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        for (var i = 0; i < Limit * 2; i++)
        {
            Assert.That(await StatusAsync(app, Events.ReferStarted($"evt-c{i}")), Is.EqualTo(HttpStatusCode.OK));
        }

        await allRunning.Task.WaitAsync(Patience);
        var startedWhileBlocked = runs.Count;
        release.SetResult();
        await UntilAsync(() => Task.FromResult(runs.Count == Limit * 2), "every event ran");

        Assert.That(startedWhileBlocked, Is.EqualTo(Limit), "four slow handlers ran side by side, and the fifth waited for a slot");
        Assert.That(mostAtOnce, Is.EqualTo(Limit));
    }

    [Test]
    public async Task A_poison_event_lands_in_the_dead_letters_after_the_attempts_and_replays_once_fixed()
    {
        const string Prefix = "test:poison:";
        var runs = new ConcurrentDictionary<string, int>();
        var poisoned = true;
        await using var app = await StartAsync(
            Server.Configuration,
            Prefix,
            runs,
            (_, _) => poisoned ? throw new InvalidOperationException("the CRM refused it") : Task.CompletedTask,
            settings: new() { ["Telnyx:WebhookQueueMaxAttempts"] = "3" });
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var attempts = new MetricCollector<long>(meters, TelnyxTelemetry.WebhooksMeterName, "telnyx.webhook.handler.attempts");
        using var deadLettered = new MetricCollector<long>(meters, TelnyxTelemetry.WebhooksMeterName, "telnyx.webhook.dead_letters");
        var deadLetters = app.Services.GetRequiredService<TelnyxWebhookDeadLetters>();

        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-poison")), Is.EqualTo(HttpStatusCode.OK));
        await UntilAsync(async () => (await deadLetters.ListAsync()).Count == 1, "the event is dead-lettered");
        var letter = (await deadLetters.ListAsync()).Single();
        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-poison")), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(letter.EventId, Is.EqualTo("evt-poison"));
        Assert.That(letter.Attempts, Is.EqualTo(3));
        Assert.That(letter.LastError, Is.EqualTo("System.InvalidOperationException: the CRM refused it"));
        Assert.That(letter.Event, Is.InstanceOf<CallReferStartedEvent>());
        Assert.That(letter.Body, Is.EqualTo(Events.ReferStarted("evt-poison")), "the body exactly as delivered");
        Assert.That(runs["evt-poison"], Is.EqualTo(3), "a redelivery of a dead-lettered event runs nothing");
        Assert.That(await StateAsync(Admin, Prefix, "evt-poison"), Is.EqualTo("dead"));
        Assert.That(attempts.GetMeasurementSnapshot().Select(m => (m.Value, m.Tags["telnyx.webhook.outcome"])), Is.EqualTo(Enumerable.Repeat((1L, (object?)"handler_failed"), 3)));
        await deadLettered.WaitForMeasurementsAsync(1, Patience); // counted once the dead letter landed, so possibly after it is listed
        Assert.That(deadLettered.GetMeasurementSnapshot().Single().Value, Is.EqualTo(1));

        poisoned = false;
        Assert.That(await deadLetters.ReplayAsync(letter.Id), Is.True);
        await UntilAsync(async () => await StateAsync(Admin, Prefix, "evt-poison") == "done", "the replayed event is handled");
        Assert.That(runs["evt-poison"], Is.EqualTo(4));
        Assert.That(await deadLetters.ListAsync(), Is.Empty);
        Assert.That(await deadLetters.ReplayAsync(letter.Id), Is.False, "a dead letter replays once");
    }

    [Test]
    public async Task Each_handler_run_is_a_span_linked_to_the_delivery_span_and_the_backlog_is_a_metric()
    {
        using var telemetry = new ExportedTelemetry();
        var runs = new ConcurrentDictionary<string, int>();
        await using var app = await StartAsync(Server.Configuration, "test:span:", runs);

        Assert.That(await StatusAsync(app, Events.ReferStarted("evt-span")), Is.EqualTo(HttpStatusCode.OK));
        await telemetry.RequestsEndedAsync();
        await UntilAsync(() => Task.FromResult(telemetry.Spans.Any(s => s.OperationName.StartsWith("Telnyx webhook handlers", StringComparison.Ordinal))), "the handler run's span is exported");

        var delivery = telemetry.Deliveries.Single();
        var run = telemetry.Spans.Single(s => s.OperationName == "Telnyx webhook handlers call.refer.started");
        Assert.That(delivery.GetTagItem("telnyx.webhook.outcome"), Is.EqualTo("queued"));
        Assert.That(run.Kind, Is.EqualTo(System.Diagnostics.ActivityKind.Consumer));
        Assert.That(run.Links.Select(l => (l.Context.TraceId, l.Context.SpanId)), Is.EqualTo(new[] { (delivery.TraceId, delivery.SpanId) }));
        Assert.That(run.TraceId, Is.Not.EqualTo(delivery.TraceId), "a trace of its own, so a long handler does not stretch the request's trace");
        Assert.That(run.GetTagItem("telnyx.webhook.outcome"), Is.EqualTo("handled"));
        Assert.That(run.GetTagItem("telnyx.webhook.attempt"), Is.EqualTo(1));
        // The backlog is sampled by the worker's upkeep, on its own schedule: not necessarily before the handler ran.
        await UntilAsync(() => Task.FromResult(telemetry.Metrics().Select(m => m.Name).Intersect(["telnyx.webhook.queue.length", "telnyx.webhook.queue.lag"]).Count() == 2), "the backlog is exported as metrics");
    }

    [TestCase("abc")]
    [TestCase("1765130000000")]
    [TestCase("-1-0")]
    public async Task A_malformed_dead_letter_id_is_an_ArgumentException_naming_it(string id)
    {
        await using var app = await StartAsync(Server.Configuration, "test:badid:", new ConcurrentDictionary<string, int>());
        var deadLetters = app.Services.GetRequiredService<TelnyxWebhookDeadLetters>();

        var replay = await Assert.ThrowsAsync<ArgumentException>(() => deadLetters.ReplayAsync(id));
        var list = await Assert.ThrowsAsync<ArgumentException>(() => deadLetters.ListAsync(after: id));

        Assert.That(replay!.Message, Does.StartWith($"'{id}' is not a dead letter id"));
        Assert.That(list!.ParamName, Is.EqualTo("after"));
    }

    internal static async Task<HttpStatusCode> StatusAsync(WebhookApp app, string body)
    {
        using var response = await app.PostAsync(body);
        return response.StatusCode;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = target; value > current; current = target)
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
