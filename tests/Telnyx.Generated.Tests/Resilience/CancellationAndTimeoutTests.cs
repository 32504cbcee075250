namespace Telnyx.Generated.Tests.Resilience;

/// <summary>The caller's cancellation is an OperationCanceledException with the caller's token; any other expiry is a TelnyxTimeoutException.</summary>
public class CancellationAndTimeoutTests
{
    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(45);

    [Test]
    public async Task Cancelled_before_sending_nothing_is_sent()
    {
        using var telnyx = new ScriptedTelnyx("200");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var ex = await Assert.CatchAsync<OperationCanceledException>(() => Actions.Call(client, "refer", cancellationToken: cts.Token));

        Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(telnyx.Attempts, Is.Zero);
    }

    [TestCase("refer")]
    [TestCase("siprec_start")]
    public async Task Cancelled_during_a_request(string action)
    {
        using var telnyx = new ScriptedTelnyx("hang");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => o.Timeout = RealTimeout);
        using var cts = new CancellationTokenSource();

        var call = Actions.Call(client, action, cancellationToken: cts.Token);
        await telnyx.FirstRequest;
        cts.Cancel();

        var ex = await Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(telnyx.Attempts, Is.EqualTo(1), "a cancelled attempt is not retried");
    }

    [Test]
    public async Task Cancelled_during_the_backoff_wait()
    {
        using var telnyx = new ScriptedTelnyx("503, 200");
        var clock = new TestClock(RealTimeout, holdDelays: true);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);
        using var cts = new CancellationTokenSource();

        var call = Actions.Call(client, "refer", cancellationToken: cts.Token);
        await clock.DelayRequested;
        cts.Cancel();

        var ex = await Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(telnyx.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancelled_during_a_long_server_requested_wait()
    {
        using var telnyx = new ScriptedTelnyx("429 retry-after=50, 200");
        var clock = new TestClock(RealTimeout, holdDelays: true);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);
        using var cts = new CancellationTokenSource();

        var call = Actions.Call(client, "send_dtmf", cancellationToken: cts.Token);
        await clock.DelayRequested;
        cts.Cancel();

        var ex = await Assert.CatchAsync<OperationCanceledException>(() => call);
        Assert.That(ex!.CancellationToken, Is.EqualTo(cts.Token));
        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(50) }));
    }

    [Test]
    public async Task The_supplied_HttpClients_own_timeout_is_a_TelnyxTimeoutException_too()
    {
        using var telnyx = new ScriptedTelnyx("hang");
        using var client = telnyx.Client(new TestClock(RealTimeout), o => { o.Timeout = Timeout.InfiniteTimeSpan; o.MaxRetries = 0; }, httpClientTimeout: TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAsync<TelnyxTimeoutException>(() => Actions.Call(client, "refer"));

        Assert.That(ex!.Attempts, Is.EqualTo(1));
        Assert.That(ex, Is.InstanceOf<TelnyxException>());
    }

    [Test]
    public async Task A_timeout_is_a_TelnyxException_with_the_attempts_and_the_limit_never_a_TaskCanceledException()
    {
        using var telnyx = new ScriptedTelnyx("hang");
        var limit = TimeSpan.FromMilliseconds(100);
        using var client = telnyx.Client(new TestClock(limit), o => o.Timeout = limit);

        var ex = await Assert.CatchAsync<Exception>(() => Actions.Call(client, "refer"));

        Assert.That(ex, Is.TypeOf<TelnyxTimeoutException>());
        var timeout = (TelnyxTimeoutException)ex!;
        Assert.That(timeout.Attempts, Is.EqualTo(3));
        Assert.That(timeout.Timeout, Is.EqualTo(limit));
        Assert.That(timeout.Message, Does.Contain("0.1 s").And.Contain("3 attempts").And.Contain("refer"));
    }
}
