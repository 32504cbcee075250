using System.Text.RegularExpressions;
using Telnyx.Generated.Cli.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Telnyx.Generated.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Test]
    public async Task Demo_sends_every_action_of_the_spec_verifies_every_webhook_and_exits_0()
    {
        var (code, output, error) = await Support.Cli.RunAsync(["demo"]);

        Assert.That(code, Is.EqualTo(0), error);
        var sent = Regex.Matches(output, @"->.* ([a-z_]+) +ok in").Select(m => m.Groups[1].Value).ToList();
        var actions = SpecYaml.Operations.Select(o => o.Action).ToList();
        Assert.That(sent.Distinct(), Is.EquivalentTo(actions));
        foreach (var eventType in WebhookEventTypes())
        {
            Assert.That(output, Does.Match($@"<-\s+{Regex.Escape(eventType)}\s.*verified"));
        }

        // Telnyx's refer payloads do not carry the target, so the line names the command the event answers.
        Assert.That(output, Does.Match(@"<-\s+call\.refer\.failed\s.*sip_notify_response=603.*verified  \[Refer sip:busy@example\.com \(rejected\)\]"));

        // Refer and SIPREC are awaited with SendAsync; each prints how it ended.
        Assert.That(
            Regex.Matches(output, @"=> (.*) \(SendAsync\)").Select(m => m.Groups[1].Value),
            Is.EqualTo(new[]
            {
                "Refer succeeded (call.refer.completed)", "Refer failed (call.refer.failed)", "StartSiprec succeeded (siprec.started)",
                "StopSiprec succeeded (siprec.stopped)", "StartSiprec failed (siprec.failed)",
            }));

        // Seven webhooks: the scenario refers twice (completed, then rejected), so call.refer.started comes twice.
        Assert.That(output, Does.Contain($"PASS: {sent.Count} commands covering all {actions.Count} actions, 7/7 webhooks received and verified"));
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
        var deadPort = LoopbackPort.Free();
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

    /// <summary>The event types spec/telnyx-webhooks.yaml pairs with its webhooks (x-webhooks).</summary>
    private static IEnumerable<string> WebhookEventTypes()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Repo.Path("spec", "telnyx-webhooks.yaml")))
        {
            yaml.Load(reader);
        }

        var webhooks = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["x-webhooks"];
        return webhooks.Children.Values.Select(w => ((YamlScalarNode)w["eventType"]).Value!);
    }
}
