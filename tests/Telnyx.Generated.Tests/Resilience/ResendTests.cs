using Newtonsoft.Json.Linq;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>
/// Telnyx's command-retry guidance: an attempt silent for <c>ResendAfter</c> is sent again, identically, where a repeat
/// is safe (the spec's <c>command-id</c> and <c>idempotent</c>), and a 500 is retried at once. The TestClock fires the
/// ResendAfter timer at once, so a "hang" step is a silence, and never a race with an answer. Resends have their own
/// budget (one per attempt, <see cref="Telnyx.Generated.Http.ResendOnSilence.MaxResendsPerCommand"/> per command) beside MaxRetries.
/// </summary>
public partial class ResendTests
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ResendAfter = TimeSpan.FromMilliseconds(500);
    private const int ResendOnSilenceLimit = Telnyx.Generated.Http.ResendOnSilence.MaxResendsPerCommand;

    private static (TelnyxClient Client, TestClock Clock, LogCapture Log) Client(ScriptedTelnyx telnyx, TimeSpan? timeout = null, Action<TelnyxClientOptions>? configure = null)
    {
        var limit = timeout ?? RealTimeout;
        var (clock, log) = (new TestClock(limit), new LogCapture());
        var client = telnyx.Client(clock, o =>
        {
            o.Timeout = limit;
            o.ResendAfter = ResendAfter;
            o.Logger = log;
            configure?.Invoke(o);
        });
        return (client, clock, log);
    }

    private static List<object?> Logged(LogCapture log, string key) => log.Lines.Select(l => l.Values[key]).ToList();

    [TestCaseSource(typeof(Actions), nameof(Actions.RetriedOnAnyFailure))]
    public async Task A_silent_attempt_is_resent_identically_and_the_first_answer_wins(string action)
    {
        using var telnyx = new ScriptedTelnyx("hang, 200");
        var (client, clock, log) = Client(telnyx);
        using var _ = client;

        var response = await Actions.Call(client, action);

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        Assert.That(telnyx.Attempts, Is.EqualTo(2));
        Assert.That(telnyx.Sent.Distinct().Count(), Is.EqualTo(1), "the same body, command_id included");
        Assert.That(clock.Delays, Is.EqualTo(new[] { ResendAfter }), "resent after ResendAfter, not after a backoff");
        var (first, resend) = (telnyx.Requests.First(), telnyx.Requests.Last());
        Assert.That(resend.Headers.Authorization, Is.EqualTo(first.Headers.Authorization));
        Assert.That(resend.Headers.UserAgent.ToString(), Is.EqualTo(first.Headers.UserAgent.ToString()));
        Assert.That(resend.Headers.Accept.ToString(), Is.EqualTo(first.Headers.Accept.ToString()));

        // The resend answered; the silent first attempt was cancelled for it (its line comes last).
        var byAttempt = log.Lines.ToDictionary(l => (int)l.Values["Attempt"]!, l => l.Values);
        Assert.That(byAttempt[2]["Reason"], Is.EqualTo("silence"));
        Assert.That(byAttempt[2]["Status"], Is.EqualTo("200"));
        Assert.That(byAttempt[1]["Reason"], Is.EqualTo("first"));
        Assert.That(byAttempt[1]["Status"], Is.EqualTo("superseded"));
    }

    [Test]
    public async Task The_commands_own_command_id_is_resent_with_it()
    {
        using var telnyx = new ScriptedTelnyx("hang, 200");
        var (client, _, _) = Client(telnyx);
        using var __ = client;

        await Actions.Call(client, Actions.WithCommandId[0]);

        var ids = telnyx.Sent.Select(b => JObject.Parse(b)["command_id"]!.Value<string>()).ToList();
        Assert.That(ids, Has.Count.EqualTo(2));
        Assert.That(ids[1], Is.EqualTo(ids[0]).And.Not.Empty);
    }

    [Test]
    public async Task Silence_on_every_attempt_is_bounded_by_MaxRetries_plus_the_resend_limit_and_Timeout_bounds_each_attempt()
    {
        using var telnyx = new ScriptedTelnyx("hang");
        var limit = TimeSpan.FromMilliseconds(100);
        var (client, _, log) = Client(telnyx, limit);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<TelnyxTimeoutException>(() => Actions.Call(client, "send_dtmf"));

        // MaxRetries 2 and at most one resend per attempt, two per command: the first attempt and its resend, a retry
        // and its resend, a last retry alone.
        Assert.That(ex!.Attempts, Is.EqualTo(1 + 2 + ResendOnSilenceLimit));
        Assert.That(telnyx.Attempts, Is.EqualTo(5));
        Assert.That(Logged(log, "Reason").Order(), Is.EqualTo(new[] { "first", "retry", "retry", "silence", "silence" }));
        Assert.That(Logged(log, "Status"), Has.All.EqualTo("timeout"), "a timeout worth retrying cancels nobody: each attempt ran to its own");
    }

    [Test]
    public async Task A_resends_503_does_not_cancel_the_original_which_then_succeeds()
    {
        using var telnyx = new ScriptedTelnyx("held 200, 503");
        var (client, _, log) = Client(telnyx);
        using var _ = client;
        log.Logged = line => { if (line["Attempt"] is 2) telnyx.Release(); }; // the original answers once the resend's 503 is in

        var response = await Actions.Call(client, "refer");

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        Assert.That(telnyx.Attempts, Is.EqualTo(2), "no retry: the command succeeded");
        var byAttempt = log.Lines.ToDictionary(l => (int)l.Values["Attempt"]!, l => l.Values);
        Assert.That((byAttempt[1]["Reason"], byAttempt[1]["Status"]), Is.EqualTo(("first", "200")));
        Assert.That((byAttempt[2]["Reason"], byAttempt[2]["Status"]), Is.EqualTo(("silence", "503")));
    }

    [Test]
    public async Task A_failure_no_repeat_can_change_ends_the_command_and_cancels_the_silent_attempt()
    {
        using var telnyx = new ScriptedTelnyx("hang, 422");
        var (client, _, log) = Client(telnyx);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Attempts, Is.EqualTo(2));
        Assert.That(Logged(log, "Status"), Is.EqualTo(new[] { "422", "superseded" }));
    }

    [Test]
    public async Task A_stall_then_a_503_is_still_retried_with_its_backoff()
    {
        using var telnyx = new ScriptedTelnyx("hang, 503, 200");
        // Timeout and ResendAfter on the real clock: the stalled first attempt times out a second after the resend's 503.
        var timeout = TimeSpan.FromMilliseconds(1500);
        var clock = new TestClock(timeout, alsoReal: ResendAfter);
        var log = new LogCapture();
        using var client = telnyx.Client(clock, o => { o.Timeout = timeout; o.ResendAfter = ResendAfter; o.Logger = log; });

        var response = await Actions.Call(client, "refer");

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        Assert.That(telnyx.Attempts, Is.EqualTo(3));
        Assert.That(clock.Delays, Has.Count.EqualTo(1).And.All.GreaterThan(TimeSpan.Zero), "the 503 waited for its backoff");
        Assert.That(Logged(log, "Reason"), Is.EqualTo(new[] { "silence", "first", "retry" }), "the resend's 503, the first attempt's timeout, the retry");
        Assert.That(Logged(log, "Status"), Is.EqualTo(new[] { "503", "timeout", "200" }));
    }

    [Test]
    public async Task MaxRetries_zero_still_resends_on_silence_but_never_retries()
    {
        using var telnyx = new ScriptedTelnyx("hang");
        var limit = TimeSpan.FromMilliseconds(100);
        var (client, clock, log) = Client(telnyx, limit, o => o.MaxRetries = 0);
        using var _ = client;

        var ex = await Assert.ThrowsAsync<TelnyxTimeoutException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.Attempts, Is.EqualTo(2));
        Assert.That(Logged(log, "Reason").Order(), Is.EqualTo(new[] { "first", "silence" }));
        Assert.That(clock.Delays, Is.EqualTo(new[] { ResendAfter }), "the silence, and no backoff");
    }

    private static IEnumerable<TestCaseData> NeverTwice() =>
        from action in Actions.NotIdempotent
        from script in new[] { "hang", "hang, 200", "500, 200", "502, 200", "504, 200", "408, 200", "reset, 200" }
        select new TestCaseData(action, script);

    [TestCaseSource(nameof(NeverTwice))]
    public async Task An_operation_marked_none_is_never_sent_twice(string action, string script)
    {
        using var telnyx = new ScriptedTelnyx(script);
        var (client, clock, _) = Client(telnyx, TimeSpan.FromMilliseconds(100));
        using var _ = client;

        Assert.That(() => Actions.Call(client, action), Throws.InstanceOf<TelnyxException>());

        Assert.That(telnyx.Attempts, Is.EqualTo(1));
        Assert.That(clock.Delays, Is.Empty, "no resend timer is even started");
    }

    [Test]
    public async Task With_ResendAfter_null_a_silent_attempt_waits_for_its_timeout_as_before()
    {
        using var telnyx = new ScriptedTelnyx("hang, 200");
        var limit = TimeSpan.FromSeconds(1); // also the 200's limit: room for a loaded machine
        var (client, clock, log) = Client(telnyx, limit, o => o.ResendAfter = null);
        using var _ = client;

        await Actions.Call(client, "refer");

        Assert.That(telnyx.Attempts, Is.EqualTo(2));
        Assert.That(Logged(log, "Status"), Is.EqualTo(new[] { "timeout", "200" }));
        Assert.That(Logged(log, "Reason"), Is.EqualTo(new[] { "first", "retry" }));
        Assert.That(clock.Delays, Has.Count.EqualTo(1).And.None.EqualTo(ResendAfter), "one backoff wait");
    }

    [Test]
    public async Task Two_hundred_concurrent_calls_silent_on_one_attempt_each_all_finish_with_two_requests_on_real_sockets()
    {
        // Whichever request of a command reaches the server first is never answered; the other is.
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        using var server = new LoopbackServer((_, body) => seen.AddOrUpdate(body, 1, (_, n) => n + 1) == 1 ? Behaviour.NeverAnswer : Behaviour.Ok);
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY_test", BaseUrl = server.BaseUrl, ResendAfter = TimeSpan.FromMilliseconds(50) });

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(() => Actions.Call(client, Actions.WithCommandId[i % Actions.WithCommandId.Length], callControlId: $"v3:call-{i}")));
        var responses = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(responses.Select(r => r.Data?.Result), Has.All.EqualTo("ok"));
        Assert.That(seen, Has.Count.EqualTo(200), "one body, so one command_id, per call");
        Assert.That(seen.Values, Has.All.EqualTo(2), "each call: the silent request and its resend, nothing more");
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void A_ResendAfter_that_is_not_positive_is_rejected(int milliseconds)
    {
        var options = new TelnyxClientOptions { ApiKey = "KEY_test", ResendAfter = TimeSpan.FromMilliseconds(milliseconds) };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TelnyxClient(options).Dispose());

        Assert.That(ex!.Message, Does.Contain("ResendAfter must be positive"));
    }

    [Test]
    public void The_default_is_Telnyxs_500_ms_and_ToString_shows_it()
    {
        Assert.That(new TelnyxClientOptions().ResendAfter, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(new TelnyxClientOptions().ToString(), Does.Contain("ResendAfter = 00:00:00.5"));
        Assert.That(new TelnyxClientOptions { ResendAfter = null }.ToString(), Does.Contain("ResendAfter = (off)"));
    }
}
