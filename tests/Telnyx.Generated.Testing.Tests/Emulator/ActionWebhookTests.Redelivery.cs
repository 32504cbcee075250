using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>A webhook endpoint that fails, cannot be reached or never answers: retried as configured, each attempt recorded.</summary>
public partial class ActionWebhookTests
{
    [Test]
    public async Task A_failing_webhook_endpoint_is_retried_with_the_attempt_counted_in_meta()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();
        f.Receiver.FailNext(2, System.Net.HttpStatusCode.InternalServerError);

        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest { ClientState = State });

        var attempts = new[] { await f.Receiver.NextAsync(EmulatorFixture.WebhookWait), await f.Receiver.NextAsync(EmulatorFixture.WebhookWait), await f.Receiver.NextAsync(EmulatorFixture.WebhookWait) };
        var parsed = attempts.Select(a => SignedWebhooks.VerifyAndParse(a, f.Emulator.PublicKey)).Cast<CallSiprecStartedEvent>().ToList();
        Assert.That(attempts.Select(a => a.AnsweredStatus), Is.EqualTo(new[] { 500, 500, 200 }));
        Assert.That(parsed.Select(p => p.Meta!.Attempt), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(parsed.Select(p => p.Data!.Id).Distinct().Count(), Is.EqualTo(1), "a redelivery is the same event");
        await f.Emulator.WhenWebhooksDeliveredAsync();
        Assert.That(f.Emulator.Events.Single().Attempts.Select(a => a.Delivered), Is.EqualTo(new[] { false, false, true }));
    }

    [Test]
    public async Task Delivery_gives_up_after_the_configured_retries()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o.WebhookRetryDelays = [TimeSpan.FromMilliseconds(5)]);
        var call = f.Emulator.CreateCall();
        f.Receiver.FailNext(5, System.Net.HttpStatusCode.ServiceUnavailable);

        await f.Actions.StartSiprecAsync(call, new StartSiprecRequest());
        await f.Emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        Assert.That(f.Emulator.Events.Single().Attempts.Select(a => a.StatusCode), Is.EqualTo(new int?[] { 503, 503 }));
        Assert.That(f.Receiver.Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_unreachable_webhook_endpoint_is_retried_and_each_failure_recorded()
    {
        var closedPort = LoopbackPort.Free();
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions
        {
            WebhookUrl = new Uri($"http://127.0.0.1:{closedPort}/webhooks"),
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)],
        });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });

        await client.Calls.Actions.StopSiprecAsync(emulator.CreateCall(), new StopSiprecRequest());
        await emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        var attempts = emulator.Events.Single().Attempts;
        Assert.That(attempts.Select(a => a.Attempt), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(attempts.Select(a => a.StatusCode), Is.All.Null);
        Assert.That(attempts.Select(a => a.Error), Is.All.Not.Empty);
    }

    [Test]
    public async Task A_webhook_endpoint_that_never_answers_times_out_and_is_retried()
    {
        // Listening but never accepting: the connection opens, the request is sent, no answer ever comes.
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
            await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions
            {
                WebhookUrl = new Uri($"http://127.0.0.1:{port}/webhooks"),
                WebhookTimeout = TimeSpan.FromMilliseconds(100),
                WebhookRetryDelays = [TimeSpan.FromMilliseconds(5)],
            });
            using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });

            await client.Calls.Actions.StartSiprecAsync(emulator.CreateCall(), new StartSiprecRequest());
            await emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

            var attempts = emulator.Events.Single().Attempts;
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(attempts.Select(a => a.Error), Is.All.StartsWith("no answer within 0.1 s"));
        }
        finally
        {
            silent.Stop();
        }
    }
}
