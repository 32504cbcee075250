using Telnyx.Generated.Cli.Tests.Support;

namespace Telnyx.Generated.Cli.Tests.Commands;

public class CallCommandTests
{
    [Test]
    public async Task Call_refer_sends_every_given_field_to_the_emulator_and_prints_the_command_id()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();
        var call = emulator.CreateCall();

        var (code, output, error) = await Support.Cli.RunAsync(["call", "refer", call, "--sip-address", "sip:agent@example.com", "--client-state", "c3RhdGU=",
            "--custom-header", "X-Team=blue", "--sip-header", "User-to-User=abc", "--base-url", emulator.BaseUrl.ToString(), "--api-key", emulator.ApiKey]);

        Assert.That(code, Is.EqualTo(0), error);
        var sent = emulator.Commands[0];
        Assert.That(output, Does.Contain("refer: ok").And.Contain($"command_id: {sent.CommandId}"));
        Assert.That(sent.StringField("sip_address"), Is.EqualTo("sip:agent@example.com"));
        Assert.That(sent.ClientState, Is.EqualTo("c3RhdGU="));
        Assert.That(sent.Body, Does.Contain("\"custom_headers\":[{\"name\":\"X-Team\",\"value\":\"blue\"}]"));
        Assert.That(sent.Body, Does.Contain("\"sip_headers\":[{\"name\":\"User-to-User\",\"value\":\"abc\"}]"));
    }

    [Test]
    public async Task The_docs_call_example_runs_as_written_against_the_emulator()
    {
        const string Prefix = "dotnet run --project src/Telnyx.Generated.Cli -- call ";
        await using var emulator = await TelnyxEmulator.StartAsync();
        var example = File.ReadLines(Repo.Path("docs", "cli.md")).Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));

        var args = example[(Prefix.Length - "call ".Length)..].Replace("<live call id>", emulator.CreateCall(), StringComparison.Ordinal)
            .Replace("http://127.0.0.1:5310/v2/", emulator.BaseUrl.ToString(), StringComparison.Ordinal).Replace("KEY_local", emulator.ApiKey, StringComparison.Ordinal);
        var (code, output, error) = await Support.Cli.RunAsync(args.Split(' '));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("refer: ok"));
        Assert.That(emulator.Commands[0].StringField("sip_address"), Is.EqualTo("sip:agent@example.com"));
    }

    [Test]
    public async Task Call_suppression_start_builds_the_nested_engine_config()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var (code, _, error) = await Support.Cli.RunAsync(["call", "suppression-start", emulator.CreateCall(), "--engine", "Krisp", "--direction", "both",
            "--model", "krisp-viva-tel-v2.kef", "--suppression-level", "50", "--base-url", emulator.BaseUrl.ToString(), "--api-key", emulator.ApiKey]);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(emulator.Commands[0].Body, Does.Contain("\"noise_suppression_engine_config\":{\"model\":\"krisp-viva-tel-v2.kef\",\"suppression_level\":50.0}"));
    }

    [Test]
    public async Task Call_on_an_unknown_call_prints_the_telnyx_error_and_exits_1()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var (code, _, error) = await Support.Cli.RunAsync(["call", "send_dtmf", "v3:nope", "--digits", "1", "--base-url", emulator.BaseUrl.ToString(), "--api-key", emulator.ApiKey]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("422").And.Contain("90015 Invalid Call Control ID (/call_control_id)"));
    }

    [Test]
    public async Task Call_with_a_wrong_key_exits_4_without_printing_the_key()
    {
        await using var emulator = await TelnyxEmulator.StartAsync();

        var (code, output, error) = await Support.Cli.RunAsync(["call", "siprec_stop", emulator.CreateCall(), "--base-url", emulator.BaseUrl.ToString(), "--api-key", "KEY_not_it"]);

        Assert.That(code, Is.EqualTo(4));
        Assert.That(error, Does.Contain("401"));
        Assert.That(output + error, Does.Not.Contain("KEY_not_it"));
    }

    [Test]
    public async Task Call_to_an_unreachable_server_exits_3()
    {
        var port = LoopbackPort.Free();

        var (code, _, error) = await Support.Cli.RunAsync(["call", "switch_supervisor_role", "v3:x", "--role", "barge", "--base-url", $"http://127.0.0.1:{port}/v2/", "--api-key", "k", "--max-retries", "0"]);

        Assert.That(code, Is.EqualTo(3));
        // The library's TelnyxConnectionException message: it names the host and the refused connection.
        Assert.That(error, Does.Contain("127.0.0.1").And.Contain("Connection refused"));
    }

    [TestCase(new[] { "call", "refer", "v3:x", "--api-key", "k" }, "--sip-address", TestName = "Call_without_a_required_field_is_a_usage_error")]
    [TestCase(new[] { "call", "switch_supervisor_role", "v3:x", "--role", "boss", "--api-key", "k" }, "boss", TestName = "Call_with_a_value_outside_the_spec_enum_is_a_usage_error")]
    [TestCase(new[] { "call", "refer", "v3:x", "--sip-address", "s", "--base-url", "not a url", "--api-key", "k" }, "--base-url must be an absolute", TestName = "Call_with_a_bad_base_url_is_a_usage_error")]
    [TestCase(new[] { "call", "refer", "v3:x", "--sip-address", "s", "--custom-header", "novalue", "--api-key", "k" }, "name=value", TestName = "Call_with_a_malformed_header_is_a_usage_error")]
    public async Task Bad_call_arguments_exit_2(string[] args, string expected)
    {
        var (code, _, error) = await Support.Cli.RunAsync(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain(expected));
    }

    [Test]
    public async Task Call_without_any_api_key_says_how_to_give_one()
    {
        var saved = Environment.GetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, null);
        try
        {
            var (code, _, error) = await Support.Cli.RunAsync(["call", "siprec_stop", "v3:x", "--base-url", "http://127.0.0.1:9/v2/"]);

            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("--api-key").And.Contain("TELNYX_API_KEY"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TelnyxClientOptions.ApiKeyEnvironmentVariable, saved);
        }
    }
}
