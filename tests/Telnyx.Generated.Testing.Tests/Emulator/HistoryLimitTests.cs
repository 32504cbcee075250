using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Emulator;

/// <summary>A long-running emulator keeps only its recent history, and still delivers everything.</summary>
public class HistoryLimitTests
{
    [Test]
    public async Task HistoryLimit_keeps_the_most_recent_commands_and_events_and_delivers_every_webhook()
    {
        await using var f = await EmulatorFixture.StartAsync(o => o.HistoryLimit = 2);
        var call = f.Emulator.CreateCall();

        foreach (var state in new[] { "b25l", "dHdv", "dGhyZWU=" })
        {
            await f.Actions.StopSiprecAsync(call, new StopSiprecRequest { ClientState = state });
        }

        await f.Emulator.WhenWebhooksDeliveredAsync().WaitAsync(EmulatorFixture.WebhookWait);

        Assert.That(f.Emulator.Commands.Select(c => c.ClientState), Is.EqualTo(new[] { "dHdv", "dGhyZWU=" }));
        Assert.That(f.Emulator.Events, Has.Count.EqualTo(2));
        Assert.That(f.Receiver.Received, Has.Count.EqualTo(3), "forgetting an event does not drop its delivery");
    }

    [Test]
    public async Task Without_HistoryLimit_the_emulator_keeps_every_command()
    {
        await using var f = await EmulatorFixture.StartAsync();
        var call = f.Emulator.CreateCall();

        for (var i = 0; i < 3; i++)
        {
            await f.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" });
        }

        Assert.That(f.Emulator.Commands, Has.Count.EqualTo(3));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public async Task A_HistoryLimit_below_1_is_refused_naming_the_option(int limit)
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { HistoryLimit = limit }));

        Assert.That(ex!.Message, Does.Contain("HistoryLimit"));
    }
}
