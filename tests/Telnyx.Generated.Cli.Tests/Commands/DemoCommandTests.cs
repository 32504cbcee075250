using Telnyx.Generated.Cli.Tests.Support;

namespace Telnyx.Generated.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Test]
    public async Task Demo_runs_every_action_verifies_every_webhook_and_exits_0()
    {
        var (code, output, error) = await Support.Cli.RunAsync(["demo"]);

        Assert.That(code, Is.EqualTo(0), error);
        foreach (var action in new[] { "client_state_update", "refer", "send_dtmf", "siprec_start", "siprec_stop", "suppression_start", "suppression_stop", "switch_supervisor_role" })
        {
            Assert.That(output, Does.Contain(action));
        }

        foreach (var eventType in new[] { "call.refer.started", "call.refer.completed", "call.refer.failed", "siprec.started", "siprec.stopped", "siprec.failed" })
        {
            Assert.That(output, Does.Match($@"<-\s+{System.Text.RegularExpressions.Regex.Escape(eventType)}\s.*verified"));
        }

        Assert.That(output, Does.Contain("PASS: 10 commands covering all 8 actions, 7/7 webhooks received and verified"));
    }

    [Test]
    public async Task Demo_with_a_bad_timeout_is_a_usage_error()
    {
        var (code, _, error) = await Support.Cli.RunAsync(["demo", "--timeout", "0"]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--timeout must be more than 0"));
    }

    [Test]
    public async Task Demo_whose_webhooks_never_arrive_fails_within_its_bounded_wait_naming_each_missing_event()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cli = new Support.Cli();
        var console = new Telnyx.Generated.Cli.CliConsole(cli.Out, cli.Error, TextReader.Null);

        var code = await Telnyx.Generated.Cli.Commands.DemoCommand.RunAsync(console, TimeSpan.FromMilliseconds(200), CancellationToken.None, o =>
        {
            o.WebhookUrl = new Uri($"http://127.0.0.1:{deadPort}/webhooks");
            o.WebhookRetryDelays = [];
        });

        Assert.That(code, Is.EqualTo(1));
        Assert.That(cli.Out.ToString(), Does.Contain("MISSING call.refer.started: nothing arrived within 0.2 s"));
        Assert.That(cli.Error.ToString(), Does.Contain("FAIL: 7 problem(s); 0/7 webhooks verified"));
    }
}
