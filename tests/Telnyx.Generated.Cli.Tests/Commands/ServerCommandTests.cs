using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Telnyx.Generated.Cli.Tests.Support;

namespace Telnyx.Generated.Cli.Tests.Commands;

/// <summary>The long-running commands: started in-process, awaited on their "ready" output, stopped by cancellation.</summary>
public partial class ServerCommandTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Emulator_command_prints_what_an_app_needs_and_serves_it_until_cancelled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var stop = new CancellationTokenSource();
        var cli = new Support.Cli();
        var run = cli.StartAsync(["emulator", "--webhook-url", receiver.Url.ToString(), "--api-key", "KEY_cli_test"], cancellationToken: stop.Token);

        var printed = await cli.Out.WaitForLineAsync("Live call", Ready);
        var baseUrl = new Uri(Field(printed, "Base URL"));
        var publicKey = Field(printed, "Public key");
        var call = Field(printed, "Live call");
        using (var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = "KEY_cli_test", BaseUrl = baseUrl }))
        {
            await client.Calls.Actions.StartSiprecAsync(call, new StartSiprecRequest());
        }

        var received = await receiver.NextAsync(Ready);
        var webhook = new TelnyxWebhookVerifier(publicKey).Unwrap(received.Body, received.Headers);
        await cli.Out.WaitForLineAsync("POST siprec_start  -> 200", Ready);
        await stop.CancelAsync();

        Assert.That(await run.WaitAsync(Ready), Is.EqualTo(0));
        Assert.That(webhook, Is.InstanceOf<CallSiprecStartedEvent>());
        Assert.That(cli.Out.ToString(), Does.Contain("Emulator stopped."));
    }

    [Test]
    public async Task Emulator_command_on_a_port_in_use_exits_1_saying_so()
    {
        await using var occupant = await WebhookReceiver.StartAsync();

        var (code, _, error) = await Support.Cli.RunAsync(["emulator", "--port", occupant.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain($"cannot listen on 127.0.0.1:{occupant.Url.Port}"));
    }

    [Test]
    public async Task Emulator_command_with_a_bad_signing_seed_is_a_usage_error()
    {
        var (code, _, error) = await Support.Cli.RunAsync(["emulator", "--signing-key-seed", "c2hvcnQ="]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("32 bytes"));
    }

    [Test]
    public async Task Listen_verifies_and_prints_each_webhook_with_the_call_it_belongs_to()
    {
        var cli = new Support.Cli();
        var seed = Convert.ToBase64String(new byte[32]);
        string[] calls;
        await using (var keyProbe = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed }))
        {
            var run = cli.StartAsync(["listen", "--public-key", keyProbe.PublicKey, "--max-events", "2"]);
            var url = new Uri(ListeningUrl(await cli.Out.WaitForLineAsync("Listening", Ready)));
            await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = url, SigningKeySeed = seed });
            using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
            calls = [emulator.CreateCall(), emulator.CreateCall()];
            await client.Calls.Actions.StopSiprecAsync(calls[0], new StopSiprecRequest { ClientState = "c3RhdGU=" });
            await client.Calls.Actions.StopSiprecAsync(calls[1], new StopSiprecRequest());

            Assert.That(await run.WaitAsync(Ready), Is.EqualTo(0), cli.Error.ToString());
        }

        var lines = cli.Out.ToString().ReplaceLineEndings("\n").Split('\n').Where(l => l.Contains("siprec.stopped", StringComparison.Ordinal)).ToList();
        // Calls are delivered on their own lanes, so the two lines may come in either order, as from Telnyx.
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines, Has.One.Match($@"siprec\.stopped\s+call_control_id={Regex.Escape(calls[0])} hangup_cause=normal_clearing client_state=c3RhdGU=\s+attempt=1\s+verified"));
        Assert.That(lines, Has.One.Match($@"siprec\.stopped\s+call_control_id={Regex.Escape(calls[1])} hangup_cause=normal_clearing\s+attempt=1\s+verified"));
    }

    [Test]
    public async Task Listen_json_writes_only_JSON_Lines_on_stdout_that_replay_into_verify()
    {
        var cli = new Support.Cli();
        var seed = Convert.ToBase64String(new byte[32]);
        string call;
        string publicKey;
        await using (var keyProbe = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { SigningKeySeed = seed }))
        {
            publicKey = keyProbe.PublicKey;
            var run = cli.StartAsync(["listen", "--public-key", publicKey, "--max-events", "2", "--json"]);
            var url = new Uri(ListeningUrl(await cli.Error.WaitForLineAsync("Listening", Ready)));
            await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = url, SigningKeySeed = seed });
            using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
            call = emulator.CreateCall();
            await client.Calls.Actions.ReferAsync(call, new ReferRequest { SipAddress = "sip:agent@example.com" });

            Assert.That(await run.WaitAsync(Ready), Is.EqualTo(0), cli.Error.ToString());
        }

        var lines = cli.Out.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2), "one JSON object per webhook and nothing else");
        var first = JObject.Parse(lines[0]);
        Assert.That((string?)first["verdict"], Is.EqualTo("verified"));
        Assert.That((string?)first["event_type"], Is.EqualTo("call.refer.started"));
        Assert.That((string?)first["call_control_id"], Is.EqualTo(call));
        Assert.That(cli.Error.ToString(), Does.Contain("Listening").And.Contain("call.refer.completed"), "the banner and the human lines go to stderr");

        // The capture replays into verify exactly: the body is the string that was signed, byte for byte.
        var headers = (JObject)first["headers"]!;
        var (code, output, error) = await Support.Cli.RunAsync(
            ["verify", "--public-key", publicKey, "--signature", (string)headers["telnyx-signature-ed25519"]!, "--timestamp", (string)headers["telnyx-timestamp"]!],
            (string)first["body"]!);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("VERIFIED: call.refer.started"));
    }

    [Test]
    public async Task Listen_json_reports_a_failed_check_as_the_verdict()
    {
        var cli = new Support.Cli();
        await using var other = await TelnyxEmulator.StartAsync();
        var run = cli.StartAsync(["listen", "--public-key", other.PublicKey, "--max-events", "1", "--json"]);
        var url = new Uri(ListeningUrl(await cli.Error.WaitForLineAsync("Listening", Ready)));
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = url });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        await client.Calls.Actions.StartSiprecAsync(emulator.CreateCall(), new StartSiprecRequest());

        Assert.That(await run.WaitAsync(Ready), Is.EqualTo(1));
        var line = JObject.Parse(cli.Out.ToString().Trim());
        Assert.That((string?)line["verdict"], Is.EqualTo("SignatureMismatch"));
        Assert.That((string?)line["detail"], Does.Contain("wrong public key"));
        Assert.That((string?)line["body"], Does.Contain("siprec.started"));
    }

    [Test]
    public async Task Listen_reports_a_webhook_signed_with_another_key_and_exits_1()
    {
        var cli = new Support.Cli();
        await using var other = await TelnyxEmulator.StartAsync();
        var run = cli.StartAsync(["listen", "--public-key", other.PublicKey, "--max-events", "1"]);
        var url = new Uri(ListeningUrl(await cli.Out.WaitForLineAsync("Listening", Ready)));
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = url });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        await client.Calls.Actions.StartSiprecAsync(emulator.CreateCall(), new StartSiprecRequest());

        Assert.That(await run.WaitAsync(Ready), Is.EqualTo(1));
        Assert.That(cli.Out.ToString(), Does.Contain("NOT VERIFIED").And.Contain("wrong public key"));
    }

    [Test]
    public async Task Listen_without_a_public_key_is_a_usage_error()
    {
        var (code, _, error) = await Support.Cli.RunAsync(["listen"]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--public-key"));
    }

    private static string Field(string printed, string label) =>
        Regex.Match(printed, $@"^\s*{Regex.Escape(label)}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    private static string ListeningUrl(string printed) => Regex.Match(printed, @"on (http://\S+)").Groups[1].Value;
}
