namespace Telnyx.Generated.Cli.Tests.Commands;

public partial class ServerCommandTests
{
    [Test]
    public async Task Emulator_command_echoes_each_command_once_while_its_history_forgets_the_older_ones()
    {
        using var stop = new CancellationTokenSource();
        var cli = new Support.Cli();
        var run = cli.StartAsync(["emulator", "--history-limit", "1"], cancellationToken: stop.Token);
        var printed = await cli.Out.WaitForLineAsync("Live call", Ready);
        var call = Field(printed, "Live call");
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = Field(printed, "API key"), BaseUrl = new Uri(Field(printed, "Base URL")) });

        // Each command after the last was echoed: a history of 1 no longer holds the command shown before it.
        await client.Calls.Actions.StopSiprecAsync(call, new StopSiprecRequest());
        await cli.Out.WaitForLineAsync("POST siprec_stop  -> 200", Ready);
        await client.Calls.Actions.SendDtmfAsync(call, new SendDtmfRequest { Digits = "1" });
        await cli.Out.WaitForLineAsync("POST send_dtmf  -> 200", Ready);
        await client.Calls.Actions.StopNoiseSuppressionAsync(call, new StopNoiseSuppressionRequest());
        await cli.Out.WaitForLineAsync("POST suppression_stop  -> 200", Ready);
        await stop.CancelAsync();

        Assert.That(await run.WaitAsync(Ready), Is.EqualTo(0));
        Assert.That(cli.Out.ToString().ReplaceLineEndings("\n").Split('\n').Count(l => l.Contains("  -> ", StringComparison.Ordinal)), Is.EqualTo(3), "each once");
    }

    [Test]
    public async Task Emulator_command_with_a_history_limit_below_1_is_a_usage_error_naming_the_option()
    {
        var (code, _, error) = await Support.Cli.RunAsync(["emulator", "--history-limit", "0"]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--history-limit must be 1 or more"));
    }
}
