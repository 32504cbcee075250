using Telnyx.Generated.Testing.Tests.Support;

namespace Telnyx.Generated.Testing.Tests.Cli;

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
}
