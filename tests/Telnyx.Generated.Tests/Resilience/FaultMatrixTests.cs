namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Each row: an action, what Telnyx does on each attempt, how many attempts the client makes and what the caller gets.</summary>
public class FaultMatrixTests
{
    // The per-attempt timeout runs on the real clock (see TestClock); no Retry-After in these tests asks for this value.
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);

    private static readonly int[] RetriedStatuses = [408, 429, 500, 502, 503, 504];

    // Every retried status, for every action where any failure may be retried: 3 attempts with the default MaxRetries
    // of 2, and the success when the third attempt gets through.
    private static IEnumerable<TestCaseData> RetriedEverywhere() =>
        from action in Actions.RetriedOnAnyFailure
        from status in RetriedStatuses
        from last in new[] { "200", $"{status}" }
        select new TestCaseData(action, $"{status}, {status}, {last}", 3, last == "429" ? "rate-limit" : last);

    // siprec_start and switch_supervisor_role have no de-duplication: only what surely was not processed is retried.
    private static IEnumerable<TestCaseData> NotIdempotentRows() =>
        from action in Actions.NotIdempotent
        from row in new (string Script, int Attempts, string Outcome)[]
        {
            ("429, 200", 2, "200"),
            ("503, 503, 503", 3, "503"),
            ("refused, refused, 200", 3, "200"),
            ("408, 200", 1, "408"),
            ("500, 200", 1, "500"),
            ("502, 200", 1, "502"),
            ("504, 200", 1, "504"),
            ("reset, 200", 1, "connection"),
            ("hang, 200", 1, "timeout"),
        }
        select new TestCaseData(action, row.Script, row.Attempts, row.Outcome);

    private static IEnumerable<TestCaseData> OtherRows() =>
        from row in new (string Action, string Script, int Attempts, string Outcome)[]
        {
            // never retried: the request itself is wrong
            ("refer", "400, 200", 1, "400"),
            ("refer", "401, 200", 1, "auth"),
            ("refer", "403, 200", 1, "auth"),
            ("refer", "404, 200", 1, "404"),
            ("refer", "422, 200", 1, "422"),
            ("client_state_update", "422, 200", 1, "422"),
            // network failures, for actions where a repeat is harmless
            ("refer", "refused, refused, refused", 3, "connection"),
            ("refer", "reset, reset, 200", 3, "200"),
            ("client_state_update", "reset, reset, reset", 3, "connection"),
            ("send_dtmf", "hang, hang, hang", 3, "timeout"),
            ("send_dtmf", "refused, 503, 200", 3, "200"),
            // the server's word wins
            ("refer", "503 x-should-retry=false, 200", 1, "503"),
            ("refer", "429 x-should-retry=false, 200", 1, "rate-limit"),
            ("refer", "400 x-should-retry=true, 200", 2, "200"),
            ("siprec_start", "500 x-should-retry=true, 200", 2, "200"),
            ("refer", "503 x-should-retry=maybe, 200", 2, "200"),
            // a success is final: repeating it could run the command twice
            ("siprec_start", "200 x-should-retry=true, 500", 1, "200"),
            ("refer", "200 x-should-retry=true, 500", 1, "200"),
            // a wait longer than MaxRetryDelay (60 s) is not waited for
            ("refer", "429 retry-after=61, 200", 1, "rate-limit"),
            ("refer", "503 retry-after=3600, 200", 1, "503"),
            ("refer", "503 retry-after-ms=60001, 200", 1, "503"),
            ("refer", "503 retry-after-date=120, 200", 1, "503"),
            ("refer", "503 retry-after=60, 200", 2, "200"),
            // malformed error bodies still give a TelnyxApiException with the status, retried as usual
            ("refer", "500 body=html, 500 body=empty, 500 body=truncated", 3, "500"),
            ("refer", "502 body=not-a-list, 502 body=mixed, 502 body=null", 3, "502"),
            ("siprec_start", "500 body=html", 1, "500"),
            ("siprec_start", "422 body=truncated", 1, "422"),
        }
        select new TestCaseData(row.Action, row.Script, row.Attempts, row.Outcome);

    [TestCaseSource(nameof(RetriedEverywhere))]
    [TestCaseSource(nameof(NotIdempotentRows))]
    [TestCaseSource(nameof(OtherRows))]
    public async Task Attempts_and_outcome(string action, string script, int attempts, string outcome)
    {
        using var telnyx = new ScriptedTelnyx(script);
        // Backoff waits are instant; the per-attempt timeout is real, and short where the script makes it fire.
        var timeoutLimit = script.Contains("hang") ? TimeSpan.FromMilliseconds(100) : RealTimeout;
        using var client = telnyx.Client(new TestClock(realDuration: timeoutLimit), o => o.Timeout = timeoutLimit);

        var call = Actions.Call(client, action);

        switch (outcome)
        {
            case "200":
                Assert.That((await call).Data?.Result, Is.EqualTo("ok"));
                break;
            case "connection":
                var connection = await Assert.ThrowsAsync<TelnyxConnectionException>(() => call);
                Assert.That(connection!.Attempts, Is.EqualTo(attempts));
                break;
            case "timeout":
                var timeout = await Assert.ThrowsAsync<TelnyxTimeoutException>(() => call);
                Assert.That(timeout!.Attempts, Is.EqualTo(attempts));
                Assert.That(timeout.Timeout, Is.EqualTo(timeoutLimit));
                break;
            case "auth":
                var auth = await Assert.ThrowsAsync<TelnyxAuthenticationException>(() => call);
                Assert.That(auth!.Attempts, Is.EqualTo(attempts));
                break;
            case "rate-limit":
                var limited = await Assert.ThrowsAsync<TelnyxRateLimitException>(() => call);
                Assert.That(limited!.StatusCode, Is.EqualTo(429));
                Assert.That(limited.Attempts, Is.EqualTo(attempts));
                break;
            default:
                var api = await Assert.ThrowsAsync<TelnyxApiException>(() => call);
                Assert.That(api!.GetType(), Is.EqualTo(typeof(TelnyxApiException)), "429 and 401/403 have their own types; the rest do not");
                Assert.That(api.StatusCode, Is.EqualTo(int.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(api.Attempts, Is.EqualTo(attempts));
                Assert.That(api.Message, Does.Contain(outcome).And.Contain(action));
                break;
        }

        Assert.That(telnyx.Attempts, Is.EqualTo(attempts), "attempts that reached the server");
    }

    [Test]
    public async Task MaxRetries_zero_disables_retries()
    {
        using var telnyx = new ScriptedTelnyx("503, 200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => { o.MaxRetries = 0; o.Timeout = RealTimeout; });

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.Attempts, Is.EqualTo(1));
        Assert.That(telnyx.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task MaxRetries_five_makes_six_attempts()
    {
        using var telnyx = new ScriptedTelnyx("500");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => { o.MaxRetries = 5; o.Timeout = RealTimeout; });

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => Actions.Call(client, "send_dtmf"));

        Assert.That(ex!.Attempts, Is.EqualTo(6));
        Assert.That(telnyx.Attempts, Is.EqualTo(6));
    }

    [Test]
    public async Task Backoff_is_exponential_with_jitter_starting_near_half_a_second_and_capped_at_eight_seconds()
    {
        var firsts = new List<TimeSpan>();
        var all = new List<TimeSpan>();
        for (var run = 0; run < 20; run++)
        {
            using var telnyx = new ScriptedTelnyx("503");
            var clock = new TestClock(RealTimeout);
            using var client = telnyx.Client(clock, o => { o.MaxRetries = 8; o.Timeout = RealTimeout; });
            await Assert.ThrowsAsync<TelnyxApiException>(() => Actions.Call(client, "refer"));
            var delays = clock.Delays.ToList();
            Assert.That(delays, Has.Count.EqualTo(8));
            firsts.Add(delays[0]);
            all.AddRange(delays);
        }

        Assert.That(all, Has.All.GreaterThan(TimeSpan.Zero).And.All.LessThanOrEqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(firsts, Has.All.LessThan(TimeSpan.FromSeconds(1.5)), "the first wait is about half a second");
        Assert.That(firsts.Distinct().Count(), Is.GreaterThan(1), "jitter: callers that failed together do not retry together");
        Assert.That(all, Has.Some.GreaterThan(TimeSpan.FromSeconds(4)), "the waits grow");
    }

    [TestCase("503 retry-after=2", 2000)]
    [TestCase("429 retry-after=30", 30000)]
    [TestCase("503 retry-after=0", 0)]
    [TestCase("503 retry-after-ms=250", 250)]
    [TestCase("503 retry-after-ms=250 retry-after=9", 250)]
    [TestCase("503 retry-after-date=10", 10000)]
    [TestCase("503 retry-after-date=-30", 0)]
    public async Task The_wait_the_server_asks_for_is_honoured(string step, int expectedMs)
    {
        using var telnyx = new ScriptedTelnyx($"{step}, 200");
        var clock = new TestClock(RealTimeout);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);

        await Actions.Call(client, "refer");

        // A zero wait starts no timer at all.
        Assert.That(clock.Delays, Is.EqualTo(expectedMs == 0 ? Array.Empty<TimeSpan>() : new[] { TimeSpan.FromMilliseconds(expectedMs) }));
        Assert.That(telnyx.Attempts, Is.EqualTo(2));
    }

    [TestCase("429 retry-after=120", 120)]
    [TestCase("503 retry-after-date=300", 300)]
    [TestCase("429 retry-after=5", 5)]
    public async Task The_error_exposes_the_wait_the_server_asked_for(string step, int seconds)
    {
        using var telnyx = new ScriptedTelnyx(step);
        var clock = new TestClock(RealTimeout);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);

        var ex = await Assert.CatchAsync<TelnyxApiException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        Assert.That(clock.Delays.Where(d => d >= TimeSpan.FromSeconds(60)), Is.Empty, "never waited beyond MaxRetryDelay");
    }

    [Test]
    public async Task A_lower_MaxRetryDelay_surfaces_shorter_waits_too()
    {
        using var telnyx = new ScriptedTelnyx("429 retry-after=5, 200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => { o.MaxRetryDelay = TimeSpan.FromSeconds(1); o.Timeout = RealTimeout; });

        var ex = await Assert.ThrowsAsync<TelnyxRateLimitException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(ex.Attempts, Is.EqualTo(1));
    }

    [TestCase("html", 0)]
    [TestCase("empty", 0)]
    [TestCase("truncated", 0)]
    [TestCase("not-a-list", 0)]
    [TestCase("null", 0)]
    [TestCase("mixed", 1)]
    [TestCase("telnyx", 1)]
    public async Task Any_error_body_gives_a_typed_error_with_what_could_be_read(string body, int errors)
    {
        using var telnyx = new ScriptedTelnyx($"422 body={body}");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);

        var ex = await Assert.ThrowsAsync<TelnyxApiException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.StatusCode, Is.EqualTo(422));
        Assert.That(ex.Errors, Has.Count.EqualTo(errors));
        Assert.That(ex.ResponseBody, Is.EqualTo(ScriptedTelnyx.Bodies[body]));
    }
}
