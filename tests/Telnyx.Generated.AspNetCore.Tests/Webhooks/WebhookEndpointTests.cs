using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

public class WebhookEndpointTests
{
    private const string EndpointCategory = "Telnyx.Generated.AspNetCore";

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
    public async Task A_tampered_body_is_answered_401_with_a_problem_that_says_nothing_about_the_key()
    {
        var ran = 0;
        await using var app = await WebhookApp.StartAsync(s => s.AddTelnyxWebhookHandler<TelnyxWebhookEvent>((_, _, _) =>
        {
            Interlocked.Increment(ref ran);
            return Task.CompletedTask;
        }));
        var body = Events.ReferStarted("evt-tampered");
        var headers = app.Signer.Sign(body, DateTimeOffset.UtcNow);

        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookApp.Path) { Content = new StringContent(body.Replace("sip:agent", "sip:attacker", StringComparison.Ordinal)) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await app.Client.SendAsync(request);
        var problem = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonDocument.Parse(problem).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That(problem, Does.Not.Contain(app.Signer.PublicKeyBase64));
        Assert.That(problem, Does.Not.Contain("key").IgnoreCase);
        Assert.That(problem, Does.Not.Contain("Mismatch").IgnoreCase);
        Assert.That(ran, Is.Zero);
        AssertRejectedUnparsed(app, body.Replace("sip:agent", "sip:attacker", StringComparison.Ordinal), "SignatureMismatch", "evt-tampered");
    }

    [TestCase("{\"data\":{\"event_type\":\"call.refer.started\",\"id\":\"evt-unsigned\",\"payload\":{}}}")]
    [TestCase("not JSON at all: evt-unsigned")]
    public async Task An_unsigned_body_is_answered_401_and_logged_by_length_and_hash_without_being_parsed(string body)
    {
        await using var app = await WebhookApp.StartAsync(_ => { });

        using var response = await app.PostAsync(body, sign: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AssertRejectedUnparsed(app, body, "MissingSignature", "evt-unsigned");
    }

    [Test]
    public async Task A_body_over_the_limit_is_answered_413_without_verifying()
    {
        await using var app = await WebhookApp.StartAsync(_ => { }, new() { ["Telnyx:MaxWebhookBodySize"] = "1024" });
        var padded = Events.ReferStarted("evt-big").Replace("\"payload\":{", "\"padding\":\"" + new string('x', 2000) + "\",\"payload\":{", StringComparison.Ordinal);

        using var declared = await app.PostAsync(padded);
        using var chunked = await app.PostAsync(padded, tamper: r => r.Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(padded))));

        Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(chunked.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), "a body without Content-Length is counted as it is read");
        Assert.That(app.Logs.For(EndpointCategory).Count(e => e.Message.Contains("413", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task The_default_limit_is_one_MiB()
    {
        await using var app = await WebhookApp.StartAsync(_ => { });
        var justUnder = Events.ReferStarted("evt-1mib");
        justUnder = justUnder.Replace("\"payload\":{", "\"padding\":\"" + new string('x', (1024 * 1024) - justUnder.Length - 13) + "\",\"payload\":{", StringComparison.Ordinal);
        Assert.That(System.Text.Encoding.UTF8.GetByteCount(justUnder), Is.EqualTo(1024 * 1024));

        using var atLimit = await app.PostAsync(justUnder);
        using var overLimit = await app.PostAsync(justUnder + " ");

        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(overLimit.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_signed_body_that_is_not_JSON_is_answered_400()
    {
        await using var app = await WebhookApp.StartAsync(_ => { });

        using var response = await app.PostAsync("this is not json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        AssertLogged(app, LogLevel.Warning, null, null, "400");
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

    private static void AssertLogged(WebhookApp app, LogLevel level, string? eventId, string? eventType, string? contains = null)
    {
        var entries = app.Logs.For(EndpointCategory);
        Assert.That(
            entries,
            Has.Some.Matches<CapturingLoggerProvider.LogEntry>(e =>
                e is not null && e.Level == level
                && e.Values.TryGetValue("EventId", out var id) && Equals(id, eventId)
                && e.Values.TryGetValue("EventType", out var type) && Equals(type, eventType)
                && (contains is null || e.Message.Contains(contains, StringComparison.Ordinal))),
            () => string.Join(Environment.NewLine, entries.Select(e => $"{e.Level}: {e.Message}")));
    }

    // JSON or not, an unverified body gets the same line: reason, length and hash, never an id or type read from it.
    private static void AssertRejectedUnparsed(WebhookApp app, string body, string reason, string claimedId)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var entry = app.Logs.For(EndpointCategory).Single(e => e.Level == LogLevel.Warning);
        Assert.That(entry.Values["Reason"], Is.EqualTo(reason));
        Assert.That(entry.Values["BodyLength"], Is.EqualTo(bytes.Length));
        Assert.That(entry.Values["BodySha256"], Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]));
        Assert.That(entry.Values.Keys, Has.None.EqualTo("EventId").And.None.EqualTo("EventType"));
        Assert.That(entry.Message, Does.Not.Contain(claimedId));
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
