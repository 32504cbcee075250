using Telnyx.Generated.Testing;

namespace Telnyx.Generated.Tests.Resilience;

/// <summary>
/// Resends on a real socket against the emulator, whose first attempt is held (<c>EmulatorFault.Delayed</c> on a
/// <see cref="StallClock"/>: the stall never ends by itself). A client that did not resend would wait for its
/// 60 s timeout, which <see cref="Guard"/> turns into a failure.
/// </summary>
public class EmulatorResendTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(17);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    // One command answered first, so none below pays for the emulator's or the client's first use (JIT, schema
    // loading, connections), which on a loaded machine can take longer than ResendAfter or a short Timeout.
    private static async Task WarmUpAsync(TelnyxEmulator emulator, TelnyxClient client, LogCapture? log = null)
    {
        await client.Calls.Actions.SendDtmfAsync(emulator.CreateCall(), new SendDtmfRequest { Digits = "1" }).WaitAsync(Guard);
        log?.Lines.Clear();
    }

    private static List<RecordedCommand> Sent(TelnyxEmulator emulator, string action) => emulator.Commands.Where(c => c.Action == action).ToList();

    [Test]
    public async Task A_stalled_refer_is_resent_with_its_command_id_answered_by_the_resend_and_runs_once()
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { TimeProvider = stall });
        var log = new LogCapture();
        // Default options: one resend per attempt, so exactly one, even if a loaded machine made the resend slower than ResendAfter.
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, Logger = log });
        await WarmUpAsync(emulator, client, log);
        var call = emulator.CreateCall();
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));

        var response = await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" }).WaitAsync(Guard);

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        // The emulator saw the client close the stalled attempt: it was cancelled, not left to run.
        await stall.Abandoned.WaitAsync(Guard);
        await emulator.WhenWebhooksDeliveredAsync();
        await emulator.DisposeAsync(); // stops the server once every request it received is recorded

        var commands = Sent(emulator, "refer");
        Assert.That(commands, Has.Count.EqualTo(2));
        Assert.That(commands.Select(c => c.CommandId).Distinct().Single(), Is.Not.Null, "two requests, one command_id");
        Assert.That(commands.Select(c => c.StatusCode), Is.EquivalentTo(new[] { 200, 0 }), "the resend answered; the stalled attempt never ran (0: given up)");
        Assert.That(emulator.Events.Select(e => e.EventType), Is.EqualTo(new[] { "call.refer.started", "call.refer.completed" }), "the refer took effect once");
        var lines = log.Lines.ToDictionary(l => (int)l.Values["Attempt"]!, l => l.Values);
        Assert.That((lines[1]["Reason"], lines[1]["Status"]), Is.EqualTo(("first", "superseded")));
        Assert.That((lines[2]["Reason"], lines[2]["Status"]), Is.EqualTo(("silence", "200")));
    }

    [TestCaseSource(typeof(Actions), nameof(Actions.NotIdempotent))]
    public async Task A_stalled_operation_marked_none_is_sent_once_and_waits_for_its_answer(string action)
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { TimeProvider = stall });
        // Every timer but the attempt timeout fires at once: a resend, were one planned, would go out immediately.
        var clock = new TestClock(TimeSpan.FromSeconds(60));
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, TimeProvider = clock });
        await WarmUpAsync(emulator, client);
        clock.Delays.Clear();
        var call = emulator.CreateCall();
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));

        var sent = Actions.Call(client, action, Actions.Request(action), callControlId: call);
        await stall.Started.WaitAsync(Guard);
        Assert.That(sent.IsCompleted, Is.False, "waiting for the held answer");
        stall.Release();
        var response = await sent.WaitAsync(Guard);

        Assert.That(response.Data?.Result, Is.EqualTo("ok"));
        await emulator.DisposeAsync();
        Assert.That(Sent(emulator, action).Select(c => c.StatusCode), Is.EqualTo(new[] { 200 }), "sent once");
        Assert.That(clock.Delays, Is.Empty, "no resend timer was even started");
    }

    [Test]
    public async Task With_ResendAfter_null_a_stalled_refer_waits_for_its_timeout_then_retries_as_before()
    {
        var stall = new StallClock(Stall);
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { TimeProvider = stall });
        var timeout = TimeSpan.FromSeconds(1);
        var log = new LogCapture();
        using var client = new TelnyxClient(new TelnyxClientOptions
        {
            ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl, ResendAfter = null, Timeout = timeout, TimeProvider = new TestClock(timeout), Logger = log,
        });
        await WarmUpAsync(emulator, client, log);
        var call = emulator.CreateCall();
        emulator.FailNext(1, EmulatorFault.Delayed(Stall));

        await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" }).WaitAsync(Guard);

        await stall.Abandoned.WaitAsync(Guard);
        await emulator.DisposeAsync();
        Assert.That(Sent(emulator, "refer").Select(c => c.StatusCode), Is.EquivalentTo(new[] { 0, 200 }), "recorded as each ended: the abandoned one whenever the server noticed");
        Assert.That(log.Lines.Select(l => (l.Values["Reason"], l.Values["Status"])), Is.EqualTo(new[] { ((object?)"first", (object?)"timeout"), ("retry", "200") }));
    }
}
