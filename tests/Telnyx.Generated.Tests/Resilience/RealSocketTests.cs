using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Faults as real sockets produce them, through the real SocketsHttpHandler, on 127.0.0.1.</summary>
public class RealSocketTests
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);

    private static TelnyxClient OwnSockets(Uri baseUrl, TestClock clock, Action<TelnyxClientOptions>? configure = null)
    {
        // The TestClock would fire ResendAfter at once, racing every answer: resends are tested in ResendTests.
        var options = new TelnyxClientOptions { ApiKey = "KEY_test", BaseUrl = baseUrl, TimeProvider = clock, Timeout = RealTimeout, ResendAfter = null };
        configure?.Invoke(options);
        return new TelnyxClient(options);
    }

    [TestCase("refer", 3)]
    [TestCase("client_state_update", 3)]
    [TestCase("siprec_start", 1)]
    [TestCase("switch_supervisor_role", 1)]
    public async Task A_connection_reset_mid_response_is_retried_only_where_a_repeat_is_harmless(string action, int attempts)
    {
        using var server = new LoopbackServer(_ => Behaviour.ResetMidResponse);
        using var client = OwnSockets(server.BaseUrl, new TestClock(RealTimeout));

        var ex = await Assert.ThrowsAsync<TelnyxConnectionException>(() => Actions.Call(client, action));

        Assert.That(ex!.Attempts, Is.EqualTo(attempts));
        Assert.That(server.Requests, Is.EqualTo(attempts));
    }

    [TestCase("send_dtmf", 3)]
    [TestCase("siprec_start", 1)]
    public async Task A_reset_after_the_request_arrived_is_retried_only_where_a_repeat_is_harmless(string action, int attempts)
    {
        using var server = new LoopbackServer(_ => Behaviour.ResetBeforeAnswer);
        using var client = OwnSockets(server.BaseUrl, new TestClock(RealTimeout));

        var ex = await Assert.ThrowsAsync<TelnyxConnectionException>(() => Actions.Call(client, action));

        Assert.That(ex!.Attempts, Is.EqualTo(attempts));
        Assert.That(server.Requests, Is.EqualTo(attempts));
    }

    [Test]
    public async Task A_reset_then_success_sends_the_same_command_id_twice()
    {
        using var server = new LoopbackServer(n => n == 1 ? Behaviour.ResetMidResponse : Behaviour.Ok);
        using var client = OwnSockets(server.BaseUrl, new TestClock(RealTimeout));

        var response = await Actions.Call(client, "refer");

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        var ids = server.Bodies.Select(b => JObject.Parse(b)["command_id"]!.Value<string>()).ToList();
        Assert.That(ids, Has.Count.EqualTo(2));
        Assert.That(ids[0], Is.EqualTo(ids[1]));
    }

    [TestCase("refer", 3)]
    [TestCase("siprec_start", 1)]
    public async Task A_server_that_never_answers_times_out_per_attempt(string action, int attempts)
    {
        using var server = new LoopbackServer(_ => Behaviour.NeverAnswer);
        var limit = TimeSpan.FromMilliseconds(200);
        using var client = OwnSockets(server.BaseUrl, new TestClock(limit), o => o.Timeout = limit);

        var ex = await Assert.ThrowsAsync<TelnyxTimeoutException>(() => Actions.Call(client, action));

        Assert.That(ex!.Attempts, Is.EqualTo(attempts));
        Assert.That(ex.Timeout, Is.EqualTo(limit));
        Assert.That(server.Requests, Is.EqualTo(attempts));
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.All))]
    public async Task A_refused_port_is_retried_for_every_action_because_nothing_was_sent(string action)
    {
        var clock = new TestClock(RealTimeout);
        using var client = OwnSockets(LoopbackServer.RefusedBaseUrl(), clock);

        var ex = await Assert.ThrowsAsync<TelnyxConnectionException>(() => Actions.Call(client, action));

        Assert.That(ex!.Attempts, Is.EqualTo(3));
        Assert.That(clock.Delays, Has.Count.EqualTo(2));
        Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Both_constructors_retry_identically_in_one_layer()
    {
        var handlerCalls = 0;
        using var ownServer = new LoopbackServer(n => n < 3 ? Behaviour.ServiceUnavailable : Behaviour.Ok);
        using var givenServer = new LoopbackServer(n => n < 3 ? Behaviour.ServiceUnavailable : Behaviour.Ok);
        using var own = OwnSockets(ownServer.BaseUrl, new TestClock(RealTimeout));
        // Like a client from IHttpClientFactory: its own handler chain and its own (default 100 s) timeout.
        using var httpClient = new HttpClient(new CountingHandler(() => Interlocked.Increment(ref handlerCalls)) { InnerHandler = new SocketsHttpHandler() });
        using var given = new TelnyxClient(httpClient, new TelnyxClientOptions { ApiKey = "KEY_test", BaseUrl = givenServer.BaseUrl, TimeProvider = new TestClock(RealTimeout), Timeout = RealTimeout, ResendAfter = null });

        await Actions.Call(own, "refer");
        await Actions.Call(given, "refer");

        Assert.That(ownServer.Requests, Is.EqualTo(3));
        Assert.That(givenServer.Requests, Is.EqualTo(3), "same retries, and no second retry layer multiplying them");
        Assert.That(handlerCalls, Is.EqualTo(3), "the given client's handlers run once per attempt");
        Assert.That(givenServer.Heads, Has.All.Contains("Authorization: Bearer KEY_test"));
    }

    [Test]
    public async Task Disposing_the_client_leaves_a_given_HttpClient_usable()
    {
        using var server = new LoopbackServer(_ => Behaviour.Ok);
        using var httpClient = new HttpClient();
        using (var client = new TelnyxClient(httpClient, new TelnyxClientOptions { ApiKey = "KEY_test", BaseUrl = server.BaseUrl }))
        {
            await Actions.Call(client, "refer");
        }

        using var response = await httpClient.PostAsync(new Uri(server.BaseUrl, "calls/x/actions/refer"), new StringContent("{}"));

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Two_hundred_concurrent_calls_on_one_client_all_complete()
    {
        // The first attempt of every tenth call gets a 503, so retries run concurrently with first attempts.
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        using var server = new LoopbackServer((n, body) =>
            seen.TryAdd(body, true) && n % 10 == 0 ? Behaviour.ServiceUnavailable : Behaviour.Ok);
        using var client = OwnSockets(server.BaseUrl, new TestClock(RealTimeout));

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(() => Actions.Call(client, Actions.WithCommandId[i % Actions.WithCommandId.Length], callControlId: $"v3:call-{i}")));
        var responses = await Task.WhenAll(calls);

        Assert.That(responses.Select(r => r.Data?.Result), Has.All.EqualTo("ok"));
        Assert.That(server.Requests, Is.GreaterThan(200), "some calls were retried");
        var ids = server.Bodies.Select(b => JObject.Parse(b)["command_id"]!.Value<string>()).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(200), "one command_id per call, shared only by retries of that call");
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
