using Microsoft.Extensions.Options;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Outcomes;

/// <summary>
/// The router's rules one event at a time, including an event that ends the call: the curated webhooks spec has none
/// yet (call.hangup is not imported), so these tests say which type does.
/// </summary>
public class OutcomeRouterTests
{
    private const string Call = "v3:call";
    private static readonly Func<string, bool> HangupEndsCall = type => type == "call.hangup";
    private static readonly AwaitedOutcome Refer = new("Refer", ["call.refer.completed"], ["call.refer.failed"], HangupEndsCall);
    private static readonly AwaitedOutcome StartSiprec = new("StartSiprec", ["siprec.started"], ["siprec.failed"], HangupEndsCall);

    private OutcomeRouter _router = null!;

    [SetUp]
    public void NewRouter() => _router = new OutcomeRouter(Options.Create(new TelnyxOptions()));

    [Test]
    public void Progress_and_later_events_complete_nothing()
    {
        var refer = _router.Register(Call, Refer);
        var siprec = _router.Register(Call, StartSiprec);

        Assert.That(_router.Route(Call, Event("call.refer.started", "e1")), Is.Zero);
        Assert.That(_router.Route(Call, Event("siprec.stopped", "e2")), Is.Zero, "siprec.stopped comes later, from a stop");
        Assert.That(refer.Outcome.IsCompleted || siprec.Outcome.IsCompleted, Is.False);
        Assert.That(_router.Waiting, Is.EqualTo(2));
    }

    [Test]
    public async Task An_event_that_ends_the_call_fails_every_command_waiting_on_it_and_none_on_other_calls()
    {
        var refer = _router.Register(Call, Refer);
        var siprec = _router.Register(Call, StartSiprec);
        var elsewhere = _router.Register("v3:other", Refer);
        var hangup = Event("call.hangup", "e1");

        Assert.That(_router.Route(Call, hangup), Is.EqualTo(2));

        foreach (var outcome in new[] { await refer.Outcome, await siprec.Outcome })
        {
            Assert.That((outcome.Succeeded, outcome.Event), Is.EqualTo((false, hangup)));
        }

        Assert.That(elsewhere.Outcome.IsCompleted, Is.False);
        Assert.That(_router.Waiting, Is.EqualTo(1));
    }

    [Test]
    public async Task An_event_id_that_completed_a_command_completes_no_later_one()
    {
        var first = _router.Register(Call, Refer);
        var completed = Event("call.refer.completed", "e1");
        _router.Route(Call, completed);
        var second = _router.Register(Call, Refer);

        // A copy of the first outcome (its handler threw, so Telnyx delivered it again) arrives while the second waits.
        Assert.That(_router.Route(Call, Event("call.refer.completed", "e1")), Is.Zero);
        Assert.That(_router.Route(Call, Event("call.refer.failed", "e2")), Is.EqualTo(1));

        Assert.That((await first.Outcome).Event, Is.SameAs(completed));
        Assert.That((await second.Outcome).Event?.Id, Is.EqualTo("e2"));
        Assert.That(_router.Waiting, Is.Zero);
    }

    [Test]
    public void A_second_waiter_of_one_operation_on_one_call_is_refused_and_a_removed_one_frees_it()
    {
        var first = _router.Register(Call, Refer);

        Assert.Throws<InvalidOperationException>(() => _router.Register(Call, Refer));
        _router.Remove(first);
        Assert.DoesNotThrow(() => _router.Register(Call, Refer));
    }

    private static TelnyxWebhookEvent Event(string type, string id) => TelnyxWebhookParser.Parse(
        $$$$"""{"data":{"record_type":"event","event_type":"{{{{type}}}}","id":"{{{{id}}}}","occurred_at":"2026-12-07T10:00:00Z","payload":{"call_control_id":"{{{{Call}}}}"}}}""");
}
