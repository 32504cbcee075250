using Telnyx.Generated.Cli.Tests.Support;

namespace Telnyx.Generated.Cli.Tests.Commands;

public class VerifyCommandTests
{
    private static async Task<(ReceivedWebhook Webhook, string PublicKey)> CaptureAsync()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await TelnyxEmulator.StartAsync(new TelnyxEmulatorOptions { WebhookUrl = receiver.Url });
        using var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        await client.Calls.Actions.StartSiprecAsync(emulator.CreateCall(), new StartSiprecRequest { ClientState = "c3RhdGU=" });
        return (await receiver.NextAsync(TimeSpan.FromSeconds(10)), emulator.PublicKey);
    }

    [Test]
    public async Task Verify_accepts_a_genuine_webhook_from_stdin_and_names_the_event()
    {
        var (webhook, key) = await CaptureAsync();

        var (code, output, error) = await Support.Cli.RunAsync(["verify", "--public-key", key, "--signature", webhook.Signature!, "--timestamp", webhook.Timestamp!], webhook.Body);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("VERIFIED: siprec.started").And.Contain("client_state=c3RhdGU="));
    }

    [Test]
    public async Task Verify_of_a_changed_body_exits_1_naming_the_signature_check_and_the_usual_cause()
    {
        var (webhook, key) = await CaptureAsync();

        var (code, _, error) = await Support.Cli.RunAsync(["verify", "--public-key", key, "--signature", webhook.Signature!, "--timestamp", webhook.Timestamp!], webhook.Body + "\n");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("NOT VERIFIED (SignatureMismatch)").And.Contain("re-serialised").And.Contain("ends with a newline"));
    }

    [Test]
    public async Task Verify_without_a_signature_says_the_header_is_missing()
    {
        var (webhook, key) = await CaptureAsync();

        var (code, _, error) = await Support.Cli.RunAsync(["verify", "--public-key", key, "--timestamp", webhook.Timestamp!], webhook.Body);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("MissingSignature"));
    }

    [Test]
    public async Task Verify_with_a_malformed_public_key_is_a_usage_error()
    {
        var (code, _, error) = await Support.Cli.RunAsync(["verify", "--public-key", "not-base64!", "--signature", "x", "--timestamp", "1"], "{}");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--public-key").And.Contain("base64").And.Not.Contain("(Parameter"));
    }

    [Test]
    public async Task Verify_with_an_empty_body_says_the_body_is_empty()
    {
        var (webhook, key) = await CaptureAsync();

        var (code, output, error) = await Support.Cli.RunAsync(["verify", "--public-key", key, "--signature", webhook.Signature!, "--timestamp", webhook.Timestamp!], "");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith("error: the body on stdin is empty").And.Not.Contain("SignatureMismatch"));
    }
}
