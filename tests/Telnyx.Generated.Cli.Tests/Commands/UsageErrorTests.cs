using System.Text.RegularExpressions;

namespace Telnyx.Generated.Cli.Tests.Commands;

/// <summary>Bad arguments, as people meet them: the error and where the help is, on stderr, exit 2; nothing on stdout.</summary>
public partial class UsageErrorTests
{
    [TestCase(new[] { "call", "refer", "v3:x", "--api-key", "k" }, "Option '--sip-address' is required.", "call refer", TestName = "A_missing_required_option")]
    [TestCase(new[] { "call", "refer", "v3:x", "--sip-address", "s", "--bogus" }, "Unrecognized command or argument '--bogus'.", "call refer", TestName = "An_unknown_option")]
    [TestCase(new[] { "call", "suppression_start", "v3:x", "--attenuation-limit", "101", "--api-key", "k" }, "--attenuation-limit: The value is outside of allowed range 0 to 100", "call suppression_start", TestName = "A_value_outside_the_spec_range")]
    [TestCase(new[] { "call", "siprec_stop", "v3:x", "--client-state", "not base64!", "--api-key", "k" }, "--client-state: The value must match the pattern", "call siprec_stop", TestName = "A_client_state_that_is_not_Base64")]
    [TestCase(new[] { "call", "siprec_stop", "v3:x", "--api-key", "k", "--timeout", "-1" }, "--timeout must be positive", "call siprec_stop", TestName = "A_client_setting_the_library_rejects")]
    [TestCase(new[] { "listen" }, "Option '--public-key' is required.", "listen", TestName = "Listen_without_its_key")]
    [TestCase(new[] { "verify", "--public-key", "AAAA" }, "--public-key: ", "verify", TestName = "A_malformed_public_key")]
    [TestCase(new[] { "demo", "--timeout", "0" }, "--timeout must be more than 0", "demo", TestName = "A_demo_timeout_out_of_range")]
    [TestCase(new[] { "emulator", "--signing-key-seed", "c2hvcnQ=" }, "32 bytes", "emulator", TestName = "A_short_signing_seed")]
    [TestCase(new[] { "nonsense" }, "'nonsense' is not a telnyx-calls command. The commands are: demo, emulator, listen, call, verify.", "", TestName = "An_unknown_command")]
    public async Task Prints_the_error_and_one_line_pointing_at_the_help_on_stderr_and_exits_2(string[] args, string error, string command)
    {
        var (code, output, stderr) = await Support.Cli.RunAsync(args);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty, "no help dump on stdout");
        var lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.StartWith("error: ").And.Contain(error));
        Assert.That(lines[^1], Is.EqualTo($"See 'telnyx-calls {command}{(command.Length > 0 ? " " : "")}--help'."));
        Assert.That(lines[..^1], Has.All.StartWith("error: "), "only errors before the pointer to the help");
        Assert.That(stderr, Does.Not.Contain("Usage:"));
    }

    [Test]
    public async Task An_operation_not_in_the_spec_says_so_and_lists_those_that_are()
    {
        var (code, output, error) = await Support.Cli.RunAsync(["call", "transfer", "v3:x"]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        var listed = Regex.Match(error, @"^error: 'transfer' is not an operation in this spec \(spec/telnyx-call-control\.yaml\)\. The operations are: (?<names>[^\n]*)\.$", RegexOptions.Multiline);
        Assert.That(listed.Success, Is.True, error);
        Assert.That(listed.Groups["names"].Value.Split(", "), Is.EqualTo(SpecYaml.Operations.Select(o => o.Action)));
        Assert.That(error, Does.Not.Contain("Required command was not provided"));
    }

    [Test]
    public async Task Call_without_an_operation_asks_for_one_of_the_spec()
    {
        var (code, _, error) = await Support.Cli.RunAsync(["call"]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.StartWith($"error: name an operation in this spec (spec/telnyx-call-control.yaml): {string.Join(", ", SpecYaml.Operations.Select(o => o.Action))}."));
    }

    [Test]
    public async Task Help_still_goes_to_stdout_and_exits_0()
    {
        var (code, output, error) = await Support.Cli.RunAsync(["call", "refer", "--help"]);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Usage:").And.Contain("--sip-address"));
    }

    [Test]
    public async Task The_call_timeout_and_retries_default_to_the_library_defaults()
    {
        var library = new TelnyxClientOptions();

        var (_, help, _) = await Support.Cli.RunAsync(["call", "refer", "--help"]);

        Assert.That(help, Does.Match($@"(?m)^\s+--timeout <timeout>\s+.*\[default: {library.Timeout.TotalSeconds}\]$"));
        Assert.That(help, Does.Match($@"(?m)^\s+--max-retries <max-retries>\s+.*\[default: {library.MaxRetries}\]$"));
    }
}
