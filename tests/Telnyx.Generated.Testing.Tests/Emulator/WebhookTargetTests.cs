using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>Where webhooks go when the receiving app exists only after the emulator started, or has no port at all.</summary>
public class WebhookTargetTests
{
    [Test]
    public async Task Webhooks_are_only_recorded_until_a_target_is_set_after_start_then_delivered_there()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        var call = emulator.CreateCall();

        await client.Calls.Actions.StartSiprecAsync(call, new StartSiprecRequest());
        emulator.DeliverWebhooksTo(receiver.Url);
        await client.Calls.Actions.StopSiprecAsync(call, new StopSiprecRequest());
        await emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        Assert.That(emulator.WebhookUrl, Is.EqualTo(receiver.Url));
        Assert.That(emulator.Events.Select(e => (e.EventType, e.Attempts.Count)), Is.EqualTo(new[] { ("siprec.started", 0), ("siprec.stopped", 1) }));
        var delivered = SignedWebhooks.VerifyAndParse(receiver.Received.Single(), emulator.PublicKey);
        Assert.That(delivered, Is.InstanceOf<CallSiprecStoppedEvent>());
    }

    [Test]
    public async Task Through_a_handler_the_request_goes_to_the_handler_signed_and_addressed_to_the_url()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        await using var emulator = await TelnyxEmulator.StartAsync();
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        var url = new Uri("http://app.test/webhooks/telnyx");

        emulator.DeliverWebhooksTo(url, handler);
        await client.Calls.Actions.StopSiprecAsync(emulator.CreateCall(), new StopSiprecRequest());
        await emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        var (requestUri, headers, body) = handler.Requests.Single();
        Assert.That(requestUri, Is.EqualTo(url));
        var webhook = new TelnyxWebhookVerifier(emulator.PublicKey).Unwrap(body, headers);
        Assert.That(webhook.Meta?.DeliveredTo, Is.EqualTo(url.AbsoluteUri));
        Assert.That(emulator.Events.Single().Attempts.Single().Delivered, Is.True);
    }

    [Test]
    public async Task A_handler_that_throws_counts_as_a_failed_attempt_and_is_retried()
    {
        var handler = new RecordingHandler(new ObjectDisposedException("TestServer"));
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookRetryDelays = [TimeSpan.Zero] });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        emulator.DeliverWebhooksTo(new Uri("http://app.test/webhooks"), handler);

        await client.Calls.Actions.StopSiprecAsync(emulator.CreateCall(), new StopSiprecRequest());
        await emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        var attempts = emulator.Events.Single().Attempts;
        Assert.That(attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { null, null }));
        Assert.That(attempts.Select(a => a.Error), Is.All.Contains("TestServer"));
    }

    [Test]
    public async Task An_attempt_keeps_its_headers_so_a_replay_is_the_same_request_and_verifies()
    {
        await using var f = await EmulatorFixture.StartAsync();
        await f.Actions.StopSiprecAsync(f.Emulator.CreateCall(), new StopSiprecRequest());
        var original = await f.Receiver.NextAsync(EmulatorFixture.WebhookWait);
        await f.Emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        using var replay = f.Emulator.Events.Single().Attempts.Single().ToRequest(f.Receiver.Url);
        using var http = new HttpClient();
        using var answer = await http.SendAsync(replay);
        var replayed = await f.Receiver.NextAsync(EmulatorFixture.WebhookWait);

        Assert.That(replayed.Body, Is.EqualTo(original.Body));
        foreach (var name in new[] { "telnyx-signature-ed25519", "telnyx-timestamp", "User-Agent", "Content-Type" })
        {
            Assert.That(replayed.Header(name), Is.EqualTo(original.Header(name)).And.Not.Null, name);
        }

        Assert.That(SignedWebhooks.VerifyAndParse(replayed, f.Emulator.PublicKey), Is.InstanceOf<CallSiprecStoppedEvent>());
    }

    [TestCase("/webhooks")]
    [TestCase("ftp://example.com/webhooks")]
    public async Task A_target_that_is_not_an_absolute_http_url_is_rejected(string url)
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var ex = Assert.Throws<ArgumentException>(() => emulator.DeliverWebhooksTo(new Uri(url, UriKind.RelativeOrAbsolute)));

        Assert.That(ex!.ParamName, Is.EqualTo("url"));
        Assert.That(ex.Message, Does.Contain("absolute http or https URL"));
    }

    [Test]
    public void TryNext_tells_the_compiler_the_webhook_is_set_when_it_returns_true()
    {
        var parameter = typeof(WebhookReceiver).GetMethod(nameof(WebhookReceiver.TryNext))!.GetParameters().Single();

        Assert.That(parameter.GetCustomAttribute<NotNullWhenAttribute>()?.ReturnValue, Is.True);
    }

    [Test]
    public async Task A_handler_of_TelnyxWebhookEvent_in_the_app_receives_every_event_an_unmodelled_one_too()
    {
        var seed = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var telnyx = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed });
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Telnyx:ApiKey", telnyx.ApiKey)
            .UseSetting("Telnyx:BaseUrl", telnyx.BaseUrl.AbsoluteUri)
            .UseSetting("Telnyx:PublicKey", telnyx.PublicKey));
        telnyx.DeliverWebhooksTo(new Uri(app.Server.BaseAddress, "webhooks/telnyx"), app.Server.CreateHandler());
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = telnyx.ApiKey, BaseUrl = telnyx.BaseUrl });
        var call = telnyx.CreateCall();

        await client.Calls.Actions.StartSiprecAsync(call, new StartSiprecRequest());
        await client.Calls.Actions.StopSiprecAsync(call, new StopSiprecRequest());
        await telnyx.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);
        using var hangup = await PostSignedAsync(app, seed, new JObject { ["data"] = new JObject { ["event_type"] = "call.hangup", ["id"] = Guid.NewGuid().ToString(), ["payload"] = new JObject { ["call_control_id"] = call } } }.ToString(Formatting.None));

        Assert.That((int)hangup.StatusCode, Is.EqualTo(200));
        var handled = app.Services.GetRequiredService<CallLog>().Events;
        Assert.That(handled.Select(e => e.EventType), Is.EqualTo(new[] { "siprec.started", "siprec.stopped", "call.hangup" }));
        Assert.That(handled[2], Is.InstanceOf<UnknownTelnyxWebhookEvent>());
    }

    private static Task<HttpResponseMessage> PostSignedAsync(WebApplicationFactory<Program> app, string seed, string body)
    {
        using var signer = new TelnyxWebhookSigner(seed);
        var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/telnyx") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in signer.Sign(body, DateTimeOffset.UtcNow))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return app.CreateClient().SendAsync(request);
    }

    /// <summary>A transport that keeps each request (URI, headers, body) and answers a fixed status, or throws.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly HttpStatusCode _status;
        private readonly Exception? _failure;

        public RecordingHandler(HttpStatusCode status) => _status = status;

        public RecordingHandler(Exception failure) => _failure = failure;

        public List<(Uri? Uri, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_failure is not null)
            {
                throw _failure;
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.RequestUri, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
            }

            return new HttpResponseMessage(_status);
        }
    }
}
