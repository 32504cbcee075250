namespace Telnyx.Generated.Tests.Resilience;

/// <summary>Telnyx's "immediately retry" a 500: once, where a repeat is safe; every other wait keeps its backoff.</summary>
public partial class ResendTests
{
    [TestCaseSource(typeof(Actions), nameof(Actions.RetriedOnAnyFailure))]
    public async Task A_500_is_retried_at_once_where_a_repeat_is_safe(string action)
    {
        using var telnyx = new ScriptedTelnyx("500, 200");
        var clock = new TestClock(RealTimeout);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);

        await Actions.Call(client, action);

        Assert.That(telnyx.Attempts, Is.EqualTo(2));
        Assert.That(clock.Delays, Is.Empty, "no backoff timer at all");
    }

    [TestCase("500, 500, 200", 1)]
    [TestCase("500, 503, 200", 1)]
    [TestCase("503, 500, 200", 1)]
    public async Task Only_the_first_500_skips_the_backoff(string script, int waits)
    {
        using var telnyx = new ScriptedTelnyx(script);
        var clock = new TestClock(RealTimeout);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);

        await Actions.Call(client, "send_dtmf");

        Assert.That(telnyx.Attempts, Is.EqualTo(3));
        Assert.That(clock.Delays, Has.Count.EqualTo(waits).And.All.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Retry_After_on_a_500_still_wins()
    {
        using var telnyx = new ScriptedTelnyx("500 retry-after=2, 200");
        var clock = new TestClock(RealTimeout);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);

        await Actions.Call(client, "send_dtmf");

        Assert.That(clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(2) }));
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.NotIdempotent))]
    public async Task A_500_an_operation_marked_none_may_retry_keeps_its_backoff(string action)
    {
        using var telnyx = new ScriptedTelnyx("500 x-should-retry=true, 200");
        var clock = new TestClock(RealTimeout);
        using var client = telnyx.Client(clock, o => o.Timeout = RealTimeout);

        await Actions.Call(client, action);

        Assert.That(telnyx.Attempts, Is.EqualTo(2));
        Assert.That(clock.Delays, Has.Count.EqualTo(1).And.All.GreaterThan(TimeSpan.Zero));
    }
}
