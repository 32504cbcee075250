using Telnyx.Generated.Testing;
using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.AspNetCore.Tests.Outcomes;

/// <summary>SendAsync against the emulator through a real app: the outcome the spec names, under Telnyx's delivery behaviour.</summary>
public class SendAsyncTests
{
    private static readonly ReferRequest ToAgent = new() { SipAddress = "sip:agent@example.com" };

    [Test]
    public async Task A_refer_completes_with_its_success_event_and_every_handler_still_runs()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();

        var outcome = await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));
        await app.Emulator.WhenWebhooksDeliveredAsync();

        Assert.That(outcome.OperationId, Is.EqualTo("Refer"));
        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(outcome.Event, Is.TypeOf<CallReferCompletedEvent>());
        Assert.That(outcome.Event!.Payload?.CallControlId, Is.EqualTo(call));
        Assert.That(app.Handled.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.started", "call.refer.completed" }), "progress and outcome each handled once");
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task A_rejected_refer_completes_with_its_failure_event()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();
        app.Emulator.FailWith("call.refer.failed");

        var outcome = await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Event, Is.TypeOf<CallReferFailedEvent>());
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task Siprec_start_and_stop_each_complete_with_their_own_event()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();

        var started = await app.Outcomes.SendAsync(call, (calls, ct) => calls.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "srs" }, ct));
        var stopped = await app.Outcomes.SendAsync(call, (calls, ct) => calls.StopSiprecAsync(call, new StopSiprecRequest(), ct));

        Assert.That((started.OperationId, started.Succeeded, started.Event?.EventType), Is.EqualTo(("StartSiprec", true, "siprec.started")));
        Assert.That((stopped.OperationId, stopped.Succeeded, stopped.Event?.EventType), Is.EqualTo(("StopSiprec", true, "siprec.stopped")));
    }

    [Test]
    public async Task An_operation_without_outcome_events_completes_at_the_2xx()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();

        var outcome = await app.Outcomes.SendAsync(call, (calls, ct) => calls.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }, ct));

        Assert.That((outcome.OperationId, outcome.Succeeded, outcome.Event), Is.EqualTo(("SendDtmf", true, (TelnyxWebhookEvent?)null)));
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task An_outcome_delivered_before_the_command_is_answered_is_not_missed()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();

        // The refer's answer is held until the app has handled its outcome event.
        app.AfterSend = _ => app.HandledAsync("call.refer.completed", call);
        var outcome = await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));

        Assert.That(outcome.Event, Is.TypeOf<CallReferCompletedEvent>());
    }

    [Test]
    public async Task Outcomes_of_another_call_or_another_operation_and_copies_of_an_earlier_outcome_complete_nothing()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();
        var other = app.Emulator.CreateCall();
        await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));
        await app.Emulator.WhenWebhooksDeliveredAsync();
        var earlier = app.Emulator.Events.Single(e => e.EventType == "call.refer.completed").Attempts[^1].Body;
        using var raw = new TelnyxClient(new TelnyxClientOptions { ApiKey = app.Emulator.ApiKey, BaseUrl = app.Emulator.BaseUrl });
        app.Emulator.RejectSipAddress("sip:busy@example.com");

        // While the second refer is on its way: a refer completes on another call, SIPREC starts on this one, and
        // the first refer's outcome is delivered again.
        app.BeforeSend = async request =>
        {
            app.BeforeSend = null;
            await OutcomeApp.Outside(async () =>
            {
                await raw.Calls.Actions.ReferAsync(other, ToAgent);
                await raw.Calls.Actions.StartSiprecAsync(call, new StartSiprecRequest { ConnectorName = "srs" });
                await app.Emulator.WhenWebhooksDeliveredAsync();
                using var copy = await app.App.PostAsync(earlier);
                Assert.That((int)copy.StatusCode, Is.EqualTo(200));
            });
        };
        var outcome = await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, new ReferRequest { SipAddress = "sip:busy@example.com" }, ct));

        Assert.That(app.Handled.Count(e => e.EventType == "call.refer.completed" && e.Payload?.CallControlId == other), Is.EqualTo(1));
        Assert.That(app.Handled.Count(e => e.EventType == "siprec.started"), Is.EqualTo(1));
        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Event, Is.TypeOf<CallReferFailedEvent>());
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task A_second_command_of_the_same_operation_on_the_call_is_refused_unsent_while_the_first_awaits()
    {
        await using var app = await OutcomeApp.StartAsync(deliver: false, settings: new() { ["Telnyx:OutcomeTimeout"] = "00:00:30" });
        var call = app.Emulator.CreateCall();
        using var stop = new CancellationTokenSource();
        var first = app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct), stop.Token);
        while (app.Emulator.Commands.Count == 0 && !first.IsCompleted)
        {
            await Task.Delay(5); // polling with a bound (the test's timeout): the first refer reaches the emulator
        }

        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct)));
        var siprec = app.Outcomes.SendAsync(call, (calls, ct) => calls.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }, ct));

        Assert.That(second!.Message, Does.Contain("Refer command on this call is still awaiting its outcome"));
        Assert.That((await siprec).Succeeded, Is.True, "another operation on the call is not affected");
        Assert.That(app.Emulator.Commands.Count(c => c.Action == "refer"), Is.EqualTo(1));
        await stop.CancelAsync();
        await Assert.ThrowsAsync<TaskCanceledException>(() => first);
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task A_callback_that_sends_no_command_two_commands_or_a_command_on_another_call_is_an_InvalidOperationException()
    {
        await using var app = await OutcomeApp.StartAsync();
        var call = app.Emulator.CreateCall();
        var other = app.Emulator.CreateCall();

        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Outcomes.SendAsync(call, (_, _) => Task.CompletedTask));
        var two = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Outcomes.SendAsync(call, async (calls, ct) =>
        {
            await calls.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" }, ct);
            await calls.SendDtmfAsync(call, new SendDtmfRequest { Digits = "2" }, ct);
        }));
        var elsewhere = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(other, ToAgent, ct)));

        Assert.That(none!.Message, Does.Contain("sent no command"));
        Assert.That(two!.Message, Does.Contain("second command (SendDtmf)"));
        Assert.That(elsewhere!.Message, Does.Contain("on another call"));
        Assert.That(app.Emulator.Commands.Select(c => c.Action).ToArray(), Is.EqualTo(new[] { "send_dtmf" }), "neither the second command nor the one on another call was sent");
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task A_command_that_fails_throws_as_before_and_leaves_no_waiter()
    {
        await using var app = await OutcomeApp.StartAsync(settings: new() { ["Telnyx:MaxRetries"] = "0" });
        var call = app.Emulator.CreateCall();
        app.Emulator.FailNext(1, EmulatorFault.Status(System.Net.HttpStatusCode.UnprocessableEntity));

        await Assert.ThrowsAsync<TelnyxApiException>(() => app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct)));

        Assert.That(app.Waiting, Is.Zero);
        var next = await app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct));
        Assert.That(next.Succeeded, Is.True, "the failed refer left nothing that refuses the next");
    }

    [Test]
    public async Task An_outcome_that_never_comes_times_out_naming_the_awaited_events()
    {
        await using var app = await OutcomeApp.StartAsync(deliver: false, settings: new() { ["Telnyx:OutcomeTimeout"] = "00:00:00.200" });
        var call = app.Emulator.CreateCall();

        var timeout = await Assert.ThrowsAsync<TelnyxOutcomeTimeoutException>(() => app.Outcomes.SendAsync(call, (calls, ct) => calls.ReferAsync(call, ToAgent, ct)));

        Assert.That(timeout!.Message, Does.Contain("Telnyx accepted the Refer command").And.Contain("call.refer.completed, call.refer.failed").And.Contain("Telnyx:OutcomeTimeout"));
        Assert.That(timeout.AwaitedEvents, Is.EqualTo(new[] { "call.refer.completed", "call.refer.failed" }));
        Assert.That(timeout.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(timeout.Message, Does.Not.Contain(call));
        Assert.That(app.Waiting, Is.Zero);
    }

    [Test]
    public async Task The_callers_token_cancels_the_wait()
    {
        await using var app = await OutcomeApp.StartAsync(deliver: false);
        var call = app.Emulator.CreateCall();
        using var cancel = new CancellationTokenSource();

        await Assert.CatchAsync<OperationCanceledException>(() => app.Outcomes.SendAsync(
            call,
            async (calls, ct) =>
            {
                await calls.ReferAsync(call, ToAgent, ct);
                await cancel.CancelAsync(); // accepted: only the wait is left to cancel
            },
            cancel.Token));

        Assert.That(app.Emulator.Commands, Has.Count.EqualTo(1));
        Assert.That(app.Waiting, Is.Zero);
    }
}
