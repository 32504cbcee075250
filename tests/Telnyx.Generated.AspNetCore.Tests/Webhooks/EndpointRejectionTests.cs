using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telnyx.Generated.Webhooks;
using static Telnyx.Generated.AspNetCore.Tests.Webhooks.EndpointLog;

namespace Telnyx.Generated.AspNetCore.Tests.Webhooks;

/// <summary>
/// A request the endpoint refuses (unsigned, tampered, too large, not JSON) gets its status and runs no handler.
/// </summary>
public class EndpointRejectionTests
{
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
}
